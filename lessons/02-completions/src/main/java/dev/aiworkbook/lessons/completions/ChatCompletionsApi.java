package dev.aiworkbook.lessons.completions;

import dev.aiworkbook.harness.lesson.LessonProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import okhttp3.Request;

/** OpenAI Chat Completions: messages with roles in, {@code choices[].message} out. */
final class ChatCompletionsApi implements WireApi {

    static final String MODEL = "gpt-4o-mini";

    @Override
    public String title() {
        return "Chat Completions";
    }

    @Override
    public LessonProvider provider() {
        return LessonProvider.OPENAI;
    }

    @Override
    public String path() {
        return "/v1/chat/completions";
    }

    // tag::chat-body[]
    /** Every turn is a message with a role, the system prompt included: the list is the conversation. */
    @Override
    public ObjectNode body(List<Turn> conversation) {
        ObjectNode body = Json.object().put("model", MODEL);
        ArrayNode messages = body.putArray("messages");
        for (Turn turn : conversation) {
            messages.addObject()
                    .put("role", turn.role().name().toLowerCase(Locale.ROOT))   // system, user, assistant
                    .put("content", turn.text());
        }
        return body;
    }
    // end::chat-body[]

    @Override
    public Request request(String baseUrl, String key, ObjectNode body) {
        return Json.post(baseUrl + path(), body).header("Authorization", "Bearer " + key).build();
    }

    // tag::chat-read[]
    /** One choice (n defaults to 1); its message holds the text, and the usage sits beside the choices. */
    @Override
    public Answer read(JsonNode response) {
        JsonNode choice = response.path("choices").path(0);
        JsonNode usage = response.path("usage");
        return new Answer(response.path("id").asText(), response.path("model").asText(),
                // content is null when the model called a tool or refused (message.refusal)
                choice.path("message").path("content").asText(""),
                choice.path("finish_reason").asText(),   // stop, length, tool_calls, content_filter
                new Answer.Tokens(
                        usage.path("prompt_tokens").asInt(),
                        usage.at("/prompt_tokens_details/cached_tokens").asInt(),
                        usage.path("completion_tokens").asInt(),   // reasoning included
                        usage.at("/completion_tokens_details/reasoning_tokens").asInt()));
    }
    // end::chat-read[]
}

package dev.aiworkbook.lessons.completions;

import dev.aiworkbook.harness.lesson.LessonProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import okhttp3.Request;

/** Anthropic Messages: {@code system} beside the messages, {@code max_tokens} required, content blocks out. */
final class AnthropicMessagesApi implements WireApi {

    static final String MODEL = "claude-sonnet-4-5";
    /** Required by this API, and a cap on what a live run can cost. A one-word answer needs a handful. */
    static final int MAX_TOKENS = 64;

    @Override
    public String title() {
        return "Anthropic Messages";
    }

    @Override
    public LessonProvider provider() {
        return LessonProvider.ANTHROPIC;
    }

    @Override
    public String path() {
        return "/v1/messages";
    }

    // tag::anthropic-body[]
    /** The system prompt is a top-level field; messages hold only user and assistant turns. */
    @Override
    public ObjectNode body(List<Turn> conversation) {
        ObjectNode body = Json.object().put("model", MODEL).put("max_tokens", MAX_TOKENS);
        body.put("system", WireApi.systemText(conversation));
        ArrayNode messages = body.putArray("messages");
        for (Turn turn : conversation) {
            if (!turn.isSystem()) {
                messages.addObject()
                        .put("role", turn.role().name().toLowerCase(Locale.ROOT))   // user, assistant
                        .put("content", turn.text());   // a string is short for [{"type":"text","text":...}]
            }
        }
        return body;
    }
    // end::anthropic-body[]

    @Override
    public Request request(String baseUrl, String key, ObjectNode body) {
        return Json.post(baseUrl + path(), body)
                .header("x-api-key", key)
                .header("anthropic-version", "2023-06-01")
                .build();
    }

    // tag::anthropic-read[]
    /** content is a list of typed blocks (text, thinking, tool_use...): join the text blocks. */
    @Override
    public Answer read(JsonNode response) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : response.path("content")) {
            if (block.path("type").asText().equals("text")) {
                text.append(block.path("text").asText());
            }
        }
        JsonNode usage = response.path("usage");
        // input_tokens counts only what was neither read from nor written to the prompt cache
        int cacheRead = usage.path("cache_read_input_tokens").asInt();
        int allInput = usage.path("input_tokens").asInt() + cacheRead + usage.path("cache_creation_input_tokens").asInt();
        return new Answer(response.path("id").asText(), response.path("model").asText(), text.toString(),
                response.path("stop_reason").asText(),   // end_turn, max_tokens, stop_sequence, tool_use, refusal
                new Answer.Tokens(allInput, cacheRead,
                        usage.path("output_tokens").asInt(),   // thinking included, not reported apart
                        null));
    }
    // end::anthropic-read[]
}

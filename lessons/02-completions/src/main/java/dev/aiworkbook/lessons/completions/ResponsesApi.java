package dev.aiworkbook.lessons.completions;

import dev.aiworkbook.harness.lesson.LessonProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import okhttp3.Request;

/** OpenAI's Responses API: input items and {@code instructions} in, a list of output items out. */
final class ResponsesApi implements WireApi {

    static final String MODEL = "gpt-5-mini";

    @Override
    public String title() {
        return "Responses";
    }

    @Override
    public LessonProvider provider() {
        return LessonProvider.OPENAI;
    }

    @Override
    public String path() {
        return "/v1/responses";
    }

    // tag::responses-body[]
    /**
     * The system prompt is no message here but the top-level "instructions"; the turns are input
     * items. store:false keeps nothing at OpenAI, so each call sends the whole conversation again.
     */
    @Override
    public ObjectNode body(List<Turn> conversation) {
        ObjectNode body = Json.object().put("model", MODEL);
        body.put("instructions", WireApi.systemText(conversation));
        ArrayNode input = body.putArray("input");
        for (Turn turn : conversation) {
            if (!turn.isSystem()) {
                input.addObject()
                        .put("role", turn.role().name().toLowerCase(Locale.ROOT))   // user, assistant
                        .put("content", turn.text());
            }
        }
        body.put("store", false);
        return body;
    }
    // end::responses-body[]

    // tag::responses-stateful[]
    /**
     * The other way to hold a conversation: the first call is stored (store:true, the default),
     * and the next one sends only the new turn plus the id of the response it follows.
     */
    static ObjectNode followUpByReference(String previousResponseId, String instructions, String question) {
        ObjectNode body = Json.object().put("model", MODEL).put("previous_response_id", previousResponseId);
        body.put("instructions", instructions);   // not carried over from the previous response: send it again
        body.putArray("input").addObject().put("role", "user").put("content", question);
        return body;
    }
    // end::responses-stateful[]

    @Override
    public Request request(String baseUrl, String key, ObjectNode body) {
        return Json.post(baseUrl + path(), body).header("Authorization", "Bearer " + key).build();
    }

    // tag::responses-read[]
    /**
     * There is no "the answer" field: output is a list of items (here a reasoning item, then a
     * message), so walk it and keep the output_text parts of the messages.
     */
    @Override
    public Answer read(JsonNode response) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : response.path("output")) {
            if (item.path("type").asText().equals("message")) {
                for (JsonNode part : item.path("content")) {
                    if (part.path("type").asText().equals("output_text")) {   // or "refusal"
                        text.append(part.path("text").asText());
                    }
                }
            }
        }
        // "completed", or "incomplete" with its reason (max_output_tokens, content_filter) beside it
        String status = response.path("status").asText();
        JsonNode reason = response.at("/incomplete_details/reason");
        JsonNode usage = response.path("usage");
        return new Answer(response.path("id").asText(), response.path("model").asText(), text.toString(),
                reason.isTextual() ? status + " (" + reason.asText() + ")" : status,
                new Answer.Tokens(
                        usage.path("input_tokens").asInt(),
                        usage.at("/input_tokens_details/cached_tokens").asInt(),
                        usage.path("output_tokens").asInt(),   // reasoning included
                        usage.at("/output_tokens_details/reasoning_tokens").asInt()));
    }
    // end::responses-read[]
}

package dev.aiworkbook.lessons.completions;

import dev.aiworkbook.harness.lesson.LessonProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import okhttp3.Request;

/** Gemini generateContent: {@code contents} of {@code parts} in, {@code candidates} out; the assistant is "model". */
final class GeminiApi implements WireApi {

    static final String MODEL = "gemini-2.5-flash";

    @Override
    public String title() {
        return "Gemini generateContent";
    }

    @Override
    public LessonProvider provider() {
        return LessonProvider.GEMINI;
    }

    @Override
    public String path() {
        return "/v1beta/models/" + MODEL + ":generateContent";   // the model is in the path, not the body
    }

    // tag::gemini-body[]
    /** Turns are contents with parts; the system prompt is a content of its own, systemInstruction. */
    @Override
    public ObjectNode body(List<Turn> conversation) {
        ObjectNode body = Json.object();
        ArrayNode contents = body.putArray("contents");
        for (Turn turn : conversation) {
            if (!turn.isSystem()) {
                ObjectNode content = contents.addObject().put("role", turn.role() == Turn.Role.USER ? "user" : "model");
                content.putArray("parts").addObject().put("text", turn.text());
            }
        }
        body.putObject("systemInstruction").putArray("parts").addObject().put("text", WireApi.systemText(conversation));
        return body;
    }
    // end::gemini-body[]

    @Override
    public Request request(String baseUrl, String key, ObjectNode body) {
        return Json.post(baseUrl + path(), body).header("x-goog-api-key", key).build();
    }

    // tag::gemini-read[]
    /** The first candidate's parts, minus thought summaries; thinking tokens are counted apart from the answer's. */
    @Override
    public Answer read(JsonNode response) {
        JsonNode candidate = response.path("candidates").path(0);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            if (part.has("text") && !part.path("thought").asBoolean()) {
                text.append(part.path("text").asText());
            }
        }
        JsonNode usage = response.path("usageMetadata");
        int thoughts = usage.path("thoughtsTokenCount").asInt();
        return new Answer(response.path("responseId").asText(), response.path("modelVersion").asText(), text.toString(),
                candidate.path("finishReason").asText(),   // STOP, MAX_TOKENS, SAFETY, RECITATION...
                new Answer.Tokens(
                        usage.path("promptTokenCount").asInt(),
                        usage.path("cachedContentTokenCount").asInt(),   // absent when nothing was cached
                        usage.path("candidatesTokenCount").asInt() + thoughts,   // both are billed as output
                        thoughts));
    }
    // end::gemini-read[]
}

package dev.aiworkbook.lessons.completions;

import dev.aiworkbook.harness.lesson.LessonProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import okhttp3.Request;

/**
 * One completion API on the wire: how a conversation becomes its request body, how the key
 * travels, and where the answer, the finish reason and the token counts are in its response.
 * The lesson has four: {@link ChatCompletionsApi}, {@link ResponsesApi},
 * {@link AnthropicMessagesApi} and {@link GeminiApi}.
 */
interface WireApi {

    /** The API's name, as the README's sections call it. */
    String title();

    LessonProvider provider();

    /** The request path; Gemini's names the model in it. */
    String path();

    /** The request body for the whole conversation so far (these APIs keep no state here). */
    ObjectNode body(List<Turn> conversation);

    /** The HTTP request: the body, posted to {@code baseUrl + path()}, with the provider's auth headers. */
    Request request(String baseUrl, String key, ObjectNode body);

    /** The answer, finish reason and usage out of a 200 response body. */
    Answer read(JsonNode response);

    /** The system prompt, for the three APIs that take it outside the list of turns. */
    static String systemText(List<Turn> conversation) {
        return conversation.stream().filter(Turn::isSystem).map(Turn::text).findFirst().orElse(null);
    }
}

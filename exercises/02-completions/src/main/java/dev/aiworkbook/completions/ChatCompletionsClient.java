package dev.aiworkbook.completions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * <h2>Exercise 1 · A Chat Completions client (15 points)</h2>
 *
 * <p>Chat Completions is the API most of the industry copied: OpenAI, and the OpenAI-compatible
 * servers of Ollama, vLLM, Groq and many more. Write a client for it with nothing but HTTP and JSON,
 * so you know what every SDK does for you, and where an answer can be something other than text.
 *
 * <p>Build {@link #complete}: send {@code POST {baseUrl}/v1/chat/completions} with
 * {@code Authorization: Bearer <apiKey>} and a JSON body:
 * <ul>
 *   <li>{@code model}, and {@code messages}: one {@code {"role": ..., "content": ...}} per
 *       {@link Message}, in order, the role in lower case ({@code system}, {@code user},
 *       {@code assistant}). A conversation is just this list: the API remembers nothing between
 *       calls, so earlier turns, the model's own answers included, travel with every request.</li>
 *   <li>{@code temperature} only when the options set it; {@code max_completion_tokens} only when
 *       they set {@code maxOutputTokens} (never the deprecated {@code max_tokens}, which reasoning
 *       models reject); {@code stop}, an array, only when there are stop sequences. What is not set
 *       is not sent, so the model's default applies.</li>
 * </ul>
 * Read the answer into a {@link Completion}: {@code id}, {@code model}, the text of
 * {@code choices[0].message.content}, the finish reason ({@code stop} is {@link FinishReason#STOP},
 * {@code length} is {@link FinishReason#LENGTH}, {@code tool_calls} is
 * {@link FinishReason#TOOL_CALLS}, anything else {@link FinishReason#OTHER}), a null
 * {@code stopSequence} (Chat Completions answers {@code stop} whether or not one of yours matched,
 * and does not say which), and the {@link Usage}: {@code prompt_tokens}, {@code completion_tokens},
 * {@code prompt_tokens_details.cached_tokens} and {@code completion_tokens_details.reasoning_tokens},
 * a missing details object counting as 0.
 *
 * <p>Not every answer is text to show:
 * <ul>
 *   <li>{@code finish_reason: "content_filter"} throws {@link ContentFilteredException};</li>
 *   <li>a non-null {@code message.refusal} throws {@link RefusalException} with the refusal text;</li>
 *   <li>an error status throws {@link ApiException} with the status, {@code error.code} (or
 *       {@code error.type} when the code is null) and {@code error.message}.</li>
 * </ul>
 * The tests check the request your code sent (roles, which fields are there and which are not) and
 * what it made of the recorded answers: a plain one, a truncated one, a filtered one, a refusal, a
 * multi-turn conversation and an unknown model. Lesson 02-completions, "Chat Completions", shows
 * the exchange.
 */
public final class ChatCompletionsClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String baseUrl;
    private final String apiKey;

    /**
     * @param http    the HTTP client to send with
     * @param baseUrl the API's base URL without a trailing slash, e.g. {@code https://api.openai.com}
     * @param apiKey  sent as {@code Authorization: Bearer <apiKey>}
     */
    public ChatCompletionsClient(OkHttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Sends the conversation and returns the model's answer. */
    public Completion complete(String model, List<Message> messages, CompletionOptions options) {
        throw new UnsupportedOperationException("TODO: exercise 1, ChatCompletionsClient.complete");
    }
}

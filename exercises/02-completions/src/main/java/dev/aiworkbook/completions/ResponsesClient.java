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
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * <h2>Exercise 2 · A Responses API client (15 points)</h2>
 *
 * <p>The Responses API is OpenAI's newer interface. Two things change from Chat Completions: the
 * answer is a list of typed <i>output items</i> (a {@code reasoning} item, then one or more
 * {@code message} items, tool calls...) rather than one message, and the server can keep the
 * conversation for you ({@code previous_response_id}), so you send only what is new.
 *
 * <p>Build the two {@code create} methods here, {@link ResponseResult#incomplete()} and
 * {@link ResponsesConversation#send}:
 * <ul>
 *   <li>{@link #create(String, String, String, String, Integer)} sends
 *       {@code POST {baseUrl}/v1/responses} with {@code Authorization: Bearer <apiKey>} and a JSON
 *       body: {@code model}, {@code input} (the text, a plain string), {@code instructions},
 *       {@code previous_response_id} and {@code max_output_tokens} each only when not null, and
 *       {@code store: true} (a response must be stored for a later turn to continue from it).</li>
 *   <li>{@link #create(String, List, Integer)} is the stateless variant: you keep the history and
 *       send all of it. The {@link Role#SYSTEM} messages, joined with a blank line ({@code "\n\n"}),
 *       become {@code instructions} (left out when there are none); every other message becomes an
 *       {@code input} item {@code {"role": "user"|"assistant", "content": "..."}}, in order; and
 *       {@code store: false}, since nothing needs keeping.</li>
 *   <li>Both read the answer into a {@link ResponseResult}: {@code id}, {@code model},
 *       {@code status}; the text of <b>every</b> {@code output_text} part of <b>every</b>
 *       {@code message} item, in order, joined with nothing in between (what the SDKs'
 *       {@code output_text} gives; the first output item is often a {@code reasoning} item, which has
 *       no text); the {@link Usage} from {@code input_tokens}, {@code output_tokens},
 *       {@code input_tokens_details.cached_tokens} and {@code output_tokens_details.reasoning_tokens};
 *       and {@code incomplete_details.reason}. A {@code status} of {@code incomplete} is not an
 *       error: return the partial result, which says why it stopped.</li>
 *   <li>An error status throws {@link ApiException} with the status, {@code error.code} (or
 *       {@code error.type} when the code is null) and {@code error.message}.</li>
 *   <li>{@link ResponseResult#incomplete()} is true when {@code status} is {@code incomplete}.</li>
 *   <li>{@link ResponsesConversation} holds a conversation on the server: see its Javadoc.</li>
 * </ul>
 *
 * <p>The tests check the requests your code sent (the fields, {@code store}, the second turn's
 * {@code previous_response_id} and input) and what it made of the recorded answers: one with a
 * reasoning item and a two-part message, one cut off by {@code max_output_tokens}, a two-turn
 * conversation, a stateless one and an unknown model. Lesson 02-completions, "The Responses API",
 * shows the exchange.
 */
public final class ResponsesClient {

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
    public ResponsesClient(OkHttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /**
     * One stored turn: the text, optionally continuing from an earlier response.
     *
     * @param instructions       the system prompt, or null
     * @param previousResponseId the response to continue from, or null for a new conversation
     * @param maxOutputTokens    cap on output tokens (reasoning included), or null for the default
     */
    public ResponseResult create(String model, String instructions, String input, String previousResponseId,
            Integer maxOutputTokens) {
        throw new UnsupportedOperationException("TODO: exercise 2, ResponsesClient.create (stored)");
    }

    /** One stateless turn: the whole conversation goes with the request, and nothing is stored. */
    public ResponseResult create(String model, List<Message> conversation, Integer maxOutputTokens) {
        throw new UnsupportedOperationException("TODO: exercise 2, ResponsesClient.create (stateless)");
    }
}

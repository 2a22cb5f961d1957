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
        // >>> solution
        ObjectNode body = JSON.createObjectNode().put("model", model).put("input", input);
        if (instructions != null) {
            body.put("instructions", instructions);
        }
        if (previousResponseId != null) {
            body.put("previous_response_id", previousResponseId);
        }
        if (maxOutputTokens != null) {
            body.put("max_output_tokens", maxOutputTokens);
        }
        // Stored (30 days by default), so that a later request can name it as previous_response_id.
        body.put("store", true);
        return result(post(body));
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 2, ResponsesClient.create (stored)");
        // <<<
    }

    /** One stateless turn: the whole conversation goes with the request, and nothing is stored. */
    public ResponseResult create(String model, List<Message> conversation, Integer maxOutputTokens) {
        // >>> solution
        ObjectNode body = JSON.createObjectNode().put("model", model);
        String instructions = conversation.stream()
                .filter(message -> message.role() == Role.SYSTEM)
                .map(Message::text)
                .collect(Collectors.joining("\n\n"));
        if (!instructions.isEmpty()) {
            body.put("instructions", instructions);
        }
        ArrayNode input = body.putArray("input");
        for (Message message : conversation) {
            if (message.role() != Role.SYSTEM) {
                input.addObject().put("role", message.role().name().toLowerCase(Locale.ROOT)).put("content", message.text());
            }
        }
        if (maxOutputTokens != null) {
            body.put("max_output_tokens", maxOutputTokens);
        }
        // We hold the history ourselves: nothing to keep on the server.
        body.put("store", false);
        return result(post(body));
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 2, ResponsesClient.create (stateless)");
        // <<<
    }
    // >>> solution

    private JsonNode post(ObjectNode body) {
        Request request = new Request.Builder()
                .url(baseUrl + "/v1/responses")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                throw apiError(response.code(), text);
            }
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("POST /v1/responses failed: " + e.getMessage(), e);
        }
    }

    /** The same error shape as Chat Completions: {@code {"error": {"message", "type", "param", "code"}}}. */
    private static ApiException apiError(int status, String body) {
        JsonNode error;
        try {
            error = JSON.readTree(body).path("error");
        } catch (JsonProcessingException e) {
            return new ApiException(status, null, "HTTP " + status + ": " + body);
        }
        String code = error.hasNonNull("code") ? error.get("code").asText() : error.path("type").asText(null);
        return new ApiException(status, code, error.path("message").asText("HTTP " + status));
    }

    private static ResponseResult result(JsonNode response) {
        JsonNode usage = response.path("usage");
        return new ResponseResult(
                response.path("id").asText(),
                response.path("model").asText(),
                response.path("status").asText(),
                outputText(response.path("output")),
                new Usage(
                        usage.path("input_tokens").asInt(),
                        usage.path("output_tokens").asInt(),
                        usage.path("input_tokens_details").path("cached_tokens").asInt(),
                        usage.path("output_tokens_details").path("reasoning_tokens").asInt()),
                response.path("incomplete_details").path("reason").asText(null));
    }

    /**
     * The output is a list of typed items: reasoning, message, function_call, web_search_call... Only
     * message items hold text, possibly in several parts, and output[0] is often the reasoning.
     */
    private static String outputText(JsonNode output) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : output) {
            if (!item.path("type").asText().equals("message")) {
                continue;
            }
            for (JsonNode part : item.path("content")) {
                if (part.path("type").asText().equals("output_text")) {
                    text.append(part.path("text").asText());
                }
            }
        }
        return text.toString();
    }
    // <<<
}

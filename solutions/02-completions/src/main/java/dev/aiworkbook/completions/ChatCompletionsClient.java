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
        // >>> solution
        JsonNode answer = post(requestBody(model, messages, options));
        return completion(answer);
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 1, ChatCompletionsClient.complete");
        // <<<
    }
    // >>> solution

    private static ObjectNode requestBody(String model, List<Message> messages, CompletionOptions options) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        ArrayNode wire = body.putArray("messages");
        for (Message message : messages) {
            wire.addObject().put("role", message.role().name().toLowerCase(Locale.ROOT)).put("content", message.text());
        }
        // Unset means unsent: the model's default applies (and reasoning models reject a temperature).
        if (options.temperature() != null) {
            body.put("temperature", options.temperature());
        }
        // max_tokens is deprecated; max_completion_tokens also caps the hidden reasoning tokens.
        if (options.maxOutputTokens() != null) {
            body.put("max_completion_tokens", options.maxOutputTokens());
        }
        if (!options.stopSequences().isEmpty()) {
            ArrayNode stop = body.putArray("stop");
            options.stopSequences().forEach(stop::add);
        }
        return body;
    }

    private JsonNode post(ObjectNode body) {
        Request request = new Request.Builder()
                .url(baseUrl + "/v1/chat/completions")
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
            throw new UncheckedIOException("POST /v1/chat/completions failed: " + e.getMessage(), e);
        }
    }

    /** {@code {"error": {"message", "type", "param", "code"}}}; the code is null for some errors, the type never. */
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

    private static Completion completion(JsonNode answer) {
        String id = answer.path("id").asText();
        JsonNode choice = answer.path("choices").path(0);
        JsonNode message = choice.path("message");
        String finishReason = choice.path("finish_reason").asText("");
        // Neither is an answer. Returned as text, "I can't help with that" (or nothing at all) would be
        // shown, stored and parsed as if it were one.
        if (message.hasNonNull("refusal")) {
            throw new RefusalException(message.get("refusal").asText());
        }
        if (finishReason.equals("content_filter")) {
            throw new ContentFilteredException(id);
        }
        String text = message.path("content").isTextual() ? message.get("content").asText() : "";
        return new Completion(id, answer.path("model").asText(), text, finishReason(finishReason), null,
                usage(answer.path("usage")));
    }

    private static FinishReason finishReason(String wire) {
        return switch (wire) {
            case "stop" -> FinishReason.STOP;
            case "length" -> FinishReason.LENGTH;
            case "tool_calls" -> FinishReason.TOOL_CALLS;
            default -> FinishReason.OTHER;
        };
    }

    /** Older models and OpenAI-compatible servers leave the details out: a missing number reads as 0. */
    private static Usage usage(JsonNode usage) {
        return new Usage(
                usage.path("prompt_tokens").asInt(),
                usage.path("completion_tokens").asInt(),
                usage.path("prompt_tokens_details").path("cached_tokens").asInt(),
                usage.path("completion_tokens_details").path("reasoning_tokens").asInt());
    }
    // <<<
}

package dev.aiworkbook.completions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * <h2>Exercise 6 · Reasoning models, part B: Anthropic extended thinking (9 points)</h2>
 *
 * <p>Claude thinks out loud when you ask it to: the answer's {@code content} then starts with
 * {@code thinking} blocks ({@code {"type":"thinking","thinking":"...","signature":"..."}}), maybe
 * {@code redacted_thinking} blocks ({@code {"type":"redacted_thinking","data":"..."}}, thinking the
 * safety systems encrypted), then the {@code text}. Build a conversation that keeps them right:
 * <ul>
 *   <li>The constructor refuses, before any call, what the API would refuse, with an
 *       {@link IllegalArgumentException} whose message names the rule: a {@code budgetTokens} below
 *       1024 (say "budget_tokens" and "1024"), and a {@code budgetTokens} not below
 *       {@code maxTokens} (say "budget_tokens" and "max_tokens": thinking counts against
 *       {@code max_tokens}, and the answer needs room too).</li>
 *   <li>{@link #ask} sends {@code POST {baseUrl}/v1/messages} with {@code x-api-key},
 *       {@code anthropic-version: 2023-06-01} and {@code {"model", "max_tokens",
 *       "thinking": {"type": "enabled", "budget_tokens": N}, "messages"}}, where {@code messages}
 *       is the whole conversation so far plus {@code {"role": "user", "content": userText}}.
 *       No {@code temperature}: thinking does not work with a changed temperature.</li>
 *   <li>After a successful turn, remember the user message and the assistant message
 *       {@code {"role": "assistant", "content": [...]}} with the response's content blocks
 *       <b>exactly as received</b>: keep the JSON, do not rebuild it from your own types. The API
 *       checks each thinking block's {@code signature} and rejects thinking that was changed (and
 *       while tools are in use it needs the last turn's thinking back); {@code redacted_thinking}
 *       blocks go back as they came, too.</li>
 *   <li>Return a {@link ThinkingTurn}: the text blocks' text, the thinking blocks' text, and
 *       {@code usage.input_tokens} / {@code usage.output_tokens}. An error status becomes an
 *       {@link ApiException} with {@code error.type} and {@code error.message}.</li>
 * </ul>
 * The tests check the validation, the request body, what you read from a turn, and that the second
 * turn sends the first turn's blocks back unchanged: the second-turn fixture answers only then.
 * Lesson 02-completions, "Reasoning models", has the wire.
 */
public final class AnthropicThinking {

    /** The Anthropic API version this course's fixtures are written against. */
    public static final String ANTHROPIC_VERSION = "2023-06-01";
    /** The smallest {@code budget_tokens} the API accepts. */
    public static final int MIN_BUDGET_TOKENS = 1024;

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final String model;
    private final int budgetTokens;
    private final int maxTokens;
    /** The conversation so far, as the API wants it back: {@code [{"role", "content"}, ...]}. */
    private final ArrayNode messages = JSON.createArrayNode();

    /**
     * @param baseUrl      without a trailing slash: {@code https://api.anthropic.com}
     * @param budgetTokens the most tokens the model may think per turn ({@code thinking.budget_tokens})
     * @param maxTokens    the cap on thinking and answer together ({@code max_tokens})
     * @throws IllegalArgumentException when the API would refuse the budget
     */
    public AnthropicThinking(OkHttpClient http, String baseUrl, String apiKey, String model, int budgetTokens, int maxTokens) {
        // >>> solution
        if (budgetTokens < MIN_BUDGET_TOKENS) {
            throw new IllegalArgumentException("budget_tokens must be at least " + MIN_BUDGET_TOKENS + ", got " + budgetTokens);
        }
        if (budgetTokens >= maxTokens) {
            throw new IllegalArgumentException("budget_tokens (" + budgetTokens + ") must be less than max_tokens ("
                    + maxTokens + "): thinking counts against max_tokens, and the answer needs room too");
        }
        // === stub
        // // TODO: exercise 6, refuse the budgets the API would refuse (see the class Javadoc)
        // <<<
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.model = model;
        this.budgetTokens = budgetTokens;
        this.maxTokens = maxTokens;
    }

    /** Sends the conversation so far plus {@code userText}, and remembers the answer for the next turn. */
    public ThinkingTurn ask(String userText) {
        // >>> solution
        ObjectNode question = JSON.createObjectNode().put("role", "user").put("content", userText);
        JsonNode response = post(requestBody(messages.deepCopy().add(question)));
        JsonNode content = response.path("content");
        // Only a turn that succeeded joins the conversation, and its blocks go back untouched: the
        // API verifies each thinking block's signature against its text.
        messages.add(question);
        messages.addObject().put("role", "assistant").set("content", content);
        JsonNode usage = response.path("usage");
        return new ThinkingTurn(joined(content, "text"), joined(content, "thinking"),
                usage.path("input_tokens").asInt(), usage.path("output_tokens").asInt());
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 6, AnthropicThinking.ask");
        // <<<
    }
    // >>> solution

    private ObjectNode requestBody(ArrayNode conversation) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("max_tokens", maxTokens);
        body.putObject("thinking").put("type", "enabled").put("budget_tokens", budgetTokens);
        body.set("messages", conversation);
        return body;
    }

    private JsonNode post(ObjectNode body) {
        Request request = new Request.Builder()
                .url(baseUrl + "/v1/messages")
                .header("x-api-key", apiKey)
                .header("anthropic-version", ANTHROPIC_VERSION)
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            JsonNode json = parse(text);
            if (!response.isSuccessful()) {
                JsonNode error = json.path("error");
                throw new ApiException(response.code(), error.path("type").asText(null), error.path("message").asText(text));
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The named field of every block of that type, in order: "text" blocks carry "text", "thinking" blocks "thinking". */
    private static String joined(JsonNode content, String type) {
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (type.equals(block.path("type").asText())) {
                text.append(block.path(type).asText());
            }
        }
        return text.toString();
    }

    private static JsonNode parse(String text) {
        try {
            JsonNode json = JSON.readTree(text);
            return json == null ? MissingNode.getInstance() : json;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }
    // <<<
}

package dev.aiworkbook.completions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * <h2>Exercise 6 · Reasoning models, part A: OpenAI reasoning effort (11 points)</h2>
 *
 * <p>A reasoning model (o3, o4-mini, gpt-5) thinks before it answers, in tokens you pay for and
 * never see. You steer how much with an <i>effort</i>, and you must leave room for it under the
 * output cap. Build {@link #ask} on the Responses API:
 * <ul>
 *   <li>{@code POST {baseUrl}/v1/responses} with {@code Authorization: Bearer <key>} and the body
 *       {@code {"model", "input", "reasoning": {"effort": "low|medium|high"}, "max_output_tokens"}}.
 *       Send <b>no</b> {@code temperature} (nor {@code top_p}): reasoning models reject it with
 *       400 {@code unsupported_parameter}. Their sampling is fixed; effort is the knob.</li>
 *   <li>The answer's {@code output} starts with a {@code reasoning} item ({@code rs_...}, whose
 *       {@code summary} is empty unless you ask for one) before the {@code message} item: the text
 *       is every {@code output_text} part of the message items, in order; never assume
 *       {@code output[0]} is the message.</li>
 *   <li>Return a {@link ReasoningAnswer}: the text, {@code usage.output_tokens_details.reasoning_tokens},
 *       {@code usage.output_tokens} and the {@code reasoning.effort} the response reports.</li>
 *   <li>{@code "status": "incomplete"} with {@code incomplete_details.reason} {@code max_output_tokens}
 *       means the budget ran out (here: all of it on reasoning, the output holds only the reasoning
 *       item). Throw a {@link ReasoningBudgetExceededException}, and write its message in that
 *       class's constructor: it names the budget ({@code max_output_tokens} and its value), the
 *       reasoning tokens spent, and says to raise {@code max_output_tokens} or lower the effort.</li>
 *   <li>An error status becomes an {@link ApiException} with the body's {@code error.code} and
 *       {@code error.message}.</li>
 * </ul>
 * The tests check the body you send, the answer and token counts you read from the low- and
 * high-effort fixtures, and the exception for the incomplete one. Lesson 02-completions, "Reasoning
 * models", has the wire.
 */
public final class OpenAiReasoning {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String baseUrl;
    private final String apiKey;

    /**
     * @param baseUrl without a trailing slash: {@code https://api.openai.com}
     */
    public OpenAiReasoning(OkHttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /**
     * Asks a reasoning model.
     *
     * @param maxOutputTokens the cap on reasoning <i>and</i> answer together
     * @throws ReasoningBudgetExceededException when the cap ran out before the answer was complete
     * @throws ApiException                     when the API answers with an error status
     */
    public ReasoningAnswer ask(String model, String input, ReasoningEffort effort, int maxOutputTokens) {
        // >>> solution
        JsonNode response = post(requestBody(model, input, effort, maxOutputTokens));
        if ("incomplete".equals(response.path("status").asText())) {
            throw incomplete(response, maxOutputTokens, effort);
        }
        JsonNode usage = response.path("usage");
        return new ReasoningAnswer(outputText(response),
                usage.path("output_tokens_details").path("reasoning_tokens").asInt(),
                usage.path("output_tokens").asInt(),
                response.path("reasoning").path("effort").asText(effort.wire()));
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 6, OpenAiReasoning.ask");
        // <<<
    }
    // >>> solution

    private static ObjectNode requestBody(String model, String input, ReasoningEffort effort, int maxOutputTokens) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", model);
        body.put("input", input);
        body.putObject("reasoning").put("effort", effort.wire());
        // The cap covers the hidden reasoning too: too low, and the model never reaches the answer.
        body.put("max_output_tokens", maxOutputTokens);
        // No temperature or top_p: reasoning models answer 400 unsupported_parameter to them.
        return body;
    }

    private JsonNode post(ObjectNode body) {
        Request request = new Request.Builder()
                .url(baseUrl + "/v1/responses")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            JsonNode json = parse(text);
            if (!response.isSuccessful()) {
                JsonNode error = json.path("error");
                throw new ApiException(response.code(), error.path("code").asText(null), error.path("message").asText(text));
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every output_text part of every message item, in order; reasoning items carry no text. */
    private static String outputText(JsonNode response) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : response.path("output")) {
            if (!"message".equals(item.path("type").asText())) {
                continue;
            }
            for (JsonNode part : item.path("content")) {
                if ("output_text".equals(part.path("type").asText())) {
                    text.append(part.path("text").asText());
                }
            }
        }
        return text.toString();
    }

    private static RuntimeException incomplete(JsonNode response, int maxOutputTokens, ReasoningEffort effort) {
        String reason = response.path("incomplete_details").path("reason").asText();
        if (!"max_output_tokens".equals(reason)) {
            return new IllegalStateException("The response is incomplete: " + reason);
        }
        int reasoningTokens = response.path("usage").path("output_tokens_details").path("reasoning_tokens").asInt();
        return new ReasoningBudgetExceededException(maxOutputTokens, reasoningTokens, effort);
    }

    /** The body as JSON, or a missing node when it is not JSON (a proxy's HTML page, nothing at all). */
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

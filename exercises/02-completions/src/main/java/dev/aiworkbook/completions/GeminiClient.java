package dev.aiworkbook.completions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * <h2>Exercise 4 · Gemini generateContent client (15 points)</h2>
 *
 * <p>Gemini's REST API has its own words for everything: {@code contents} of {@code parts}, the
 * assistant is {@code model}, the system prompt is a {@code systemInstruction}, the settings live in
 * {@code generationConfig}, and JSON keys are camelCase. Build {@link #generate}: one call to
 * {@code POST {baseUrl}/v1beta/models/{model}:generateContent}, turned into a {@link Completion}.
 *
 * <p>The request:
 * <ul>
 *   <li>header {@code x-goog-api-key: <key>} (never {@code ?key=} in the URL: URLs end up in logs);</li>
 *   <li>{@code contents}: the user and assistant turns in order, each
 *       {@code {"role": "user"|"model", "parts": [{"text": "..."}]}} ({@link Role#ASSISTANT} is
 *       {@code "model"});</li>
 *   <li>{@link Role#SYSTEM} messages go to {@code "systemInstruction": {"parts": [{"text": "..."}]}},
 *       not into {@code contents} (several are joined with a blank line); leave it out when there are none;</li>
 *   <li>{@code generationConfig} with only the options that are set: {@code temperature},
 *       {@code maxOutputTokens}, {@code stopSequences} (an empty list is not set); leave
 *       {@code generationConfig} out entirely when none is.</li>
 * </ul>
 *
 * <p>The response:
 * <ul>
 *   <li>text: the {@code text} of every part of {@code candidates[0].content.parts}, concatenated,
 *       skipping parts marked {@code "thought": true} (thought summaries are not the answer). A
 *       candidate stopped for safety may have no {@code content} at all: its text is {@code ""};</li>
 *   <li>{@code finishReason}: {@code STOP} is {@link FinishReason#STOP}, {@code MAX_TOKENS}
 *       {@link FinishReason#LENGTH}, {@code SAFETY}, {@code RECITATION}, {@code BLOCKLIST},
 *       {@code PROHIBITED_CONTENT} and {@code SPII} are {@link FinishReason#CONTENT_FILTER}, anything
 *       else {@link FinishReason#OTHER}. Gemini does not say which stop sequence matched:
 *       {@link Completion#stopSequence()} is null;</li>
 *   <li>{@code usageMetadata}: {@link Usage#inputTokens()} is {@code promptTokenCount};
 *       {@link Usage#outputTokens()} is {@code candidatesTokenCount + thoughtsTokenCount} (thinking is
 *       billed as output, but Gemini counts it apart); {@link Usage#reasoningTokens()} is
 *       {@code thoughtsTokenCount}; {@link Usage#cachedInputTokens()} is
 *       {@code cachedContentTokenCount}. Gemini leaves out counters that are zero: missing is 0;</li>
 *   <li>{@code id} is {@code responseId}, {@code model} is {@code modelVersion};</li>
 *   <li>a <b>blocked prompt</b> comes back as HTTP 200 with no candidates and a
 *       {@code promptFeedback.blockReason}: throw {@link PromptBlockedException} with that reason;</li>
 *   <li>a non-2xx status throws {@link ApiException} with the status, {@code error.status} (such as
 *       {@code NOT_FOUND}) and {@code error.message}.</li>
 * </ul>
 *
 * <p>The tests call the replay server and check the URL, header and JSON you sent and what you made
 * of each kind of answer. Lesson 02-completions, "Gemini generateContent", walks through the wire.
 */
public final class GeminiClient {

    private static final MediaType JSON_MEDIA_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String baseUrl;
    private final String apiKey;

    public GeminiClient(OkHttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Sends the conversation to {@code model} and returns its first candidate. */
    public Completion generate(String model, List<Message> messages, CompletionOptions options) {
        throw new UnsupportedOperationException("TODO: exercise 4, GeminiClient.generate");
    }
}

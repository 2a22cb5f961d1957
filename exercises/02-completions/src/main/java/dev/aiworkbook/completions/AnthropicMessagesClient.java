package dev.aiworkbook.completions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * <h2>Exercise 3 · Anthropic Messages client (15 points)</h2>
 *
 * <p>Anthropic's Messages API looks like Chat Completions until you read it closely: the system
 * prompt is not a message, {@code max_tokens} is required, the answer is a list of typed content
 * blocks, and {@code stop_reason} has its own vocabulary. Build {@link #complete}: one call to
 * {@code POST {baseUrl}/v1/messages}, turned into a {@link Completion}.
 *
 * <p>The request:
 * <ul>
 *   <li>headers {@code x-api-key: <key>} and {@code anthropic-version: }{@value #ANTHROPIC_VERSION};</li>
 *   <li>body {@code model}; {@code max_tokens} <b>always</b> (the API answers 400 without it):
 *       {@code options.maxOutputTokens()}, or {@link #DEFAULT_MAX_TOKENS} when that is null;</li>
 *   <li>{@link Role#SYSTEM} messages go to the top-level {@code system} string, not into
 *       {@code messages} (several are joined with a blank line, {@code "\n\n"}); leave {@code system}
 *       out when there are none;</li>
 *   <li>{@code messages}: the user and assistant turns in order, {@code {"role": "user"|"assistant",
 *       "content": "<text>"}};</li>
 *   <li>{@code temperature} and {@code stop_sequences} only when the options set them (null, or an
 *       empty list, means "not set": send nothing).</li>
 * </ul>
 *
 * <p>The response:
 * <ul>
 *   <li>text: every {@code "type": "text"} block of {@code content}, concatenated in order. Skip
 *       the other block types ({@code thinking}, {@code tool_use}, ...): {@code content[0]} is not
 *       always text, and a refusal may have no content at all;</li>
 *   <li>{@code stop_reason}: {@code end_turn} is {@link FinishReason#STOP}, {@code max_tokens}
 *       {@link FinishReason#LENGTH}, {@code stop_sequence} {@link FinishReason#STOP_SEQUENCE} (with
 *       the {@code stop_sequence} value as {@link Completion#stopSequence()}), {@code tool_use}
 *       {@link FinishReason#TOOL_CALLS}, {@code refusal} {@link FinishReason#REFUSAL} (a refusal is a
 *       result, not an exception), anything else ({@code pause_turn}, values added later)
 *       {@link FinishReason#OTHER};</li>
 *   <li>usage: Anthropic's {@code input_tokens} counts only the input that was <i>not</i> served from
 *       or written to the prompt cache, so {@link Usage#inputTokens()} is {@code input_tokens +
 *       cache_creation_input_tokens + cache_read_input_tokens}; {@link Usage#cachedInputTokens()} is
 *       {@code cache_read_input_tokens}; {@link Usage#outputTokens()} is {@code output_tokens}
 *       (a missing counter is 0);</li>
 *   <li>{@code id} and {@code model} as sent;</li>
 *   <li>a non-2xx status throws {@link ApiException} with the status, {@code error.type} (such as
 *       {@code not_found_error}) and {@code error.message}.</li>
 * </ul>
 *
 * <p>The tests call the replay server and check the request you sent (headers, {@code system},
 * {@code messages}, {@code max_tokens}, the options) and what you made of each kind of answer.
 * Lesson 02-completions, "Anthropic Messages", walks through the wire.
 */
public final class AnthropicMessagesClient {

    /** The API version the request pins: it fixes the response shape this code reads. */
    public static final String ANTHROPIC_VERSION = "2023-06-01";
    /** {@code max_tokens} when the options leave it unset: Anthropic has no default of its own. */
    public static final int DEFAULT_MAX_TOKENS = 1024;

    private static final MediaType JSON_MEDIA_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String baseUrl;
    private final String apiKey;

    public AnthropicMessagesClient(OkHttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Sends the conversation to {@code model} and returns what it answered. */
    public Completion complete(String model, List<Message> messages, CompletionOptions options) {
        throw new UnsupportedOperationException("TODO: exercise 3, AnthropicMessagesClient.complete");
    }
}

package dev.aiworkbook.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * <h2>Exercise 4 · Anthropic stream events (15 points)</h2>
 *
 * <p>A streamed Anthropic message arrives as typed events, each an {@code event:} line naming the
 * type and a {@code data:} line of JSON: {@code message_start}, then for each content block
 * {@code content_block_start}, {@code content_block_delta}s and {@code content_block_stop} (all
 * carrying the block's {@code index}), then {@code message_delta} (why it stopped, the output tokens)
 * and {@code message_stop}. {@code ping} events can come anywhere.
 *
 * <p>Build this accumulator: {@link #accept} takes one event at a time and keeps the message so far.
 * <ul>
 *   <li>{@code message_start}: the message's {@code id}, {@code model} and
 *       {@code usage.input_tokens}.</li>
 *   <li>{@code content_block_start} opens block {@code index}; keep three types:
 *       <ul>
 *         <li>{@code text}: append each {@code text_delta}'s {@code text};</li>
 *         <li>{@code thinking}: append each {@code thinking_delta}'s {@code thinking}, and keep the
 *             {@code signature_delta}'s {@code signature} exactly (the API checks it when the thinking
 *             goes back in a later turn);</li>
 *         <li>{@code tool_use} (its {@code id} and {@code name} are in the start event): append each
 *             {@code input_json_delta}'s {@code partial_json}. The fragments split the JSON anywhere,
 *             even inside a key or a number, so a fragment, or the sum so far, is not JSON: parse the
 *             input only at the block's {@code content_block_stop}. A tool without arguments sends
 *             only {@code ""}: its input is {@code {}}.</li>
 *       </ul>
 *       Other block types and other delta types ({@code citations_delta}...) are ignored.</li>
 *   <li>{@code message_delta}: {@code delta.stop_reason}, {@code delta.stop_sequence}, and
 *       {@code usage.output_tokens}, which is a running total: the latest value is the count, do not
 *       add it up (newer streams repeat {@code usage.input_tokens} here too; take it when present).</li>
 *   <li>{@code message_stop}: the message is complete ({@link #done()}).</li>
 *   <li>{@code error} ({@code {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}})
 *       ends the stream after the 200: throw {@link AnthropicStreamException} with the error's
 *       {@code type}, its {@code message} and the text received so far.</li>
 *   <li>{@code ping}, and any event type you do not know, are ignored: the API adds new ones, and a
 *       client that fails on them breaks the day they ship.</li>
 * </ul>
 *
 * <p>{@link #stream} makes the call: {@code POST {baseUrl}/v1/messages} with {@code x-api-key},
 * {@code anthropic-version: 2023-06-01} and the request body plus {@code "stream": true}, then reads
 * the answer line by line ({@code response.body().source().readUtf8Line()}) and hands each event to
 * {@link #accept}. A few lines do for the splitting: {@code event:} sets the type, {@code data:} the
 * JSON, a blank line ends the event. (Exercise 1 builds the full parser; this exercise stands on its
 * own.)
 *
 * <p>The tests check the request {@link #stream} sent and what the accumulator made of four
 * recorded streams: a text answer with pings, a thinking block then text, a text block and two
 * tool_use blocks (one input split mid-token, one empty), and an {@code overloaded_error} mid-answer;
 * plus hand-made sequences with unknown event types and a {@code stop_sequence}. Lesson 03-streaming,
 * "Anthropic events", walks through a stream.
 */
public final class AnthropicStreamAccumulator {

    /** The Anthropic API version this course's fixtures are written against. */
    public static final String ANTHROPIC_VERSION = "2023-06-01";

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    // TODO: exercise 4: the fields you keep between events (blocks by index, usage, ...)

    /**
     * Takes one event of the stream.
     *
     * @param eventType the SSE {@code event:} value, e.g. {@code content_block_delta}
     * @param data      the event's JSON
     * @throws AnthropicStreamException on an {@code error} event
     */
    public void accept(String eventType, String data) {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.accept");
    }

    /** The text of every text block so far, in index order (thinking is not part of it). */
    public String text() {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.text");
    }

    /**
     * The text, thinking and tool_use blocks so far, in index order. A tool_use block's input is null
     * until its {@code content_block_stop}.
     */
    public List<AnthropicStreamBlock> blocks() {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.blocks");
    }

    /** The message id ({@code msg_...}) from {@code message_start}; null before it. */
    public String id() {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.id");
    }

    /** The model that answered, as {@code message_start} names it (a dated snapshot). */
    public String model() {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.model");
    }

    /** {@code usage.input_tokens}: from {@code message_start}, or a later {@code message_delta} that repeats it. */
    public int inputTokens() {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.inputTokens");
    }

    /** {@code usage.output_tokens}: the latest running total, so after {@code message_delta} the final count. */
    public int outputTokens() {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.outputTokens");
    }

    /** {@code end_turn}, {@code max_tokens}, {@code stop_sequence}, {@code tool_use}...; null before {@code message_delta}. */
    public String stopReason() {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.stopReason");
    }

    /** The stop sequence that ended the answer, when {@code stopReason} is {@code stop_sequence}; else null. */
    public String stopSequence() {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.stopSequence");
    }

    /** True once {@code message_stop} came: the message is complete. */
    public boolean done() {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.done");
    }

    /**
     * Streams one message: posts the request with {@code "stream": true} to
     * {@code {baseUrl}/v1/messages} and feeds every event to a new accumulator.
     *
     * @param baseUrl without a trailing slash, e.g. {@code https://api.anthropic.com}
     * @param request the request body ({@code model}, {@code max_tokens}, {@code messages}...); not changed
     * @return the accumulator, after the last event
     * @throws IOException on a network failure or an error status (the body says why)
     */
    public static AnthropicStreamAccumulator stream(OkHttpClient http, String baseUrl, String apiKey, ObjectNode request)
            throws IOException {
        throw new UnsupportedOperationException("TODO: exercise 4, AnthropicStreamAccumulator.stream");
    }
}

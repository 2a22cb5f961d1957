package dev.aiworkbook.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * <h2>Exercise 5 · A streaming client that measures, cancels and survives cuts (20 points)</h2>
 *
 * <p>A streamed answer is what makes a chat feel fast, and it brings three jobs a plain call does not
 * have: knowing how fast the answer came (time to first token, tokens per second), stopping it when
 * you have enough or waited too long, and telling an answer that finished from one whose connection
 * died halfway. Build {@link #stream}:
 * <ul>
 *   <li>Send {@code POST {baseUrl}/v1/chat/completions} with {@code Authorization: Bearer <apiKey>} and
 *       {@code {"model", "messages": [{"role": "user", "content": prompt}], "stream": true,
 *       "stream_options": {"include_usage": true}}}.</li>
 *   <li>Read the body line by line as it arrives ({@code response.body().source().readUtf8Line()}), with
 *       a minimal SSE reader of your own: collect the {@code data:} lines of an event, and act on the
 *       event at the blank line that ends it. {@code data: [DONE]} ends the stream.</li>
 *   <li>For every chunk whose {@code choices[0].delta.content} is a non-empty string, append it to the
 *       text and hand it to {@code onDelta} at once (the first chunk's {@code content: ""} is not a
 *       delta). Remember whether a {@code finish_reason} arrived, and take
 *       {@code usage.completion_tokens} from the usage chunk (its {@code choices} are empty).</li>
 *   <li>Measure with {@code nanoClock}, never {@code System.nanoTime()} directly: read it once just
 *       before sending the request, once for the first delta <i>before</i> handing it to
 *       {@code onDelta}, and once when the stream ends or you stop it. Time to first token runs from
 *       the request to the first delta: it includes the wait for the response headers. Tokens per
 *       second are the completion tokens of the usage chunk (a chunk can carry more than one token),
 *       or the deltas counted when there is no usage chunk, divided by the seconds from the first
 *       delta to the end.</li>
 *   <li>Stop at a limit: after {@code limits.maxDeltas()} deltas, or when {@code limits.deadline()} has
 *       passed since the request was sent, <b>cancel the call</b> ({@link Call#cancel()}) and return
 *       the partial text with {@link StreamingChatOutcome#CANCELLED_AT_LIMIT} or
 *       {@link StreamingChatOutcome#CANCELLED_AT_DEADLINE}. Breaking out of your loop is not enough:
 *       the provider keeps generating (and billing) until the connection closes. And a deadline
 *       checked between lines never fires while {@code readUtf8Line()} waits on a silent
 *       connection: schedule the cancel on another thread (a {@link ScheduledExecutorService});
 *       cancelling makes the blocked read throw.</li>
 *   <li>A stream that ends without {@code data: [DONE]} was cut: the connection broke (an
 *       {@link IOException} while reading) or the body stopped, perhaps in the middle of an event,
 *       which you must drop (an event counts only once its blank line arrived). Throw
 *       {@link CutStreamException} with the text so far and what never arrived ({@code "finish_reason"},
 *       {@code "[DONE]"}), the I/O error as its cause. Never return a cut stream as if complete.</li>
 * </ul>
 * The tests check the request, the deltas and the text, exact timings on a fake clock, that a limit
 * and a deadline really cancel the call (even on a stream that went silent), and cut streams: a
 * reset connection and a body that stops mid-event. Lesson 03-streaming, "Measuring and cancelling",
 * shows the timeline; "Chat Completions chunks" shows the chunks.
 */
public final class StreamingChatClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String baseUrl;
    private final String apiKey;
    private final LongSupplier nanoClock;

    /** A client that measures with {@link System#nanoTime()}. */
    public StreamingChatClient(OkHttpClient http, String baseUrl, String apiKey) {
        this(http, baseUrl, apiKey, System::nanoTime);
    }

    /**
     * @param http      the HTTP client to send with
     * @param baseUrl   the API's base URL without a trailing slash, e.g. {@code https://api.openai.com}
     * @param apiKey    sent as {@code Authorization: Bearer <apiKey>}
     * @param nanoClock the clock to measure with, in nanoseconds (tests pass a fake one)
     */
    public StreamingChatClient(OkHttpClient http, String baseUrl, String apiKey, LongSupplier nanoClock) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.nanoClock = nanoClock;
    }

    /**
     * Streams the answer to one user prompt, handing each content delta to {@code onDelta} as it arrives.
     *
     * @throws CutStreamException when the stream ends before {@code data: [DONE]}
     * @throws IOException        when the call fails before streaming (an error status, no connection)
     */
    public StreamingChatResult stream(String model, String prompt, StreamingChatLimits limits, Consumer<String> onDelta)
            throws IOException {
        throw new UnsupportedOperationException("TODO: exercise 5, StreamingChatClient.stream");
    }
}

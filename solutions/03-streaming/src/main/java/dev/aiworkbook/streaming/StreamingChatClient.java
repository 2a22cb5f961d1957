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
    // >>> solution
    /** One daemon thread that cancels the calls whose deadline passed. */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "stream-deadlines");
        thread.setDaemon(true);
        return thread;
    });
    // <<<

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
        // >>> solution
        Call call = http.newCall(request(model, prompt));
        Progress progress = new Progress(nanoClock);
        ScheduledFuture<?> deadline = null;
        if (limits.deadline() != null) {
            // On another thread: the reading thread may be blocked in a read that only a cancel ends.
            deadline = DEADLINES.schedule(() -> {
                progress.deadlinePassed = true;
                call.cancel();
            }, limits.deadline().toNanos(), TimeUnit.NANOSECONDS);
        }
        try {
            return read(call, limits, onDelta, progress);
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 5, StreamingChatClient.stream");
        // <<<
    }
    // >>> solution

    private Request request(String model, String prompt) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        body.put("stream", true);
        // Without it the stream carries no usage at all: the last chunk before [DONE] brings it.
        body.putObject("stream_options").put("include_usage", true);
        return new Request.Builder()
                .url(baseUrl + "/v1/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
    }

    private static StreamingChatResult read(Call call, StreamingChatLimits limits, Consumer<String> onDelta,
            Progress progress) throws IOException {
        Response response;
        try {
            response = call.execute();
        } catch (IOException e) {
            if (progress.deadlinePassed) {
                return progress.result(StreamingChatOutcome.CANCELLED_AT_DEADLINE);
            }
            throw e;
        }
        try (response) {
            if (!response.isSuccessful()) {
                throw new IOException("HTTP " + response.code() + " from /v1/chat/completions: " + errorMessage(response));
            }
            BufferedSource body = response.body().source();
            StringBuilder data = new StringBuilder();
            for (String line; (line = progress.nextLine(body)) != null; ) {
                if (!line.isEmpty()) {
                    appendData(line, data);
                    continue;
                }
                if (data.isEmpty()) {
                    continue;
                }
                String payload = data.toString();
                data.setLength(0);
                if (payload.equals("[DONE]")) {
                    return progress.result(StreamingChatOutcome.COMPLETED);
                }
                progress.chunk(JSON.readTree(payload), onDelta);
                if (progress.deltas >= limits.maxDeltas()) {
                    // Closing the response alone would leave OkHttp draining the body; cancel ends the exchange.
                    call.cancel();
                    return progress.result(StreamingChatOutcome.CANCELLED_AT_LIMIT);
                }
            }
            if (progress.deadlinePassed) {
                return progress.result(StreamingChatOutcome.CANCELLED_AT_DEADLINE);
            }
            // Whatever sits in `data` now is an event whose blank line never came: it is dropped.
            throw progress.cut();
        }
    }

    /** A minimal SSE reader: only data: lines matter here; comments, event:, id: and retry: are skipped. */
    private static void appendData(String line, StringBuilder data) {
        if (!line.startsWith("data:")) {
            return;
        }
        String value = line.substring("data:".length());
        if (!data.isEmpty()) {
            data.append('\n');
        }
        data.append(value.startsWith(" ") ? value.substring(1) : value);
    }

    private static String errorMessage(Response response) {
        try {
            return JSON.readTree(response.body().string()).path("error").path("message").asText("(no message)");
        } catch (IOException e) {
            return "(unreadable body)";
        }
    }

    /** What has arrived so far, and the clock readings the result is made of. */
    private static final class Progress {
        private final LongSupplier clock;
        private final long requestSent;
        private final StringBuilder text = new StringBuilder();
        private long firstToken;
        private int deltas;
        private int completionTokens = -1;
        private boolean finishReason;
        private IOException failure;
        private volatile boolean deadlinePassed;

        Progress(LongSupplier clock) {
            this.clock = clock;
            this.requestSent = clock.getAsLong();
        }

        /** The next line, or null at the end of the body or when reading failed (kept in {@link #failure}). */
        String nextLine(BufferedSource body) {
            try {
                return body.readUtf8Line();
            } catch (IOException e) {
                failure = e;
                return null;
            }
        }

        void chunk(JsonNode chunk, Consumer<String> onDelta) throws CutStreamException {
            if (chunk.has("error")) {
                throw cut("the provider sent an error (" + chunk.path("error").path("message").asText() + ")", null);
            }
            if (chunk.path("usage").isObject()) {
                completionTokens = chunk.path("usage").path("completion_tokens").asInt();
            }
            JsonNode choice = chunk.path("choices").path(0);
            if (choice.hasNonNull("finish_reason")) {
                finishReason = true;
            }
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                if (deltas == 0) {
                    // Before onDelta: the time the consumer takes is not the provider's.
                    firstToken = clock.getAsLong();
                }
                deltas++;
                text.append(content.asText());
                onDelta.accept(content.asText());
            }
        }

        StreamingChatResult result(StreamingChatOutcome outcome) {
            long end = clock.getAsLong();
            long timeToFirstToken = deltas == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(firstToken - requestSent);
            return new StreamingChatResult(text.toString(), timeToFirstToken, tokensPerSecond(end), deltas, outcome);
        }

        private double tokensPerSecond(long end) {
            if (deltas == 0 || end <= firstToken) {
                return 0;
            }
            int tokens = completionTokens >= 0 ? completionTokens : deltas;
            return tokens / ((end - firstToken) / 1e9);
        }

        CutStreamException cut() {
            String what = failure != null ? "the connection broke (" + failure.getMessage() + ")"
                    : "the body ended before data: [DONE]";
            return cut(what, failure);
        }

        private CutStreamException cut(String what, Throwable cause) {
            List<String> missing = new ArrayList<>();
            if (!finishReason) {
                missing.add("finish_reason");
            }
            missing.add("[DONE]");
            return new CutStreamException(what, text.toString(), missing, cause);
        }
    }
    // <<<
}

package dev.aiworkbook.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The streams come from the timed replay: at speed 0 they arrive at once but still end as recorded
 * (reset, stalled, cut); the deadline test starts a replay of its own at the recorded pace.
 */
@Replay(value = "03-streaming", timed = true)
@DisplayName("Exercise 5 · A streaming client that measures, cancels and survives cuts")
class StreamingChatClientTest {

    private static final String MODEL = "gpt-4o-mini";

    private static final String OK_PROMPT = "In one sentence: what is time to first token?";
    private static final List<String> OK_DELTAS = List.of("Time", " to", " first", " token", " is", " the", " wait",
            " between", " sending", " a", " request", " and", " seeing", " the", " first", " piece", " of", " the",
            " answer", ".");
    /** usage.completion_tokens of the recorded stream: two of its 20 chunks carried two tokens. */
    private static final int OK_COMPLETION_TOKENS = 22;

    private static final String LONG_PROMPT = "Why does streaming make a chat feel faster? About forty words.";
    private static final String LONG_TEXT = "Streaming makes a chat feel faster because the first words appear after a "
            + "fraction of a second instead of after the whole answer is written. People start reading at once, the "
            + "wait feels shorter, and a slow answer can be stopped early when it goes the wrong way.";
    /** The long stream at its recorded pace: first delta at 400 ms, then one every 50 ms, done after 2.8 s. */
    private static final int LONG_DELTAS = 48;

    private static final String RESET_PROMPT = "What does a TCP reset do to a stream?";
    private static final String CUT_PROMPT = "Can a stream stop in the middle of an event?";
    private static final String STALL_PROMPT = "What happens when the network goes quiet?";

    private static final long RESPONSE_ARRIVES_MS = 640;
    private static final long CONSUMER_MS_PER_DELTA = 20;

    /** A clock that moves only when the test says: nothing here depends on how fast the machine is. */
    private static final class FakeClock implements LongSupplier {
        private final AtomicLong nanos = new AtomicLong();

        void advanceMillis(long millis) {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
        }

        @Override
        public long getAsLong() {
            return nanos.get();
        }
    }

    /** Notices {@link Call#cancel()}: OkHttp reports it to the client's event listener. */
    private static final class CancelWatch extends EventListener {
        private final AtomicBoolean canceled = new AtomicBoolean();

        @Override
        public void canceled(Call call) {
            canceled.set(true);
        }

        boolean canceled() {
            return canceled.get();
        }
    }

    /** What onDelta received, in order; each delta "takes" the consumer 20 ms on the fake clock. */
    private static final class Deltas {
        private final List<String> received = new CopyOnWriteArrayList<>();
        private final FakeClock clock;

        Deltas(FakeClock clock) {
            this.clock = clock;
        }

        void accept(String delta) {
            received.add(delta);
            if (clock != null) {
                clock.advanceMillis(CONSUMER_MS_PER_DELTA);
            }
        }
    }

    /** The HTTP client moves the fake clock 640 ms when the response head arrives. */
    private static OkHttpClient httpWith(FakeClock clock, CancelWatch watch) {
        return new OkHttpClient.Builder()
                .eventListener(watch)
                .retryOnConnectionFailure(false)
                .readTimeout(Duration.ofSeconds(5))
                .addInterceptor(chain -> {
                    Response response = chain.proceed(chain.request());
                    clock.advanceMillis(RESPONSE_ARRIVES_MS);
                    return response;
                })
                .build();
    }

    private static StreamingChatClient client(ReplayServer replay, FakeClock clock, CancelWatch watch) {
        return new StreamingChatClient(httpWith(clock, watch), replay.baseUrl(), ReplayKeys.OPENAI, clock);
    }

    private static String joined(List<String> deltas) {
        return String.join("", deltas);
    }

    @Test
    @Points(2)
    @DisplayName("POSTs model and the user prompt with stream true and stream_options.include_usage, with the Bearer key")
    void sendsTheStreamingRequest(ReplayServer replay) throws IOException {
        FakeClock clock = new FakeClock();
        client(replay, clock, new CancelWatch()).stream(MODEL, OK_PROMPT, StreamingChatLimits.none(), new Deltas(clock)::accept);

        List<RecordedRequest> requests = replay.requests();
        assertThat(requests).as("requests your client sent").hasSize(1);
        RecordedRequest request = requests.get(0);
        assertThat(request.method()).as("HTTP method").isEqualTo("POST");
        assertThat(request.path()).as("path").isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).as("Authorization header").contains("Bearer " + ReplayKeys.OPENAI);
        JsonNode body = request.json();
        assertThat(body.path("model").asText()).as("body.model").isEqualTo(MODEL);
        assertThat(body.path("messages").size()).as("body.messages: one user message, got %s", body.path("messages")).isEqualTo(1);
        assertThat(body.path("messages").path(0).path("role").asText()).as("messages[0].role").isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asText()).as("messages[0].content").isEqualTo(OK_PROMPT);
        assertThat(body.path("stream").isBoolean() && body.path("stream").asBoolean())
                .as("body.stream must be the boolean true; the body was %s", body).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean())
                .as("body.stream_options.include_usage must be true, or the stream carries no usage; the body was %s", body)
                .isTrue();
    }

    @Test
    @Points(2)
    @DisplayName("hands every non-empty content delta to onDelta in order and returns the text, the count and COMPLETED")
    void relaysEachDelta(ReplayServer replay) throws IOException {
        FakeClock clock = new FakeClock();
        Deltas deltas = new Deltas(clock);
        StreamingChatResult result = client(replay, clock, new CancelWatch())
                .stream(MODEL, OK_PROMPT, StreamingChatLimits.none(), deltas::accept);

        assertThat(deltas.received).as("what onDelta received, in order (the first chunk's content \"\" is not a delta)")
                .containsExactlyElementsOf(OK_DELTAS);
        assertThat(result.text()).as("text: the deltas joined").isEqualTo(joined(OK_DELTAS));
        assertThat(result.deltas()).as("deltas()").isEqualTo(OK_DELTAS.size());
        assertThat(result.outcome()).as("outcome of a stream that ended with finish_reason and [DONE]")
                .isEqualTo(StreamingChatOutcome.COMPLETED);
    }

    @Test
    @Points(2)
    @DisplayName("measures time to first token from sending the request, the wait for the response included")
    void measuresTimeToFirstToken(ReplayServer replay) throws IOException {
        FakeClock clock = new FakeClock();
        StreamingChatResult result = client(replay, clock, new CancelWatch())
                .stream(MODEL, OK_PROMPT, StreamingChatLimits.none(), new Deltas(clock)::accept);

        assertThat(result.timeToFirstTokenMillis())
                .as("timeToFirstTokenMillis: the fake clock reads 0 when the request is sent, 640 ms once the response "
                        + "has arrived; read it for the first delta before calling onDelta (each onDelta takes 20 ms)")
                .isEqualTo(RESPONSE_ARRIVES_MS);
    }

    @Test
    @Points(2)
    @DisplayName("computes tokens per second from the usage chunk's completion_tokens, from the first token to the end")
    void tokensPerSecondFromUsage(ReplayServer replay) throws IOException {
        FakeClock clock = new FakeClock();
        StreamingChatResult result = client(replay, clock, new CancelWatch())
                .stream(MODEL, OK_PROMPT, StreamingChatLimits.none(), new Deltas(clock)::accept);

        double seconds = OK_DELTAS.size() * CONSUMER_MS_PER_DELTA / 1000.0;
        assertThat(result.tokensPerSecond())
                .as("tokensPerSecond: usage.completion_tokens %d over the %.2f s from the first delta to the end "
                        + "(counting the %d deltas would give %.1f: a chunk can carry more than one token)",
                        OK_COMPLETION_TOKENS, seconds, OK_DELTAS.size(), OK_DELTAS.size() / seconds)
                .isCloseTo(OK_COMPLETION_TOKENS / seconds, within(0.01));
    }

    @Test
    @Points(3)
    @DisplayName("stops after the delta limit: cancels the call and returns the partial text, CANCELLED_AT_LIMIT")
    void cancelsAtTheLimit(ReplayServer replay) throws IOException {
        FakeClock clock = new FakeClock();
        CancelWatch watch = new CancelWatch();
        Deltas deltas = new Deltas(clock);
        StreamingChatResult result = client(replay, clock, watch)
                .stream(MODEL, LONG_PROMPT, StreamingChatLimits.atMostDeltas(5), deltas::accept);

        String firstFive = "Streaming makes a chat feel";
        assertThat(deltas.received).as("onDelta calls: the first 5 deltas, none after the limit").hasSize(5);
        assertThat(result.text()).as("the partial text").isEqualTo(firstFive);
        assertThat(result.deltas()).as("deltas()").isEqualTo(5);
        assertThat(result.outcome()).as("outcome").isEqualTo(StreamingChatOutcome.CANCELLED_AT_LIMIT);
        assertThat(watch.canceled())
                .as("call.cancel() was called: leaving the loop and closing the response is not enough").isTrue();
        assertThat(result.tokensPerSecond())
                .as("tokensPerSecond without a usage chunk: the 5 deltas counted over the 0.1 s from the first delta to the stop")
                .isCloseTo(50.0, within(0.01));
    }

    @Test
    @Points(3)
    @DisplayName("a deadline cancels a stream still running at its recorded pace, well before it would have ended")
    void cancelsAtTheDeadline() throws IOException {
        CancelWatch watch = new CancelWatch();
        OkHttpClient http = new OkHttpClient.Builder().eventListener(watch).retryOnConnectionFailure(false).build();
        List<String> received = new CopyOnWriteArrayList<>();
        StreamingChatResult result;
        long elapsedMillis;
        try (ReplayServer paced = ReplayServer.start("03-streaming", 1.0)) {
            StreamingChatClient client = new StreamingChatClient(http, paced.baseUrl(), ReplayKeys.OPENAI);
            long start = System.nanoTime();
            result = client.stream(MODEL, LONG_PROMPT, StreamingChatLimits.within(Duration.ofMillis(1000)), received::add);
            elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(paced.unmatchedReport()).as("requests no fixture matched").isEmpty();
        }

        assertThat(result.outcome()).as("outcome after a 1 s deadline on a stream that takes 2.8 s")
                .isEqualTo(StreamingChatOutcome.CANCELLED_AT_DEADLINE);
        assertThat(elapsedMillis).as("ms until stream() returned (deadline 1000 ms; the whole stream takes 2800 ms)")
                .isLessThan(2200);
        assertThat(watch.canceled()).as("call.cancel() was called").isTrue();
        assertThat(result.deltas()).as("deltas before the deadline (the first arrives at 400 ms, then one every 50 ms)")
                .isBetween(1, LONG_DELTAS - 1);
        assertThat(LONG_TEXT).as("the full answer starts with the partial text %s", result.text()).startsWith(result.text());
        assertThat(joined(received)).as("what onDelta received").isEqualTo(result.text());
        assertThat(result.timeToFirstTokenMillis()).as("timeToFirstTokenMillis, measured with the real clock (recorded: 400 ms)")
                .isBetween(200L, 1000L);
    }

    @Test
    @Points(2)
    @DisplayName("a deadline also ends a connection that went silent, by cancelling the call from another thread")
    void deadlineEndsAStall(ReplayServer replay) throws IOException {
        CancelWatch watch = new CancelWatch();
        // A read timeout of 5 s: without a cancel, the read waits that long and then fails.
        OkHttpClient http = new OkHttpClient.Builder().eventListener(watch).retryOnConnectionFailure(false)
                .readTimeout(Duration.ofSeconds(5)).build();
        StreamingChatClient client = new StreamingChatClient(http, replay.baseUrl(), ReplayKeys.OPENAI);
        long start = System.nanoTime();
        StreamingChatResult result = client.stream(MODEL, STALL_PROMPT, StreamingChatLimits.within(Duration.ofMillis(500)),
                delta -> { });
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(result.outcome()).as("outcome when the stream goes silent after 4 deltas, deadline 500 ms")
                .isEqualTo(StreamingChatOutcome.CANCELLED_AT_DEADLINE);
        assertThat(result.text()).as("the text before the silence").isEqualTo("The network went quiet");
        assertThat(elapsedMillis).as("ms until stream() returned: a deadline checked between lines never fires "
                + "while readUtf8Line() waits; schedule call.cancel() on another thread").isLessThan(3000);
        assertThat(watch.canceled()).as("call.cancel() was called").isTrue();
    }

    @Test
    @Points(2)
    @DisplayName("a reset connection throws CutStreamException with the partial text, missing finish_reason and [DONE]")
    void resetConnection(ReplayServer replay) {
        FakeClock clock = new FakeClock();
        Deltas deltas = new Deltas(clock);
        Throwable thrown = catchThrowable(() -> client(replay, clock, new CancelWatch())
                .stream(MODEL, RESET_PROMPT, StreamingChatLimits.none(), deltas::accept));

        assertThat(thrown).as("what stream() threw when the connection was reset after 8 deltas")
                .isInstanceOf(CutStreamException.class);
        CutStreamException cut = (CutStreamException) thrown;
        assertThat(cut.partialText()).as("partialText()").isEqualTo("A TCP reset ends a connection at once");
        assertThat(cut.missing()).as("missing(): the end markers that never arrived").containsExactly("finish_reason", "[DONE]");
        assertThat(cut.getCause()).as("getCause(): the I/O error of the reset connection").isInstanceOf(IOException.class);
        assertThat(deltas.received).as("onDelta calls before the reset").hasSize(8);
    }

    @Test
    @Points(2)
    @DisplayName("a body that stops mid-event throws CutStreamException and drops the half event")
    void cutMidEvent(ReplayServer replay) {
        FakeClock clock = new FakeClock();
        Deltas deltas = new Deltas(clock);
        Throwable thrown = catchThrowable(() -> client(replay, clock, new CancelWatch())
                .stream(MODEL, CUT_PROMPT, StreamingChatLimits.none(), deltas::accept));

        assertThat(thrown).as("what stream() threw for a body that ends inside its 8th event, without [DONE]")
                .isInstanceOf(CutStreamException.class);
        CutStreamException cut = (CutStreamException) thrown;
        assertThat(cut.partialText()).as("partialText(): the 7 complete deltas; the 8th event never got its blank line")
                .isEqualTo("A stream can stop in the middle");
        assertThat(cut.missing()).as("missing()").containsExactly("finish_reason", "[DONE]");
        assertThat(deltas.received).as("onDelta calls").hasSize(7);
    }
}

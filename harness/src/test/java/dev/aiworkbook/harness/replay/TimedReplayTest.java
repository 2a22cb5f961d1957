package dev.aiworkbook.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The timed stream server: WireMock matches, the front keeps the recorded pace and endings. */
class TimedReplayTest {

    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private static final String EVENTS = "data: {\"n\":1}\n\ndata: {\"n\":2}\n\ndata: {\"n\":3}\n\n";

    /** One piece of a stream and when it arrived, in ms after the response head. */
    private record Arrival(String text, long atMs) {
    }

    private static Request post(ReplayServer replay, String path) {
        return new Request.Builder().url(replay.url(path))
                .post(RequestBody.create("{\"stream\":true}", MediaType.get("application/json"))).build();
    }

    private static List<Arrival> readArrivals(Response response) throws IOException {
        long start = System.nanoTime();
        List<Arrival> arrivals = new ArrayList<>();
        InputStream in = response.body().byteStream();
        byte[] buffer = new byte[4096];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            arrivals.add(new Arrival(new String(buffer, 0, n, StandardCharsets.UTF_8), (System.nanoTime() - start) / 1_000_000));
        }
        return arrivals;
    }

    private static String joined(List<Arrival> arrivals) {
        return arrivals.stream().map(Arrival::text).reduce("", String::concat);
    }

    @Test
    void keepsTheRecordedPaceAndTheExactBytes() throws IOException {
        try (ReplayServer replay = ReplayServer.start("timed-selftest", 1.0);
             Response response = CLIENT.newCall(post(replay, "/paced")).execute()) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("text/event-stream");
            List<Arrival> arrivals = readArrivals(response);
            assertThat(joined(arrivals)).isEqualTo(EVENTS);
            assertThat(arrivals).hasSizeGreaterThanOrEqualTo(3);
            long last = arrivals.get(arrivals.size() - 1).atMs();
            assertThat(last).as("the third event is recorded at 300 ms").isBetween(250L, 1000L);
            assertThat(replay.lastRequest().orElseThrow().json().path("stream").asBoolean()).isTrue();
        }
    }

    @Test
    void speedScalesThePauses() throws IOException {
        try (ReplayServer replay = ReplayServer.start("timed-selftest", 0.0)) {
            long start = System.nanoTime();
            try (Response response = CLIENT.newCall(post(replay, "/paced")).execute()) {
                assertThat(response.body().string()).isEqualTo(EVENTS);
            }
            assertThat((System.nanoTime() - start) / 1_000_000).as("speed 0 pauses nowhere").isLessThan(250);
        }
    }

    @Test
    void aResetEndingCutsTheConnectionAfterThePieces() throws IOException {
        try (ReplayServer replay = ReplayServer.start("timed-selftest", 1.0);
             Response response = CLIENT.newCall(post(replay, "/reset")).execute()) {
            InputStream in = response.body().byteStream();
            byte[] buffer = new byte[4096];
            StringBuilder received = new StringBuilder();
            assertThatThrownBy(() -> {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            }).isInstanceOf(IOException.class);
            assertThat(received.toString()).isEqualTo(EVENTS);
        }
    }

    @Test
    void aStallEndingKeepsTheConnectionOpenAndSilent() throws IOException {
        OkHttpClient impatient = CLIENT.newBuilder().readTimeout(Duration.ofMillis(300)).build();
        try (ReplayServer replay = ReplayServer.start("timed-selftest", 1.0);
             Response response = impatient.newCall(post(replay, "/stall")).execute()) {
            assertThat(response.body().source().readUtf8Line()).isEqualTo("data: {\"n\":1}");
            assertThatThrownBy(() -> response.body().string()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aBodyCutMidEventArrivesCutAndEndsCleanly() throws IOException {
        try (ReplayServer replay = ReplayServer.start("timed-selftest", 1.0);
             Response response = CLIENT.newCall(post(replay, "/cut")).execute()) {
            assertThat(response.body().string()).isEqualTo(EVENTS.substring(0, EVENTS.length() - 6));
        }
    }

    @Test
    void everythingElsePassesThroughUnchanged() throws IOException {
        try (ReplayServer replay = ReplayServer.start("timed-selftest", 1.0)) {
            try (Response plain = CLIENT.newCall(new Request.Builder().url(replay.url("/plain")).build()).execute()) {
                assertThat(plain.code()).isEqualTo(200);
                assertThat(plain.body().string()).contains("\"ok\"");
            }
            try (Response missing = CLIENT.newCall(new Request.Builder().url(replay.url("/nowhere")).build()).execute()) {
                assertThat(missing.code()).isEqualTo(404);
                assertThat(missing.body().string()).contains("Request was not matched");
            }
            assertThat(replay.unmatchedReport()).contains("Your code sent: GET /nowhere");
            assertThatThrownBy(() -> CLIENT.newCall(new Request.Builder().url(replay.url("/fault-reset")).build()).execute().close())
                    .isInstanceOf(IOException.class);
            assertThatThrownBy(() -> CLIENT.newCall(new Request.Builder().url(replay.url("/fault-empty")).build()).execute().close())
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void refusesANegativeSpeed() {
        assertThatThrownBy(() -> ReplayServer.start("timed-selftest", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}

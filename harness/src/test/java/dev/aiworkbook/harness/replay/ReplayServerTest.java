package dev.aiworkbook.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayServerTest {

    private static ReplayServer replay;
    private static final OkHttpClient CLIENT = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    @BeforeAll
    static void start() {
        replay = ReplayServer.start("selftest");
    }

    @AfterAll
    static void stop() {
        replay.close();
    }

    @BeforeEach
    void reset() {
        replay.reset();
    }

    private static Response get(String path, String apiKey) throws IOException {
        Request.Builder request = new Request.Builder().url(replay.url(path));
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return CLIENT.newCall(request.build()).execute();
    }

    @Test
    void servesAFixtureOnLoopbackAndRecordsTheRequest() throws IOException {
        assertThat(replay.baseUrl()).startsWith("http://127.0.0.1:");
        try (Response response = get("/hello", "k")) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(response.body().string()).isEqualTo("hi");
        }
        RecordedRequest sent = replay.lastRequest().orElseThrow();
        assertThat(sent.method()).isEqualTo("GET");
        assertThat(sent.path()).isEqualTo("/hello");
        assertThat(sent.header("X-API-KEY")).as("header lookups ignore case").contains("k");
        assertThat(replay.unmatchedReport()).isEmpty();
    }

    @Test
    void explainsAnUnmatchedRequestWithTheClosestFixtureAndTheDifference() throws IOException {
        try (Response response = get("/hello", null)) {
            assertThat(response.code()).isEqualTo(404);
        }
        String report = replay.unmatchedReport();
        assertThat(report)
                .contains("Your code sent: GET /hello")
                .contains("Closest fixture: \"hello: needs x-api-key k\"")
                .contains("expected x-api-key: k, got nothing");
    }

    @Test
    void masksKeyShapedValuesInTheReport() throws IOException {
        String realLooking = "sk-" + "a".repeat(40);
        try (Response response = get("/hello", realLooking)) {
            assertThat(response.code()).isEqualTo(404);
        }
        assertThat(replay.unmatchedReport()).doesNotContain(realLooking).contains("sk-a…[REDACTED");
    }

    @Test
    void playsAScenarioStepByStepAndResetStartsItOver() throws IOException {
        Request post = new Request.Builder().url(replay.url("/flaky")).post(RequestBody.create("{}", MediaType.get("application/json"))).build();
        try (Response first = CLIENT.newCall(post).execute(); Response second = CLIENT.newCall(post).execute()) {
            assertThat(first.code()).isEqualTo(429);
            assertThat(first.header("retry-after-ms")).isEqualTo("1");
            assertThat(second.code()).isEqualTo(200);
        }
        assertThat(replay.requests()).hasSize(2);
        replay.reset();
        assertThat(replay.requests()).isEmpty();
        try (Response again = CLIENT.newCall(post).execute()) {
            assertThat(again.code()).isEqualTo(429);
        }
    }

    @Test
    void injectsTheFaultsAFixtureAsksFor() {
        assertThatThrownBy(() -> get("/reset", null).close()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get("/empty", null).close()).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> {
            try (Response response = get("/malformed", null)) {
                response.body().string();
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void delaysAsAFixtureAsks() {
        OkHttpClient impatient = CLIENT.newBuilder().readTimeout(Duration.ofMillis(100)).build();
        assertThatThrownBy(() -> impatient.newCall(new Request.Builder().url(replay.url("/slow")).build()).execute().close())
                .isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void refusesATopicWithoutFixturesClearly() {
        assertThatThrownBy(() -> ReplayServer.start("no-such-topic"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("fixtures/no-such-topic/mappings");
    }
}

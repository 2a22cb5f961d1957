package dev.aiworkbook.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes through the JUnit engine and checks what the extension made of them. */
class ReplayExtensionTest {

    static int get(ReplayServer replay, String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replay.url(path)));
        if (key != null) {
            request.header("x-api-key", key);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Replay("selftest")
    static class MatchingRequest {
        @Test
        void getsTheFixture(ReplayServer replay) throws Exception {
            assertThat(get(replay, "/hello", "k")).isEqualTo(200);
            assertThat(replay.requests()).hasSize(1);
        }

        @Test
        void startsEachTestWithAnEmptyRequestLog(ReplayServer replay) throws Exception {
            assertThat(replay.requests()).isEmpty();
            get(replay, "/hello", "k");
        }
    }

    @Replay("selftest")
    static class FailsBecauseOfAnUnmatchedRequest {
        @Test
        void sendsTheWrongHeader(ReplayServer replay) throws Exception {
            assertThat(get(replay, "/hello", "wrong")).isEqualTo(200);
        }
    }

    @Replay("selftest")
    static class PassesDespiteAnUnmatchedRequest {
        @Test
        void ignoresTheStatus(ReplayServer replay) throws Exception {
            get(replay, "/nowhere", null);
        }
    }

    @Replay(value = "selftest", failOnUnmatched = false)
    static class ExpectsUnmatchedRequests {
        @Test
        void probesAnUnknownPath(ReplayServer replay) throws Exception {
            assertThat(get(replay, "/nowhere", null)).isEqualTo(404);
        }
    }

    @Replay(value = "timed-selftest", timed = true)
    static class TimedAtSpeedZero {
        @Test
        void getsACutStreamAsRecorded(ReplayServer replay) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(replay.url("/cut")))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).startsWith("data: {\"n\":1}").doesNotEndWith("\n\n");
        }
    }

    private static Events run(Class<?> testClass) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
    }

    private static String failureMessage(Events events) {
        Event failed = events.failed().stream().findFirst().orElseThrow(() -> new AssertionError("no test failed"));
        return failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                .getThrowable().orElseThrow().getMessage();
    }

    @Test
    void injectsAServerAndResetsItBeforeEachTest() {
        run(MatchingRequest.class).assertStatistics(stats -> stats.succeeded(2).failed(0));
    }

    @Test
    void aFailingTestLeadsWithTheClosestFixtureAndWhatDiffered() {
        Events events = run(FailsBecauseOfAnUnmatchedRequest.class);
        events.assertStatistics(stats -> stats.failed(1));
        assertThat(failureMessage(events))
                .startsWith("A request matched no fixture in fixtures/selftest/mappings.")
                .contains("Closest fixture: \"hello: needs x-api-key k\"")
                .contains("expected x-api-key: k, got x-api-key: wrong")
                .contains("Your code then failed with:");
    }

    @Test
    void aPassingTestWithAnUnmatchedRequestStillFails() {
        Events events = run(PassesDespiteAnUnmatchedRequest.class);
        events.assertStatistics(stats -> stats.failed(1));
        assertThat(failureMessage(events)).contains("Your code sent: GET /nowhere");
    }

    @Test
    void aClassCanAskForTheTimedStreamServer() {
        run(TimedAtSpeedZero.class).assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void aClassCanAllowUnmatchedRequests() {
        run(ExpectsUnmatchedRequests.class).assertStatistics(stats -> stats.succeeded(1).failed(0));
    }
}

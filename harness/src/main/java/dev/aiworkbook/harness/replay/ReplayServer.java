package dev.aiworkbook.harness.replay;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The embedded replay server: a WireMock server on a free loopback port, serving one topic's
 * recorded or authored provider responses from {@code fixtures/<topic>/}.
 *
 * <pre>{@code
 * try (ReplayServer replay = ReplayServer.start("01-auth")) {
 *     String baseUrl = replay.baseUrl();        // http://127.0.0.1:54321
 *     ... call baseUrl + "/v1/chat/completions" with OkHttp or an SDK ...
 *     RecordedRequest sent = replay.lastRequest().orElseThrow();
 * }
 * }</pre>
 *
 * <p>Fixtures are plain WireMock mappings, so scenarios ({@code scenarioName},
 * {@code requiredScenarioState}, {@code newScenarioState}), faults ({@code "fault":
 * "CONNECTION_RESET_BY_PEER"}, {@code EMPTY_RESPONSE}, {@code MALFORMED_RESPONSE_CHUNK},
 * {@code RANDOM_DATA_THEN_CLOSE}) and delays ({@code fixedDelayMilliseconds}) all work from the
 * JSON files. A request that matches no fixture gets WireMock's closest-stub table as its 404 body,
 * and {@link #unmatchedReport()} explains it.
 */
public final class ReplayServer implements AutoCloseable {

    private final String topic;
    private final WireMockServer server;
    private final QuietNotifier notifier;
    private final TimedFront front;

    private ReplayServer(String topic, WireMockServer server, QuietNotifier notifier, TimedFront front) {
        this.topic = topic;
        this.server = server;
        this.notifier = notifier;
        this.front = front;
    }

    /**
     * Starts a replay server for a topic ({@code "01-auth"} or {@code "auth"}) on a free port.
     * Streamed bodies come whole, at once: what most tests want.
     */
    public static ReplayServer start(String topic) {
        String folder = Topics.resolve(topic).orElse(topic);
        return start(folder, FixtureSource.forTopic(folder), null);
    }

    /**
     * Starts a replay server whose streamed responses keep their recorded pace: a body with a timing
     * sidecar is written piece by piece at the recorded times multiplied by {@code speed} (1 is the
     * recorded pace, 2 twice as slow, 0 no pauses), and ends as recorded (cleanly, cut, or stalled).
     */
    public static ReplayServer start(String topic, double speed) {
        String folder = Topics.resolve(topic).orElse(topic);
        return start(folder, FixtureSource.forTopic(folder), speed);
    }

    /** A timed replay server for a fixtures folder of one's own (holding mappings/ and __files/). */
    public static ReplayServer startFrom(Path fixtures, double speed) {
        return start(fixtures.getFileName().toString(), FixtureSource.inDirectory(fixtures), speed);
    }

    private static ReplayServer start(String folder, FixtureSource source, Double speed) {
        if (speed != null && (speed < 0 || speed.isNaN())) {
            throw new IllegalArgumentException("speed must be 0 or more, got " + speed);
        }
        QuietNotifier notifier = new QuietNotifier();
        WireMockConfiguration config = wireMockConfig()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .notifier(notifier)
                .containerThreads(16)
                .jettyAcceptors(1);
        source.configure(config);
        WireMockServer server = new WireMockServer(config);
        server.start();
        if (speed == null) {
            return new ReplayServer(folder, server, notifier, null);
        }
        try {
            TimedFront front = new TimedFront(server.port(), stubId -> timingOf(server, source, stubId), speed);
            return new ReplayServer(folder, server, notifier, front);
        } catch (IOException e) {
            server.stop();
            throw new UncheckedIOException("Could not start the timed stream server", e);
        }
    }

    /** The timing sidecar of the body file a stub answers with, if it has one. */
    private static Optional<StreamTiming> timingOf(WireMockServer server, FixtureSource source, String stubId) {
        try {
            StubMapping stub = server.getStubMapping(UUID.fromString(stubId)).getItem();
            String bodyFile = stub == null ? null : stub.getResponse().getBodyFileName();
            if (bodyFile == null) {
                return Optional.empty();
            }
            String sidecar = "__files/" + bodyFile + ".timing.json";
            Optional<byte[]> json = source.read(sidecar);
            return json.isEmpty() ? Optional.empty() : Optional.of(StreamTiming.parse(json.get(), sidecar));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** The topic folder whose fixtures this server replays. */
    public String topic() {
        return topic;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        // Not "localhost": it may resolve to ::1 first, and the server listens on IPv4 loopback only.
        return "http://127.0.0.1:" + port();
    }

    /** The base URL plus a path: {@code url("/v1")} gives {@code http://127.0.0.1:<port>/v1}. */
    public String url(String path) {
        return baseUrl() + (path.startsWith("/") ? path : "/" + path);
    }

    public int port() {
        return front != null ? front.port() : server.port();
    }

    /** Every request received since the start or the last {@link #reset()}, oldest first. */
    public List<RecordedRequest> requests() {
        List<LoggedRequest> logged = new ArrayList<>(server.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())));
        logged.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return logged.stream().map(ReplayServer::toRecorded).toList();
    }

    /** The most recent request, or empty when none arrived. */
    public Optional<RecordedRequest> lastRequest() {
        List<RecordedRequest> all = requests();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Explains every request that matched no fixture: what was sent, the closest fixture, and what
     * differed. Empty when every request matched.
     */
    public String unmatchedReport() {
        return UnmatchedReport.describe(server, topic);
    }

    /** Forgets received requests and scenario states, and reloads the fixtures. */
    public void reset() {
        server.resetAll();
    }

    /** The underlying WireMock server, for stubs a test adds in code. */
    public WireMockServer wireMock() {
        return server;
    }

    /** Errors WireMock reported while serving (for example an unreadable body file). */
    public List<String> serverErrors() {
        return notifier.errors();
    }

    @Override
    public void close() {
        if (front != null) {
            front.close();
        }
        server.stop();
    }

    static RecordedRequest toRecorded(LoggedRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpHeader header : request.getHeaders().all()) {
            headers.put(header.key(), header.values());
        }
        byte[] body = request.getBody();
        return new RecordedRequest(request.getMethod().getName(), request.getUrl(), headers,
                body == null ? "" : new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Keeps WireMock off the console: the learner's output stays readable, and unmatched-request
     * reports come through {@link #unmatchedReport()} instead of an ERROR log.
     */
    private static final class QuietNotifier implements Notifier {
        private final List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
            if (!message.contains("Request was not matched")) {
                errors.add(message);
            }
        }

        @Override
        public void error(String message, Throwable t) {
            errors.add(message + ": " + t);
        }

        List<String> errors() {
            return List.copyOf(errors);
        }
    }
}

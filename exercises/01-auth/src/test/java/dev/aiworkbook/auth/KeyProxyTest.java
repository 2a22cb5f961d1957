package dev.aiworkbook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The browser's side: a plain HTTP client that has no key and talks only to the proxy. */
@Replay("01-auth")
@DisplayName("Exercise 6 · A backend key proxy")
class KeyProxyTest {

    private static final String CHAT = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}";
    private static final HttpClient BROWSER = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeyProxy proxy;

    private KeyProxy startProxy(String upstreamBaseUrl) throws IOException {
        proxy = new KeyProxy(upstreamBaseUrl, new ApiKey(ReplayKeys.OPENAI),
                Set.of(Calls.OPENAI_PATH), Set.of("gpt-4o-mini"));
        return proxy.start();
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private static HttpResponse<String> browserPost(KeyProxy proxy, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(proxy.baseUrl() + path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return BROWSER.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String everythingTheBrowserSaw(HttpResponse<String> response) {
        return response.headers().map() + "\n" + response.body();
    }

    @Test
    @Points(5)
    @DisplayName("forwards an allowed request and relays the provider's answer")
    void forwardsAllowedRequests(ReplayServer replay) throws Exception {
        HttpResponse<String> response = browserPost(startProxy(replay.baseUrl()), Calls.OPENAI_PATH, CHAT);
        assertThat(response.statusCode()).as("status; body: %s", response.body()).isEqualTo(200);
        assertThat(response.body()).as("the provider's answer, relayed").contains("chat.completion");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        RecordedRequest upstream = replay.lastRequest().orElseThrow(() -> new AssertionError("the proxy never called the provider"));
        assertThat(upstream.path()).isEqualTo(Calls.OPENAI_PATH);
        assertThat(upstream.json().path("model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    @Points(4)
    @DisplayName("adds the server's key upstream: Authorization: Bearer <key>")
    void addsTheKeyUpstream(ReplayServer replay) throws Exception {
        browserPost(startProxy(replay.baseUrl()), Calls.OPENAI_PATH, CHAT);
        RecordedRequest upstream = replay.lastRequest().orElseThrow(() -> new AssertionError("the proxy never called the provider"));
        assertThat(upstream.headers().get("Authorization")).containsExactly("Bearer " + ReplayKeys.OPENAI);
    }

    @Test
    @Points(4)
    @DisplayName("the browser never sees the key, nor the provider's account headers")
    void theBrowserNeverSeesTheKey(ReplayServer replay) throws Exception {
        HttpResponse<String> response = browserPost(startProxy(replay.baseUrl()), Calls.OPENAI_PATH, CHAT);
        assertThat(response.statusCode()).as("status; body: %s", response.body()).isEqualTo(200);
        assertThat(everythingTheBrowserSaw(response)).doesNotContain(ReplayKeys.OPENAI);
        assertThat(response.headers().map().keySet()).as("upstream headers relayed to the browser")
                .noneMatch(name -> name.toLowerCase(java.util.Locale.ROOT).startsWith("openai-")
                        || name.toLowerCase(java.util.Locale.ROOT).startsWith("x-ratelimit"));
    }

    @Test
    @Points(4)
    @DisplayName("refuses a path off the allowlist with 404, without calling the provider")
    void refusesOtherPaths(ReplayServer replay) throws Exception {
        HttpResponse<String> response = browserPost(startProxy(replay.baseUrl()), "/v1/files", "{\"model\":\"gpt-4o-mini\"}");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("\"error\"");
        assertThat(replay.requests()).as("requests that reached the provider").isEmpty();
    }

    @Test
    @Points(4)
    @DisplayName("refuses a model off the allowlist with 403, without calling the provider")
    void refusesOtherModels(ReplayServer replay) throws Exception {
        KeyProxy started = startProxy(replay.baseUrl());
        HttpResponse<String> expensive = browserPost(started, Calls.OPENAI_PATH, CHAT.replace("gpt-4o-mini", "o3-pro"));
        HttpResponse<String> none = browserPost(started, Calls.OPENAI_PATH, "{\"messages\":[]}");
        assertThat(expensive.statusCode()).as("a model off the allowlist").isEqualTo(403);
        assertThat(none.statusCode()).as("no model at all").isEqualTo(403);
        assertThat(expensive.body()).contains("\"error\"");
        assertThat(replay.requests()).as("requests that reached the provider").isEmpty();
    }

    @Test
    @Points(3)
    @DisplayName("drops the browser's own credentials and cookies instead of forwarding them")
    void dropsClientCredentials(ReplayServer replay) throws Exception {
        browserPost(startProxy(replay.baseUrl()), Calls.OPENAI_PATH, CHAT,
                "Authorization", "Bearer someone-elses-token", "Cookie", "session=abc", "x-api-key", "guess");
        RecordedRequest upstream = replay.lastRequest().orElseThrow(() -> new AssertionError("the proxy never called the provider"));
        assertThat(upstream.headers().get("Authorization")).containsExactly("Bearer " + ReplayKeys.OPENAI);
        assertThat(upstream.header("Cookie")).isEmpty();
        assertThat(upstream.header("x-api-key")).isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("answers 405 to a GET and 400 to a body that is not JSON, without calling the provider")
    void refusesWrongMethodsAndBodies(ReplayServer replay) throws Exception {
        KeyProxy started = startProxy(replay.baseUrl());
        HttpResponse<String> get = BROWSER.send(HttpRequest.newBuilder(URI.create(started.baseUrl() + Calls.OPENAI_PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notJson = browserPost(started, Calls.OPENAI_PATH, "model=gpt-4o-mini");
        assertThat(get.statusCode()).as("GET on an allowed path").isEqualTo(405);
        assertThat(notJson.statusCode()).as("a body that is not JSON").isEqualTo(400);
        assertThat(replay.requests()).as("requests that reached the provider").isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("answers 413 to a body over the limit")
    void refusesHugeBodies(ReplayServer replay) throws Exception {
        String huge = "{\"model\":\"gpt-4o-mini\",\"padding\":\"" + "x".repeat(KeyProxy.MAX_BODY_BYTES) + "\"}";
        HttpResponse<String> response = browserPost(startProxy(replay.baseUrl()), Calls.OPENAI_PATH, huge);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(replay.requests()).as("requests that reached the provider").isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("answers 502 when the provider is unreachable, naming neither key nor upstream")
    void unreachableUpstream() throws Exception {
        int closedPort = Calls.closedPort();
        String upstream = "http://127.0.0.1:" + closedPort;
        HttpResponse<String> response = browserPost(startProxy(upstream), Calls.OPENAI_PATH, CHAT);
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(everythingTheBrowserSaw(response)).doesNotContain(ReplayKeys.OPENAI).doesNotContain(String.valueOf(closedPort));
    }
}

package dev.aiworkbook.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("01-auth")
@DisplayName("Exercise 5 · A logging interceptor that redacts secrets")
class RedactingLoggerTest {

    private final List<String> log = new CopyOnWriteArrayList<>();

    private Calls.Answer sendLogged(Request request) {
        OkHttpClient client = new OkHttpClient.Builder()
                .addNetworkInterceptor(new RedactingLogger(log::add))
                .retryOnConnectionFailure(false)
                .build();
        return Calls.send(client, request);
    }

    private String logText() {
        return String.join("\n", log);
    }

    @Test
    @Points(2)
    @DisplayName("logs --> METHOD URL, then <-- STATUS URL (N ms)")
    void logsRequestAndResponseLines(ReplayServer replay) {
        Request request = Calls.openAi(replay).newBuilder().header("Authorization", "Bearer " + ReplayKeys.OPENAI).build();
        sendLogged(request);
        assertThat(log).as("the log lines").isNotEmpty();
        assertThat(log.get(0)).isEqualTo("--> POST " + replay.url(Calls.OPENAI_PATH));
        assertThat(log).anySatisfy(line -> assertThat(line).matches("<-- 200 " + java.util.regex.Pattern.quote(replay.url(Calls.OPENAI_PATH)) + " \\(\\d+ ms\\)"));
    }

    @Test
    @Points(3)
    @DisplayName("redacts the Authorization header's value and keeps its name")
    void redactsAuthorization(ReplayServer replay) {
        sendLogged(Calls.openAi(replay).newBuilder().header("Authorization", "Bearer " + ReplayKeys.OPENAI).build());
        assertThat(log).contains("Authorization: [REDACTED]");
        assertThat(logText()).doesNotContain(ReplayKeys.OPENAI);
    }

    @Test
    @Points(2)
    @DisplayName("redacts x-api-key and x-goog-api-key whatever their case, and keeps other headers")
    void redactsProviderKeyHeaders(ReplayServer replay) {
        sendLogged(Calls.anthropic(replay).newBuilder()
                .header("X-Api-Key", ReplayKeys.ANTHROPIC).header("anthropic-version", "2023-06-01").build());
        sendLogged(Calls.gemini(replay).newBuilder().header("x-goog-api-key", ReplayKeys.GEMINI).build());
        assertThat(log).contains("X-Api-Key: [REDACTED]", "x-goog-api-key: [REDACTED]", "anthropic-version: 2023-06-01");
        assertThat(logText()).doesNotContain(ReplayKeys.ANTHROPIC).doesNotContain(ReplayKeys.GEMINI);
    }

    @Test
    @Points(3)
    @DisplayName("redacts the key= query parameter and keeps the others")
    void redactsKeyQueryParameter(ReplayServer replay) {
        String url = replay.url(Calls.GEMINI_PATH) + "?alt=json&key=" + ReplayKeys.GEMINI;
        Calls.Answer answer = sendLogged(Calls.post(url, "{\"contents\":[{\"parts\":[{\"text\":\"Say hello\"}]}]}"));
        assertThat(answer.status()).as("the logger must not change the request").isEqualTo(200);
        assertThat(log.get(0)).isEqualTo("--> POST " + replay.url(Calls.GEMINI_PATH) + "?alt=json&key=[REDACTED]");
        assertThat(logText()).doesNotContain(ReplayKeys.GEMINI);
    }

    @Test
    @Points(2)
    @DisplayName("logs the response headers with Set-Cookie redacted")
    void redactsResponseCookies(ReplayServer replay) {
        replay.wireMock().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/session")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok()
                        .withHeader("Set-Cookie", "__cf_bm=session-secret-value; path=/")
                        .withHeader("x-request-id", "req_0123")));
        sendLogged(new Request.Builder().url(replay.url("/session")).build());
        assertThat(log).contains("Set-Cookie: [REDACTED]", "x-request-id: req_0123");
        assertThat(logText()).doesNotContain("session-secret-value");
    }

    @Test
    @Points(3)
    @DisplayName("a failed call logs HTTP FAILED, rethrows, and still leaks nothing")
    void failedCallLeaksNothing() throws IOException {
        int closedPort = Calls.closedPort();
        String url = "http://127.0.0.1:" + closedPort + Calls.GEMINI_PATH + "?key=" + ReplayKeys.GEMINI;
        OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new RedactingLogger(log::add)).build();
        Request request = Calls.post(url, "{}");
        assertThatThrownBy(() -> client.newCall(request).execute()).isInstanceOf(IOException.class);
        assertThat(log).as("the log lines").isNotEmpty();
        assertThat(log.get(log.size() - 1)).startsWith("<-- HTTP FAILED: ");
        assertThat(logText()).doesNotContain(ReplayKeys.GEMINI);
    }
}

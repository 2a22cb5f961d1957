package dev.aiworkbook.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The browser's side: a plain HTTP client without a key, reading the relay's events as they arrive. */
@Replay(value = "03-streaming", timed = true)
@DisplayName("Exercise 6 · A relay to the browser")
class StreamRelayTest {

    private static final String MODEL = "gpt-4o-mini";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OkHttpClient BROWSER = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

    private static final String OK_PROMPT = "Why should a chat page stream its answers?";
    private static final List<String> OK_DELTAS = List.of("Streaming", " lets", " the", " reader", " start", " before",
            " the", " model", " has", " finished", ".");
    private static final String ERROR_PROMPT = "Summarize the history of the printing press.";
    private static final String CUT_PROMPT = "What does a relay server do with each token?";
    private static final String NOT_FOUND_PROMPT = "Which model answers this relay?";
    private static final String INVALID_KEY_PROMPT = "Is the key of this relay still valid?";

    private StreamRelay relay;

    /** One event as the browser saw it, and when: ms after the browser sent its request. */
    private record BrowserEvent(String event, String data, long atMillis) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("event `" + event + "` has data that is not JSON: " + data, e);
            }
        }
    }

    /** Everything the browser received. */
    private record BrowserView(int status, String contentType, String cacheControl, String headers, String body,
            List<BrowserEvent> events) {

        List<String> types() {
            return events.stream().map(BrowserEvent::event).toList();
        }

        List<String> deltaTexts() {
            return events.stream().filter(e -> e.event().equals("delta")).map(e -> e.json().path("text").asText()).toList();
        }

        String everything() {
            return headers + "\n" + body;
        }
    }

    private StreamRelay startRelay(String upstreamBaseUrl, String key, String model) throws IOException {
        relay = new StreamRelay(new OkHttpClient(), upstreamBaseUrl, key, model);
        return relay.start();
    }

    @AfterEach
    void stopRelay() {
        if (relay != null) {
            relay.close();
        }
    }

    /** POSTs {"prompt": ...} to the relay like a page's fetch() would, and reads the event stream line by line. */
    private static BrowserView chat(StreamRelay relay, String prompt, String... headers) {
        String json = JSON.createObjectNode().put("prompt", prompt).toString();
        Request.Builder request = new Request.Builder().url(relay.baseUrl() + "/chat")
                .post(RequestBody.create(json, MediaType.get("application/json")));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        long start = System.nanoTime();
        try (Response response = BROWSER.newCall(request.build()).execute()) {
            BufferedSource source = response.body().source();
            StringBuilder body = new StringBuilder();
            List<BrowserEvent> events = new ArrayList<>();
            String event = "message";
            StringBuilder data = null;
            for (String line; (line = source.readUtf8Line()) != null; ) {
                long at = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                body.append(line).append('\n');
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new BrowserEvent(event, data.toString(), at));
                    }
                    event = "message";
                    data = null;
                } else if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    String value = line.substring("data:".length());
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
            return new BrowserView(response.code(), response.header("Content-Type", ""),
                    response.header("Cache-Control", ""), response.headers().toString(), body.toString(), events);
        } catch (IOException e) {
            throw new UncheckedIOException("the browser's request to the relay failed", e);
        }
    }

    private static BrowserEvent last(BrowserView view) {
        assertThat(view.events()).as("events the browser received; the body was:\n%s", view.body()).isNotEmpty();
        return view.events().get(view.events().size() - 1);
    }

    @Test
    @Points(3)
    @DisplayName("relays each content delta as its own `event: delta` with {\"text\"}, in order, as text/event-stream with no-cache")
    void relaysDeltasAsEvents(ReplayServer replay) throws IOException {
        BrowserView view = chat(startRelay(replay.baseUrl(), ReplayKeys.OPENAI, MODEL), OK_PROMPT);

        assertThat(view.status()).as("status; body:\n%s", view.body()).isEqualTo(200);
        assertThat(view.contentType()).as("Content-Type").startsWith("text/event-stream");
        assertThat(view.cacheControl()).as("Cache-Control (a proxy must not cache or hold back a live stream)")
                .contains("no-cache");
        assertThat(view.deltaTexts()).as("the `text` of each `event: delta`, in order: one per content delta; the body was:\n%s",
                view.body()).containsExactlyElementsOf(OK_DELTAS);
        assertThat(view.types().subList(0, Math.min(OK_DELTAS.size(), view.types().size())))
                .as("the first events are the deltas; events were %s", view.types())
                .containsOnly("delta");
    }

    @Test
    @Points(2)
    @DisplayName("calls the provider with the server's key, the model, the prompt and stream true; the browser's credentials stay behind")
    void sendsTheUpstreamRequest(ReplayServer replay) throws IOException {
        BrowserView view = chat(startRelay(replay.baseUrl(), ReplayKeys.OPENAI, MODEL), OK_PROMPT,
                "Authorization", "Bearer browser-session-token", "Cookie", "session=abc123");

        assertThat(view.deltaTexts()).as("deltas the browser received").isNotEmpty();
        List<RecordedRequest> requests = replay.requests();
        assertThat(requests).as("requests the relay sent to the provider").hasSize(1);
        RecordedRequest upstream = requests.get(0);
        assertThat(upstream.path()).as("upstream path").isEqualTo("/v1/chat/completions");
        assertThat(upstream.headers().get("Authorization")).as("upstream Authorization: the server's key only")
                .containsExactly("Bearer " + ReplayKeys.OPENAI);
        assertThat(upstream.header("Cookie")).as("the browser's Cookie must not reach the provider").isEmpty();
        JsonNode body = upstream.json();
        assertThat(body.path("model").asText()).as("body.model").isEqualTo(MODEL);
        assertThat(body.path("messages").path(0).path("role").asText()).as("messages[0].role").isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asText()).as("messages[0].content: the browser's prompt")
                .isEqualTo(OK_PROMPT);
        assertThat(body.path("stream").asBoolean()).as("body.stream; the body was %s", body).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean())
                .as("body.stream_options.include_usage (the done event needs the usage); the body was %s", body).isTrue();
    }

    @Test
    @Points(2)
    @DisplayName("ends with one `event: done` carrying the finish reason and the usage")
    void endsWithDone(ReplayServer replay) throws IOException {
        BrowserView view = chat(startRelay(replay.baseUrl(), ReplayKeys.OPENAI, MODEL), OK_PROMPT);

        BrowserEvent done = last(view);
        assertThat(done.event()).as("the last event's type; events were %s", view.types()).isEqualTo("done");
        assertThat(view.types().stream().filter("done"::equals).count()).as("how many done events").isEqualTo(1);
        JsonNode data = done.json();
        assertThat(data.path("finishReason").asText()).as("done.finishReason in %s", data).isEqualTo("stop");
        JsonNode usage = data.path("usage");
        assertThat(usage.path("promptTokens").asInt()).as("done.usage.promptTokens in %s", data).isEqualTo(15);
        assertThat(usage.path("completionTokens").asInt()).as("done.usage.completionTokens in %s", data).isEqualTo(11);
        assertThat(usage.path("totalTokens").asInt()).as("done.usage.totalTokens in %s", data).isEqualTo(26);
    }

    @Test
    @Points(2)
    @DisplayName("the key never reaches the browser: not in a stream, not in the error of a refused key")
    void theKeyNeverReachesTheBrowser(ReplayServer replay) throws IOException {
        BrowserView ok = chat(startRelay(replay.baseUrl(), ReplayKeys.OPENAI, MODEL), OK_PROMPT);
        relay.close();
        String expiredKey = "sk-relay-expired";
        BrowserView refused = chat(startRelay(replay.baseUrl(), expiredKey, MODEL), INVALID_KEY_PROMPT);

        assertThat(ok.deltaTexts()).as("deltas of the normal stream").isNotEmpty();
        assertThat(ok.everything()).as("headers and body the browser received").doesNotContain(ReplayKeys.OPENAI);
        assertThat(last(refused).event()).as("the last event after the provider answered 401; events were %s", refused.types())
                .isEqualTo("error");
        assertThat(refused.everything())
                .as("what the browser received after a 401 (the provider's message quotes part of the key: write your own)")
                .doesNotContain(expiredKey).doesNotContain("sk-rela").doesNotContain(ReplayKeys.OPENAI);
    }

    @Test
    @Points(2)
    @DisplayName("an error chunk mid-stream becomes `event: error` after the deltas already sent, and no done")
    void errorChunkMidStream(ReplayServer replay) throws IOException {
        BrowserView view = chat(startRelay(replay.baseUrl(), ReplayKeys.OPENAI, MODEL), ERROR_PROMPT);

        assertThat(view.types()).as("event types: 4 deltas, then the error; the body was:\n%s", view.body())
                .containsExactly("delta", "delta", "delta", "delta", "error");
        assertThat(view.deltaTexts()).as("the deltas before the error").containsExactly("The", " printing", " press", " spread");
        assertThat(last(view).json().path("message").asText()).as("error.message").isNotBlank();
    }

    @Test
    @Points(1)
    @DisplayName("an upstream 404 becomes `event: error` naming neither the key nor the upstream URL")
    void upstreamNotFound(ReplayServer replay) throws IOException {
        BrowserView view = chat(startRelay(replay.baseUrl(), ReplayKeys.OPENAI, "gpt-9-turbo-nonexistent"), NOT_FOUND_PROMPT);

        assertThat(view.types()).as("event types after the provider answered 404; the body was:\n%s", view.body())
                .containsExactly("error");
        assertThat(last(view).json().path("message").asText()).as("error.message").isNotBlank();
        assertThat(view.everything()).as("what the browser received")
                .doesNotContain(ReplayKeys.OPENAI)
                .doesNotContain("127.0.0.1:" + replay.port())
                .doesNotContain("/v1/chat/completions");
    }

    @Test
    @Points(1)
    @DisplayName("a connection cut mid-stream becomes `event: error` after the deltas, and no done")
    void cutConnection(ReplayServer replay) throws IOException {
        BrowserView view = chat(startRelay(replay.baseUrl(), ReplayKeys.OPENAI, MODEL), CUT_PROMPT);

        assertThat(view.types()).as("event types when the provider's connection is reset after 4 deltas; the body was:\n%s",
                view.body()).containsExactly("delta", "delta", "delta", "delta", "error");
        assertThat(view.deltaTexts()).as("the deltas before the cut").containsExactly("A", " relay", " passes", " each");
    }

    @Test
    @Points(2)
    @DisplayName("does not buffer: at the recorded pace the first delta reaches the browser long before the stream ends")
    void doesNotBuffer() throws IOException {
        BrowserView view;
        try (ReplayServer paced = ReplayServer.start("03-streaming", 1.0)) {
            view = chat(startRelay(paced.baseUrl(), ReplayKeys.OPENAI, MODEL), OK_PROMPT);
            assertThat(paced.unmatchedReport()).as("requests no fixture matched").isEmpty();
        }

        assertThat(view.deltaTexts()).as("deltas the browser received").containsExactlyElementsOf(OK_DELTAS);
        BrowserEvent first = view.events().get(0);
        BrowserEvent end = last(view);
        assertThat(end.event()).as("the last event").isEqualTo("done");
        assertThat(end.atMillis() - first.atMillis())
                .as("ms between the first delta (%d ms) and done (%d ms) at the browser; the provider sends them 800 ms "
                        + "apart, so a relay that writes them all at the end shows about 0: flush each event as it comes",
                        first.atMillis(), end.atMillis())
                .isGreaterThan(500);
    }
}

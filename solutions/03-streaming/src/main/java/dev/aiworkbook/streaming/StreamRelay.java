package dev.aiworkbook.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * <h2>Exercise 6 · A relay to the browser (15 points)</h2>
 *
 * <p>A web page cannot call the provider itself: it would need the key (lesson 01-auth). So your
 * server calls the provider and passes the stream on, and it has to pass it on <i>as it comes</i>:
 * a relay that waits for the whole answer before writing throws away everything streaming was for.
 * Build a small server with the JDK's {@link HttpServer}:
 * <ul>
 *   <li>{@link #start()} binds {@code 127.0.0.1} on a free port (port 0); {@link #baseUrl()} is
 *       {@code http://127.0.0.1:<port>}; {@link #close()} stops it.</li>
 *   <li>{@code POST /chat} with {@code {"prompt": "..."}} calls {@code POST {upstreamBaseUrl}/v1/chat/completions}
 *       with the server's key ({@code Authorization: Bearer <apiKey>}; the browser never sends or sees
 *       it) and {@code {"model", "messages": [{"role": "user", "content": prompt}], "stream": true,
 *       "stream_options": {"include_usage": true}}}.</li>
 *   <li>It answers {@code 200} with {@code Content-Type: text/event-stream; charset=utf-8} and
 *       {@code Cache-Control: no-cache}, and writes one event per content delta, flushed at once:
 *       <pre>event: delta
 *data: {"text":"..."}
 *
 *</pre>
 *       then, after the provider's {@code data: [DONE]}, a last event
 *       {@code event: done} with {@code data: {"finishReason":"stop","usage":{"promptTokens":..,"completionTokens":..,"totalTokens":..}}}.</li>
 *   <li>When the provider fails, the browser gets {@code event: error} with
 *       {@code data: {"message":"..."}} (after the deltas already sent) and the stream ends, with no
 *       {@code done}: for an error status (401, 404, ...), for an error chunk in the middle of the
 *       stream ({@code data: {"error": {...}}}), and for a stream that breaks off before
 *       {@code [DONE]}. The status stays 200 even for an upstream 401: the page reads one event
 *       stream whatever happens, and mid-stream the headers are long gone anyway. Write your own
 *       message (the error's {@code code} or {@code type} may go in it): the provider's own message
 *       can quote part of the key or name your account, and neither the key nor the upstream URL may
 *       reach a browser.</li>
 * </ul>
 * The tests play the browser with a real HTTP client: the events, their order and their JSON, the
 * request your relay sent upstream, that the key never reaches the browser, the error events, and,
 * on a stream replayed at its recorded pace, that the first delta reaches the browser long before
 * the provider has finished. Lesson 03-streaming, "Relaying to a browser", has the sequence diagram.
 */
public final class StreamRelay implements AutoCloseable {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String upstreamBaseUrl;
    private final String apiKey;
    private final String model;
    // >>> solution
    private HttpServer server;
    private ExecutorService workers;
    // <<<

    /**
     * @param http            the HTTP client for the provider calls
     * @param upstreamBaseUrl the provider's base URL without a trailing slash, e.g. {@code https://api.openai.com}
     * @param apiKey          the server's key, sent upstream only
     * @param model           the model every chat uses (the browser does not choose it)
     */
    public StreamRelay(OkHttpClient http, String upstreamBaseUrl, String apiKey, String model) {
        this.http = http;
        this.upstreamBaseUrl = upstreamBaseUrl;
        this.apiKey = apiKey;
        this.model = model;
    }

    /** Starts serving on a free loopback port and returns this relay. */
    public StreamRelay start() throws IOException {
        // >>> solution
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // A stream holds its thread for as long as the answer takes: a fixed small pool would queue chats.
        workers = Executors.newCachedThreadPool();
        server.setExecutor(workers);
        server.createContext("/chat", this::handle);
        server.start();
        return this;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 6, StreamRelay.start");
        // <<<
    }

    /** {@code http://127.0.0.1:<port>}, once started. */
    public String baseUrl() {
        // >>> solution
        return "http://127.0.0.1:" + server.getAddress().getPort();
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 6, StreamRelay.baseUrl");
        // <<<
    }

    @Override
    public void close() {
        // >>> solution
        if (server != null) {
            server.stop(0);
            workers.shutdownNow();
        }
        // <<<
    }
    // >>> solution

    private void handle(HttpExchange exchange) throws IOException {
        // Not graded, but a relay that forwards anything is an open door to your key's budget: check first.
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                refuse(exchange, 405, "Use POST /chat");
                return;
            }
            String prompt = prompt(exchange.getRequestBody().readAllBytes());
            if (prompt == null) {
                refuse(exchange, 400, "The body must be {\"prompt\": \"...\"}");
                return;
            }
            relay(exchange, prompt);
        }
    }

    private void relay(HttpExchange exchange, String prompt) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        // Proxies and CDNs between here and the browser may cache a response or hold it back until it is
        // complete; no-cache says this one is live: pass it through as it comes, and never serve it again.
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        // Length 0 means "unknown": the JDK server sends the body chunked, one chunk per flush.
        exchange.sendResponseHeaders(200, 0);
        OutputStream browser = exchange.getResponseBody();
        Call call = http.newCall(upstreamRequest(prompt));
        try {
            Response upstream;
            try {
                upstream = call.execute();
            } catch (IOException e) {
                send(browser, "error", message("The provider could not be reached"));
                return;
            }
            try (upstream) {
                if (!upstream.isSuccessful()) {
                    send(browser, "error", message("The provider refused the request: HTTP " + upstream.code()
                            + errorCode(upstream)));
                    return;
                }
                relayEvents(upstream.body().source(), browser);
            }
        } catch (IOException browserGone) {
            // Only writes to the browser get here: the page was closed. Stop the provider generating for no one.
            call.cancel();
        }
    }

    private Request upstreamRequest(String prompt) {
        ObjectNode body = JSON.createObjectNode().put("model", model);
        body.putArray("messages").addObject().put("role", "user").put("content", prompt);
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        return new Request.Builder()
                .url(upstreamBaseUrl + "/v1/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
    }

    /** Reads the provider's events and writes the browser's; throws only when writing to the browser fails. */
    private static void relayEvents(BufferedSource upstream, OutputStream browser) throws IOException {
        StringBuilder data = new StringBuilder();
        String finishReason = null;
        JsonNode usage = null;
        for (String line; (line = nextLine(upstream)) != null; ) {
            if (line.startsWith("data:")) {
                String value = line.substring("data:".length());
                data.append(data.isEmpty() ? "" : "\n").append(value.startsWith(" ") ? value.substring(1) : value);
                continue;
            }
            if (!line.isEmpty() || data.isEmpty()) {
                continue;
            }
            String payload = data.toString();
            data.setLength(0);
            if (payload.equals("[DONE]")) {
                ObjectNode done = JSON.createObjectNode().put("finishReason", finishReason);
                done.set("usage", usage);
                send(browser, "done", done);
                return;
            }
            JsonNode chunk = parse(payload);
            if (chunk == null) {
                send(browser, "error", message("The provider sent a chunk that is not JSON"));
                return;
            }
            if (chunk.has("error")) {
                JsonNode error = chunk.get("error");
                String code = error.hasNonNull("code") ? error.get("code").asText() : error.path("type").asText("unknown");
                send(browser, "error", message("The provider failed mid-stream (" + code + ")"));
                return;
            }
            if (chunk.path("usage").isObject()) {
                JsonNode wire = chunk.get("usage");
                usage = JSON.createObjectNode()
                        .put("promptTokens", wire.path("prompt_tokens").asInt())
                        .put("completionTokens", wire.path("completion_tokens").asInt())
                        .put("totalTokens", wire.path("total_tokens").asInt());
            }
            JsonNode choice = chunk.path("choices").path(0);
            if (choice.hasNonNull("finish_reason")) {
                finishReason = choice.get("finish_reason").asText();
            }
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual() && !content.asText().isEmpty()) {
                send(browser, "delta", JSON.createObjectNode().put("text", content.asText()));
            }
        }
        send(browser, "error", message("The provider's stream broke off before it finished"));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return null;
        }
    }

    /** The next line from the provider, or null when its stream ended or broke. */
    private static String nextLine(BufferedSource upstream) {
        try {
            return upstream.readUtf8Line();
        } catch (IOException e) {
            return null;
        }
    }

    /** One SSE event, flushed now: without the flush it would wait in a buffer, and the page with it. */
    private static void send(OutputStream browser, String event, JsonNode data) throws IOException {
        // JSON on one line: a raw newline inside data: would end the field.
        String text = "event: " + event + "\ndata: " + data + "\n\n";
        browser.write(text.getBytes(StandardCharsets.UTF_8));
        browser.flush();
    }

    private static ObjectNode message(String message) {
        return JSON.createObjectNode().put("message", message);
    }

    /** " (model_not_found)": the provider's error code or type, never its message. */
    private static String errorCode(Response response) {
        try {
            JsonNode error = JSON.readTree(response.body().string()).path("error");
            String code = error.hasNonNull("code") ? error.get("code").asText() : error.path("type").asText("");
            return code.isEmpty() ? "" : " (" + code + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static String prompt(byte[] body) {
        try {
            JsonNode prompt = JSON.readTree(body).path("prompt");
            return prompt.isTextual() && !prompt.asText().isBlank() ? prompt.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void refuse(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = JSON.createObjectNode().set("error", message(text)).toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
    // <<<
}

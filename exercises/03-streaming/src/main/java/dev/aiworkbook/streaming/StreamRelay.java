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
        throw new UnsupportedOperationException("TODO: exercise 6, StreamRelay.start");
    }

    /** {@code http://127.0.0.1:<port>}, once started. */
    public String baseUrl() {
        throw new UnsupportedOperationException("TODO: exercise 6, StreamRelay.baseUrl");
    }

    @Override
    public void close() {
    }
}

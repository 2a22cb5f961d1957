package dev.aiworkbook.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * <h2>Exercise 6 · A backend key proxy (30 points)</h2>
 *
 * <p>A key in a web page is a key for everyone who opens the page's source. The page must call
 * <i>your</i> backend, which holds the key, checks the request, and forwards it. Without the checks
 * you have built an open relay that spends your money on anyone's prompts: allow only the paths
 * and models your page needs.
 *
 * <p>Build a proxy on loopback with the JDK's {@link HttpServer} (no framework needed):
 * <ul>
 *   <li>{@link #start()} binds {@code 127.0.0.1} on a free port (port 0); {@link #baseUrl()} is
 *       {@code http://127.0.0.1:<port>}; {@link #close()} stops it.</li>
 *   <li>It answers {@code POST <path>} for paths in the allowlist by forwarding the request to
 *       {@code upstreamBaseUrl + path} with {@code Authorization: Bearer <key>} and
 *       {@code Content-Type: application/json}, and relays the upstream's status, its
 *       {@code Content-Type} and body: nothing else of the upstream's headers (they can carry
 *       account ids and cookies).</li>
 *   <li>It never forwards the client's headers: a client's own {@code Authorization},
 *       {@code Cookie} or {@code x-api-key} must not reach the provider.</li>
 *   <li>It refuses, before calling upstream, and with a JSON body
 *       {@code {"error":{"message":"..."}}} that says why:
 *       a path off the allowlist with 404; a method other than POST on an allowed path with 405;
 *       a body over {@link #MAX_BODY_BYTES} with 413; a body that is not a JSON object with 400;
 *       a {@code model} missing or off the allowlist with 403.</li>
 *   <li>When the upstream cannot be reached it answers 502, and the message never contains the key
 *       or the upstream's URL.</li>
 * </ul>
 * Lesson 01-auth, "Never in the browser", has the sequence diagram.
 */
public final class KeyProxy implements AutoCloseable {

    /** Larger request bodies are refused with 413. */
    public static final int MAX_BODY_BYTES = 1_000_000;

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String upstreamBaseUrl;
    private final ApiKey key;
    private final Set<String> allowedPaths;
    private final Set<String> allowedModels;
    private final OkHttpClient upstream = new OkHttpClient();
    // >>> solution
    private HttpServer server;
    private ExecutorService workers;
    // <<<

    /**
     * @param upstreamBaseUrl the provider's base URL, e.g. {@code https://api.openai.com}
     * @param key             the key the proxy adds; the browser never sees it
     * @param allowedPaths    paths the page may call, e.g. {@code /v1/chat/completions}
     * @param allowedModels   models the page may ask for, e.g. {@code gpt-4o-mini}
     */
    public KeyProxy(String upstreamBaseUrl, ApiKey key, Set<String> allowedPaths, Set<String> allowedModels) {
        this.upstreamBaseUrl = upstreamBaseUrl;
        this.key = key;
        this.allowedPaths = Set.copyOf(allowedPaths);
        this.allowedModels = Set.copyOf(allowedModels);
    }

    /** Starts serving on a free loopback port and returns this proxy. */
    public KeyProxy start() throws IOException {
        // >>> solution
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        workers = Executors.newFixedThreadPool(4);
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        return this;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 6, KeyProxy.start");
        // <<<
    }

    /** {@code http://127.0.0.1:<port>}, once started. */
    public String baseUrl() {
        // >>> solution
        return "http://127.0.0.1:" + server.getAddress().getPort();
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 6, KeyProxy.baseUrl");
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
        upstream.dispatcher().executorService().shutdown();
        upstream.connectionPool().evictAll();
    }
    // >>> solution

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!allowedPaths.contains(path)) {
                refuse(exchange, 404, "This proxy does not serve " + path);
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                refuse(exchange, 405, "Use POST for " + path);
                return;
            }
            byte[] body = readAtMost(exchange.getRequestBody(), MAX_BODY_BYTES);
            if (body == null) {
                refuse(exchange, 413, "The request body is larger than " + MAX_BODY_BYTES + " bytes");
                return;
            }
            JsonNode json = parseObject(body);
            if (json == null) {
                refuse(exchange, 400, "The request body must be a JSON object");
                return;
            }
            String model = json.path("model").asText("");
            if (!allowedModels.contains(model)) {
                refuse(exchange, 403, "The model '" + model + "' is not allowed here");
                return;
            }
            forward(exchange, path, body);
        }
    }

    /** Sends the checked body upstream with the proxy's own credentials, and relays the answer. */
    private void forward(HttpExchange exchange, String path, byte[] body) throws IOException {
        Request request = new Request.Builder()
                .url(upstreamBaseUrl + path)
                .header("Authorization", "Bearer " + key.reveal())
                .post(RequestBody.create(body, JSON_TYPE))
                .build();
        try (Response response = upstream.newCall(request).execute()) {
            ResponseBody responseBody = response.body();
            String contentType = response.header("Content-Type", "application/json");
            send(exchange, response.code(), contentType, responseBody.bytes());
        } catch (IOException e) {
            // Say what happened, not where: the upstream URL and the key stay on the server.
            refuse(exchange, 502, "The provider could not be reached");
        }
    }

    /** The body, or null when it is longer than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }

    private static JsonNode parseObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void refuse(HttpExchange exchange, int status, String message) throws IOException {
        String body = JSON.createObjectNode().set("error", JSON.createObjectNode().put("message", message)).toString();
        send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
    // <<<
}

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
        throw new UnsupportedOperationException("TODO: exercise 6, KeyProxy.start");
    }

    /** {@code http://127.0.0.1:<port>}, once started. */
    public String baseUrl() {
        throw new UnsupportedOperationException("TODO: exercise 6, KeyProxy.baseUrl");
    }

    @Override
    public void close() {
        upstream.dispatcher().executorService().shutdown();
        upstream.connectionPool().evictAll();
    }
}

package dev.aiworkbook.auth;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * <h2>Exercise 5 · A logging interceptor that redacts secrets (15 points)</h2>
 *
 * <p>Logging every request is how you debug an integration, and how keys leak: logs are shipped,
 * indexed, and read by people who must never see a key. Write an OkHttp {@link Interceptor} that
 * logs each exchange with every secret replaced by {@value #REDACTED}.
 *
 * <p>For each call, send these lines to the sink, in order:
 * <ol>
 *   <li>{@code --> METHOD URL}, the URL with the value of every secret query parameter
 *       ({@link #SECRET_QUERY_PARAMETERS}, any case) redacted, e.g.
 *       {@code --> POST http://127.0.0.1:8080/v1beta/models/m:generateContent?key=[REDACTED]};</li>
 *   <li>one line per request header, {@code Name: value}, with the value of every
 *       {@link #SECRET_HEADERS secret header} (names compared ignoring case) redacted;</li>
 *   <li>then, once the response arrives, {@code <-- STATUS URL (N ms)} (same redacted URL) and one
 *       line per response header, redacted the same way ({@code Set-Cookie} is secret too);</li>
 *   <li>or, when the call fails with an {@link IOException}, {@code <-- HTTP FAILED: <exception class
 *       simple name>} and the exception rethrown unchanged. Do not log the exception's message: it
 *       can contain the URL, and with it a {@code ?key=}.</li>
 * </ol>
 * Do not log bodies: prompts and answers can hold personal data; and never change the request.
 * Lesson 01-auth, "Key hygiene", explains what to redact and why.
 */
public final class RedactingLogger implements Interceptor {

    /** What a secret is replaced with. */
    public static final String REDACTED = "[REDACTED]";

    /** Headers that carry credentials, in lower case. */
    public static final Set<String> SECRET_HEADERS = Set.of(
            "authorization", "proxy-authorization", "x-api-key", "x-goog-api-key", "api-key", "cookie", "set-cookie");

    /** Query parameters that carry credentials, in lower case. */
    public static final Set<String> SECRET_QUERY_PARAMETERS = Set.of("key", "api_key", "apikey", "access_token");

    private final Consumer<String> sink;

    /** @param sink where log lines go: a logger, a list in a test, {@code System.err::println} */
    public RedactingLogger(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request()); // TODO: exercise 5, log the exchange with secrets redacted
    }
}

package dev.aiworkbook.auth;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * <h2>Exercise 3 · Each provider's auth headers (15 points)</h2>
 *
 * <p>Three providers, three schemes, one place to put them: an OkHttp {@link Interceptor}, so no
 * call site ever touches a key.
 * <ul>
 *   <li>OpenAI: {@code Authorization: Bearer <key>};</li>
 *   <li>Anthropic: {@code x-api-key: <key>} and {@code anthropic-version: 2023-06-01} (the API
 *       refuses a request without a version: it pins the response shape you coded against);</li>
 *   <li>Gemini: {@code x-goog-api-key: <key>}. The API also accepts {@code ?key=} in the URL, but
 *       URLs end up in proxy logs, browser history and error messages: never put a key there.</li>
 * </ul>
 * Set the headers with {@link Request.Builder#header} (which replaces) rather than
 * {@code addHeader} (which appends): a request must never carry two credentials. Leave every other
 * header and the body alone, and send no other provider's auth header.
 *
 * <p>The tests send requests through your interceptor to the replay server, whose fixtures answer
 * 200 only to the right headers. Lesson 01-auth, "Three auth schemes", has the wire.
 */
public final class ProviderAuth implements Interceptor {

    /** The Anthropic API version this course's fixtures are written against. */
    public static final String ANTHROPIC_VERSION = "2023-06-01";

    private final Provider provider;
    private final ApiKey key;

    public ProviderAuth(Provider provider, ApiKey key) {
        this.provider = provider;
        this.key = key;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request()); // TODO: exercise 3, add the provider's auth headers
    }
}

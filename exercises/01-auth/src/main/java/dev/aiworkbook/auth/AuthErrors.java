package dev.aiworkbook.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Optional;

/**
 * <h2>Exercise 4 · Typed auth errors from real error bodies (15 points)</h2>
 *
 * <p>"401" is not the whole story. Gemini answers a bad key with <b>400</b>, the status it also uses
 * for a malformed request; OpenAI and Anthropic tell a missing key from a wrong one only in the
 * body. Read status <i>and</i> body, and turn an auth failure into an {@link AuthException} the
 * caller can act on (prompt for a new key, fix the header, ask for access).
 *
 * <p>Build {@link #classify}: given a provider's answer, return the {@link AuthException} it means,
 * or empty when it is not an auth failure (success, a rate limit, a plain bad request).
 * <ul>
 *   <li>OpenAI, {@code {"error":{"message","type","param","code"}}}: 401 with code
 *       {@code invalid_api_key} is {@link AuthFailure#INVALID_KEY}; 401 without a code whose message
 *       says no key was provided ("You didn't provide an API key") is
 *       {@link AuthFailure#MISSING_KEY}; any other 401 is INVALID_KEY; 403 is
 *       {@link AuthFailure#PERMISSION_DENIED}. The provider code is {@code error.code}.</li>
 *   <li>Anthropic, {@code {"type":"error","error":{"type","message"}}}: 401
 *       ({@code authentication_error}) is MISSING_KEY when the message says the
 *       {@code x-api-key header is required}, otherwise INVALID_KEY; 403 ({@code permission_error})
 *       is PERMISSION_DENIED. The provider code is {@code error.type}.</li>
 *   <li>Gemini, {@code {"error":{"code","message","status","details":[...]}}}: 400 is an auth
 *       failure <i>only</i> when a {@code details} entry has {@code "reason": "API_KEY_INVALID"}
 *       (then INVALID_KEY, provider code {@code API_KEY_INVALID}); 401 is INVALID_KEY; 403 is
 *       MISSING_KEY when the message says the method "doesn't allow unregistered callers", else
 *       PERMISSION_DENIED (provider code: the reason if any, else {@code error.status}).</li>
 *   <li>A 401 or 403 whose body is not the JSON above (an HTML page from a proxy, nothing at all)
 *       is still an auth failure (401: INVALID_KEY, 403: PERMISSION_DENIED) with a null provider
 *       code: never let a parsing error hide it.</li>
 *   <li>The message reads {@code "<Provider> <failure as words> (<status> <code>): <provider's message>"},
 *       for example {@code OpenAI rejected the API key (401 invalid_api_key): Incorrect API key provided: ...}.
 *       Use "rejected the API key" for INVALID_KEY, "received no API key" for MISSING_KEY and
 *       "denied permission" for PERMISSION_DENIED.</li>
 * </ul>
 * The fixtures under {@code fixtures/01-auth} hold the real bodies; lesson 01-auth, "When the key is
 * wrong", walks through them.
 */
public final class AuthErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuthErrors() {
    }

    /** The auth failure this response means, or empty when it is not one. */
    public static Optional<AuthException> classify(Provider provider, int status, String body) {
        throw new UnsupportedOperationException("TODO: exercise 4, AuthErrors.classify");
    }
}

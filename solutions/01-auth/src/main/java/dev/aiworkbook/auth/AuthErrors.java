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
        // >>> solution
        if (status != 400 && status != 401 && status != 403) {
            return Optional.empty();
        }
        JsonNode error = parse(body).path("error");
        return switch (provider) {
            case OPENAI -> openAi(status, error);
            case ANTHROPIC -> anthropic(status, error);
            case GEMINI -> gemini(status, error);
        };
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 4, AuthErrors.classify");
        // <<<
    }
    // >>> solution

    private static Optional<AuthException> openAi(int status, JsonNode error) {
        String code = text(error, "code");
        String message = text(error, "message");
        if (status == 403) {
            return failure(Provider.OPENAI, status, AuthFailure.PERMISSION_DENIED, code, message);
        }
        if (status != 401) {
            return Optional.empty();
        }
        boolean noKeySent = code == null && message != null && message.contains("didn't provide an API key");
        return failure(Provider.OPENAI, status, noKeySent ? AuthFailure.MISSING_KEY : AuthFailure.INVALID_KEY, code, message);
    }

    private static Optional<AuthException> anthropic(int status, JsonNode error) {
        String type = text(error, "type");
        String message = text(error, "message");
        if (status == 403) {
            return failure(Provider.ANTHROPIC, status, AuthFailure.PERMISSION_DENIED, type, message);
        }
        if (status != 401) {
            return Optional.empty();
        }
        boolean noKeySent = message != null && message.contains("x-api-key header is required");
        return failure(Provider.ANTHROPIC, status, noKeySent ? AuthFailure.MISSING_KEY : AuthFailure.INVALID_KEY, type, message);
    }

    private static Optional<AuthException> gemini(int status, JsonNode error) {
        String reason = reason(error);
        String message = text(error, "message");
        String code = reason != null ? reason : text(error, "status");
        if (status == 400) {
            // 400 is also "your request is malformed": only the reason says it is the key.
            return "API_KEY_INVALID".equals(reason)
                    ? failure(Provider.GEMINI, status, AuthFailure.INVALID_KEY, code, message)
                    : Optional.empty();
        }
        if (status == 401) {
            return failure(Provider.GEMINI, status, AuthFailure.INVALID_KEY, code, message);
        }
        boolean noKeySent = message != null && message.contains("doesn't allow unregistered callers");
        return failure(Provider.GEMINI, status, noKeySent ? AuthFailure.MISSING_KEY : AuthFailure.PERMISSION_DENIED, code, message);
    }

    /** The {@code reason} of the first {@code details} entry that has one (google.rpc.ErrorInfo). */
    private static String reason(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (detail.hasNonNull("reason")) {
                return detail.get("reason").asText();
            }
        }
        return null;
    }

    private static Optional<AuthException> failure(Provider provider, int status, AuthFailure failure, String code,
                                                   String providerMessage) {
        String what = switch (failure) {
            case INVALID_KEY -> "rejected the API key";
            case MISSING_KEY -> "received no API key";
            case PERMISSION_DENIED -> "denied permission";
        };
        String message = provider.displayName() + " " + what + " (" + status + (code == null ? "" : " " + code) + ")"
                + (providerMessage == null ? "" : ": " + providerMessage);
        return Optional.of(new AuthException(provider, status, failure, code, message));
    }

    /** The body as JSON, or a missing node when it is not JSON (an HTML error page, an empty body). */
    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }
    // <<<
}

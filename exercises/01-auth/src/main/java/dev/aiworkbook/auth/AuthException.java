package dev.aiworkbook.auth;

/**
 * A provider refused the credentials. Carries what a caller acts on (which provider, why, the
 * provider's own error code) and a message that names them. It never holds the key.
 */
public class AuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Provider provider;
    private final int status;
    private final AuthFailure failure;
    private final String providerCode;

    public AuthException(Provider provider, int status, AuthFailure failure, String providerCode, String message) {
        super(message);
        this.provider = provider;
        this.status = status;
        this.failure = failure;
        this.providerCode = providerCode;
    }

    public Provider provider() {
        return provider;
    }

    /** The HTTP status the provider answered with. */
    public int status() {
        return status;
    }

    public AuthFailure failure() {
        return failure;
    }

    /**
     * The provider's own code: OpenAI's {@code error.code} ({@code invalid_api_key}), Anthropic's
     * {@code error.type} ({@code authentication_error}), Gemini's {@code ErrorInfo} reason
     * ({@code API_KEY_INVALID}) or, without one, its {@code error.status}. Null when the body had none.
     */
    public String providerCode() {
        return providerCode;
    }
}

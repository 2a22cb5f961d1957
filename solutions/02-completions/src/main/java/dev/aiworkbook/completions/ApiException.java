package dev.aiworkbook.completions;

/**
 * A provider answered with an error status. Carries what the caller acts on: the status, the
 * provider's own error code or type ({@code model_not_found}, {@code not_found_error},
 * {@code NOT_FOUND}) and its message.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The provider's error code or type; null when the body had none. */
    public String code() {
        return code;
    }
}

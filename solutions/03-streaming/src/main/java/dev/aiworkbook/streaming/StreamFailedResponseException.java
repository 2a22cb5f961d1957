package dev.aiworkbook.streaming;

/**
 * A Responses API stream ended with an {@code error} event (or {@code response.failed}) after the
 * HTTP status had already said 200. Keeps the text that arrived before, so the caller can still show
 * it, marked as cut short. Part of exercise 3 (see {@link ResponsesStreamAccumulator}).
 */
public class StreamFailedResponseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String partialText;

    /**
     * @param code        the error's {@code code} ({@code server_error}...), or null when it had none
     * @param message     the error's {@code message}
     * @param partialText the message text received before the error; empty if none
     */
    public StreamFailedResponseException(String code, String message, String partialText) {
        super(message);
        this.code = code;
        this.partialText = partialText;
    }

    public String code() {
        return code;
    }

    public String partialText() {
        return partialText;
    }
}

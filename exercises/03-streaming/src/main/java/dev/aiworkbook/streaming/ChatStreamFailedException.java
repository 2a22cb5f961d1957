package dev.aiworkbook.streaming;

/**
 * A Chat Completions stream failed after it had started. Part of exercise 2 (see
 * {@link ChatStreamAccumulator}).
 *
 * <p>Once the server has sent {@code 200 OK} it cannot send an error status any more, so OpenAI
 * reports a failure as one more chunk, {@code {"error": {...}}}, and ends the stream. The text that
 * arrived before it is kept here: a chat page can show it, marked as cut, instead of nothing.
 */
public class ChatStreamFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String partialText;
    private final String errorType;
    private final String errorCode;

    /**
     * @param message     {@code error.message}, or what went wrong when there was no error chunk
     * @param partialText the text that arrived before the failure
     * @param errorType   {@code error.type} (e.g. {@code server_error}), or null
     * @param errorCode   {@code error.code}, or null (OpenAI sends null for server errors)
     */
    public ChatStreamFailedException(String message, String partialText, String errorType, String errorCode) {
        super(message);
        this.partialText = partialText;
        this.errorType = errorType;
        this.errorCode = errorCode;
    }

    /** The text that arrived before the stream failed. */
    public String partialText() {
        return partialText;
    }

    /** {@code error.type}, or null. */
    public String errorType() {
        return errorType;
    }

    /** {@code error.code}, or null. */
    public String errorCode() {
        return errorCode;
    }
}

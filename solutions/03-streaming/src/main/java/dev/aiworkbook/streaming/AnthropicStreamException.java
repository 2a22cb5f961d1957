package dev.aiworkbook.streaming;

/**
 * An Anthropic stream ended with an {@code error} event after the HTTP status had already said 200
 * ({@code overloaded_error} is the usual one). Keeps the text that arrived before, so the caller can
 * still show it, marked as cut short. Part of exercise 4 (see {@link AnthropicStreamAccumulator}).
 */
public class AnthropicStreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorType;
    private final String partialText;

    /**
     * @param errorType   the error's {@code type}: {@code overloaded_error}, {@code api_error}...
     * @param message     the error's {@code message}
     * @param partialText the text received before the error; empty if none
     */
    public AnthropicStreamException(String errorType, String message, String partialText) {
        super(message);
        this.errorType = errorType;
        this.partialText = partialText;
    }

    public String errorType() {
        return errorType;
    }

    public String partialText() {
        return partialText;
    }
}

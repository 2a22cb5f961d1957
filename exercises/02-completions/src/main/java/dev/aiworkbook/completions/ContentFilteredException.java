package dev.aiworkbook.completions;

/**
 * The provider's safety filter withheld the answer ({@code finish_reason: "content_filter"}). What
 * came back, if anything, is not an answer: tell the user it was filtered rather than showing an
 * empty or half-written text.
 */
public class ContentFilteredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String responseId;

    public ContentFilteredException(String responseId) {
        super("The content filter withheld the answer of " + responseId);
        this.responseId = responseId;
    }

    /** The provider's id of the filtered response, for logs and support requests. */
    public String responseId() {
        return responseId;
    }
}

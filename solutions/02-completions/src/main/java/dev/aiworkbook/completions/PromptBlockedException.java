package dev.aiworkbook.completions;

/**
 * Gemini refused to look at the prompt at all: the answer was HTTP 200, but with no candidates and a
 * {@code promptFeedback.blockReason} ({@code SAFETY}, {@code PROHIBITED_CONTENT}, {@code BLOCKLIST},
 * ...). Unlike a candidate stopped for safety, there is no answer to show: the prompt itself has to
 * change.
 */
public class PromptBlockedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String blockReason;

    public PromptBlockedException(String blockReason, String message) {
        super(message);
        this.blockReason = blockReason;
    }

    /** Gemini's {@code promptFeedback.blockReason}, such as {@code SAFETY}. */
    public String blockReason() {
        return blockReason;
    }
}

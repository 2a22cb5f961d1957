package dev.aiworkbook.completions;

/**
 * A reasoning model spent its whole output budget thinking and never got to the answer: the
 * Responses API said {@code "status": "incomplete"} with {@code incomplete_details.reason}
 * {@code max_output_tokens}. Hidden reasoning counts against {@code max_output_tokens}, so a cap
 * that suits a chat model can be all used up before the first visible word. Part of exercise 6:
 * write the message (see {@link OpenAiReasoning}).
 */
public class ReasoningBudgetExceededException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int maxOutputTokens;
    private final int reasoningTokens;

    /**
     * @param maxOutputTokens the {@code max_output_tokens} the request set
     * @param reasoningTokens the reasoning tokens the response reports it spent
     * @param effort          the effort the request asked for
     */
    public ReasoningBudgetExceededException(int maxOutputTokens, int reasoningTokens, ReasoningEffort effort) {
        super("TODO: exercise 6, say what ran out and what to change");
        this.maxOutputTokens = maxOutputTokens;
        this.reasoningTokens = reasoningTokens;
    }

    /** The {@code max_output_tokens} the request set. */
    public int maxOutputTokens() {
        return maxOutputTokens;
    }

    /** The reasoning tokens spent ({@code usage.output_tokens_details.reasoning_tokens}). */
    public int reasoningTokens() {
        return reasoningTokens;
    }
}

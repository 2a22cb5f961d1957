package dev.aiworkbook.completions;

/**
 * What a reasoning model answered, and what the answer cost.
 *
 * @param text            the answer: every {@code output_text} part of the response's message items
 * @param reasoningTokens hidden reasoning tokens ({@code usage.output_tokens_details.reasoning_tokens}):
 *                        billed as output, never shown
 * @param outputTokens    all output tokens ({@code usage.output_tokens}), reasoning included
 * @param effort          the effort the response reports it used ({@code reasoning.effort})
 */
public record ReasoningAnswer(String text, int reasoningTokens, int outputTokens, String effort) {

    /** The tokens of the answer you can see: output minus reasoning. */
    public int visibleTokens() {
        return outputTokens - reasoningTokens;
    }
}

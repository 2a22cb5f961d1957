package dev.aiworkbook.completions;

/**
 * One answered turn of a conversation with Anthropic extended thinking.
 *
 * @param text         the answer: every {@code text} block, in order
 * @param thinking     the model's thinking as the API shows it (a summary on Claude 4 models): every
 *                     {@code thinking} block's text, in order; {@code redacted_thinking} blocks
 *                     carry none
 * @param inputTokens  {@code usage.input_tokens}: grows every turn, because the whole conversation
 *                     is sent again
 * @param outputTokens {@code usage.output_tokens}: thinking included, billed in full even when the
 *                     thinking shown is a summary
 */
public record ThinkingTurn(String text, String thinking, int inputTokens, int outputTokens) {
}

package dev.aiworkbook.streaming;

/**
 * Tokens a streamed response used, from its {@code response.completed} (or
 * {@code response.incomplete}) event. Part of exercise 3 (see {@link ResponsesStreamAccumulator}).
 *
 * @param inputTokens     {@code input_tokens}, cached ones included
 * @param outputTokens    {@code output_tokens}, reasoning included
 * @param cachedTokens    {@code input_tokens_details.cached_tokens}: served from the prompt cache
 * @param reasoningTokens {@code output_tokens_details.reasoning_tokens}: hidden reasoning, billed as output
 */
public record ResponsesStreamUsage(int inputTokens, int outputTokens, int cachedTokens, int reasoningTokens) {
}

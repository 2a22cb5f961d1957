package dev.aiworkbook.streaming;

/**
 * The tokens a streamed answer used, from the last chunk of a stream requested with
 * {@code stream_options.include_usage}. Part of exercise 2 (see {@link ChatStreamAccumulator}).
 *
 * @param promptTokens     {@code usage.prompt_tokens}
 * @param completionTokens {@code usage.completion_tokens}, reasoning tokens included
 * @param totalTokens      {@code usage.total_tokens}
 * @param reasoningTokens  {@code usage.completion_tokens_details.reasoning_tokens} (0 when absent)
 */
public record ChatStreamUsage(int promptTokens, int completionTokens, int totalTokens, int reasoningTokens) {
}

package dev.aiworkbook.completions;

/**
 * Tokens a call used, as every provider reports them (under different names).
 *
 * @param inputTokens       prompt tokens, cached ones included (Chat {@code prompt_tokens},
 *                          Responses {@code input_tokens}, Gemini {@code promptTokenCount}; Anthropic's
 *                          {@code input_tokens} leaves cached ones out, so add its
 *                          {@code cache_creation_input_tokens} and {@code cache_read_input_tokens})
 * @param outputTokens      generated tokens, reasoning included where the API counts it so
 * @param cachedInputTokens input tokens served from the prompt cache (billed lower)
 * @param reasoningTokens   hidden reasoning tokens (billed as output, never shown)
 */
public record Usage(int inputTokens, int outputTokens, int cachedInputTokens, int reasoningTokens) {

    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public int totalTokens() {
        return inputTokens + outputTokens;
    }
}

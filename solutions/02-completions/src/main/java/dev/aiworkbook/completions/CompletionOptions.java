package dev.aiworkbook.completions;

import java.util.List;

/**
 * The generation settings every API has in some form. A null field means "not sent": the provider's
 * default applies, which is usually what you want (and reasoning models reject some settings).
 *
 * @param temperature     randomness, 0 to 2 (OpenAI, Gemini) or 0 to 1 (Anthropic)
 * @param maxOutputTokens cap on generated tokens (Chat {@code max_completion_tokens}, Responses
 *                        {@code max_output_tokens}, Anthropic {@code max_tokens}, Gemini
 *                        {@code generationConfig.maxOutputTokens})
 * @param stopSequences   strings that end generation when produced (not supported by the Responses API)
 */
public record CompletionOptions(Double temperature, Integer maxOutputTokens, List<String> stopSequences) {

    public CompletionOptions {
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    }

    /** Nothing set: every provider default applies. */
    public static CompletionOptions defaults() {
        return new CompletionOptions(null, null, List.of());
    }

    public CompletionOptions withTemperature(double value) {
        return new CompletionOptions(value, maxOutputTokens, stopSequences);
    }

    public CompletionOptions withMaxOutputTokens(int value) {
        return new CompletionOptions(temperature, value, stopSequences);
    }

    public CompletionOptions withStopSequences(String... values) {
        return new CompletionOptions(temperature, maxOutputTokens, List.of(values));
    }
}

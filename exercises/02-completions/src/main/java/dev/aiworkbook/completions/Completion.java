package dev.aiworkbook.completions;

/**
 * What a completion call produced, the same shape whichever API made it.
 *
 * @param id           the provider's id of the response ({@code chatcmpl-...}, {@code resp_...}, {@code msg_...})
 * @param model        the model that answered, as the provider reports it
 * @param text         the answer's text (all text parts, in order)
 * @param finishReason why the model stopped
 * @param stopSequence the stop sequence that ended it, when {@code finishReason} is {@link FinishReason#STOP_SEQUENCE}
 * @param usage        tokens used
 */
public record Completion(String id, String model, String text, FinishReason finishReason, String stopSequence, Usage usage) {

    /** True when the answer was cut off by the output token limit: show it as partial, or ask again with more room. */
    public boolean truncated() {
        return finishReason == FinishReason.LENGTH;
    }
}

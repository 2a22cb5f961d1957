package dev.aiworkbook.lessons.completions;

/**
 * What the lesson reads out of a response, whichever API sent it.
 *
 * @param id           the provider's id of this response ({@code chatcmpl-...}, {@code resp_...}, {@code msg_...}, Gemini's {@code responseId})
 * @param model        the model that answered, as the response names it (often a dated snapshot of the one asked for)
 * @param text         the answer's text parts, joined
 * @param finishReason why the model stopped, in the API's own words ({@code stop}, {@code completed}, {@code end_turn}, {@code STOP})
 * @param tokens       what the call used
 */
record Answer(String id, String model, String text, String finishReason, Tokens tokens) {

    /**
     * Token counts in one meaning for all four APIs (each reports them under other names and
     * with other sums: see the README's usage table).
     *
     * @param input       every input token, cached or not
     * @param cachedInput input tokens served from the provider's prompt cache (billed lower)
     * @param output      every billed output token: the visible answer plus any reasoning
     * @param reasoning   the hidden reasoning part of {@code output}; null when the API does not report it apart
     */
    record Tokens(int input, int cachedInput, int output, Integer reasoning) {
    }
}

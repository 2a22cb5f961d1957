package dev.aiworkbook.completions;

/**
 * What a Responses API call produced. Part of exercise 2 (see {@link ResponsesClient}).
 *
 * @param id               the response's id, {@code resp_...}: pass it as {@code previous_response_id}
 *                         to continue the conversation from here
 * @param model            the model that answered, as the API reports it (a dated snapshot)
 * @param status           {@code completed}, or {@code incomplete} when the answer was cut short
 * @param text             every {@code output_text} part of every {@code message} item, in order
 * @param usage            tokens used
 * @param incompleteReason {@code incomplete_details.reason} ({@code max_output_tokens},
 *                         {@code content_filter}), or null when the response is complete
 */
public record ResponseResult(String id, String model, String status, String text, Usage usage, String incompleteReason) {

    /** True when the answer was cut short: {@code text} is partial, or empty. */
    public boolean incomplete() {
        // >>> solution
        return "incomplete".equals(status);
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 2, ResponseResult.incomplete");
        // <<<
    }
}

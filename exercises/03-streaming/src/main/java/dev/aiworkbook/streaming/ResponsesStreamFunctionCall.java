package dev.aiworkbook.streaming;

/**
 * A {@code function_call} output item of a streamed response. Part of exercise 3 (see
 * {@link ResponsesStreamAccumulator}).
 *
 * @param itemId    the item's id, {@code fc_...}, which the argument delta events name as {@code item_id}
 * @param callId    {@code call_...}: send it back with the function's result ({@code function_call_output})
 * @param name      the function to call
 * @param arguments the arguments, a JSON object as a string, as the deltas added them up (partial
 *                  JSON until {@code response.function_call_arguments.done})
 */
public record ResponsesStreamFunctionCall(String itemId, String callId, String name, String arguments) {
}

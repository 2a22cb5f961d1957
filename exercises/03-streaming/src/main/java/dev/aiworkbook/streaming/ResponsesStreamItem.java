package dev.aiworkbook.streaming;

/**
 * One output item of a streamed response, as its latest event showed it. Part of exercise 3 (see
 * {@link ResponsesStreamAccumulator}).
 *
 * @param outputIndex its place in the response's {@code output}
 * @param type        {@code reasoning}, {@code message}, {@code function_call}, {@code web_search_call}...
 * @param id          the item's id: {@code rs_...}, {@code msg_...}, {@code fc_...}
 * @param status      {@code in_progress}, then {@code completed} at {@code response.output_item.done};
 *                    null for items that have none (a reasoning item)
 */
public record ResponsesStreamItem(int outputIndex, String type, String id, String status) {
}

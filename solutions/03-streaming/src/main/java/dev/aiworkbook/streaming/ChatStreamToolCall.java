package dev.aiworkbook.streaming;

/**
 * A tool call assembled from a Chat Completions stream. Part of exercise 2 (see
 * {@link ChatStreamAccumulator}).
 *
 * @param id        {@code call_...}, sent in the call's first fragment; the tool's answer quotes it
 * @param name      the function to call, also sent in the first fragment
 * @param arguments the arguments as a JSON string, glued together from all the fragments
 */
public record ChatStreamToolCall(String id, String name, String arguments) {
}

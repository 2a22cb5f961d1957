package dev.aiworkbook.streaming;

import java.util.List;

/**
 * What a Chat Completions stream added up to. Part of exercise 2 (see {@link ChatStreamAccumulator}).
 *
 * @param id           the chunks' {@code id} ({@code chatcmpl-...}), the same on every chunk
 * @param model        the chunks' {@code model}, the dated snapshot that answered
 * @param text         every {@code choices[0].delta.content} in order ({@code ""} when there was none)
 * @param finishReason {@code choices[0].finish_reason} ({@code stop}, {@code length},
 *                     {@code tool_calls}, ...), or null when no chunk carried one
 * @param toolCalls    the tool calls in {@code index} order, empty when there were none
 * @param usage        the usage chunk's numbers, or null when the stream had no usage chunk
 */
public record ChatStreamResult(String id, String model, String text, String finishReason,
        List<ChatStreamToolCall> toolCalls, ChatStreamUsage usage) {

    public ChatStreamResult {
        toolCalls = List.copyOf(toolCalls);
    }
}

package dev.aiworkbook.streaming;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A content block of a streamed Anthropic message: {@link Text}, {@link Thinking} or
 * {@link ToolUse}. Part of exercise 4 (see {@link AnthropicStreamAccumulator}).
 */
public sealed interface AnthropicStreamBlock {

    /** The block's {@code index} in the message's {@code content}. */
    int index();

    /** A {@code text} block: the answer the user reads. */
    record Text(int index, String text) implements AnthropicStreamBlock {
    }

    /**
     * A {@code thinking} block.
     *
     * @param thinking  the model's reasoning, from its {@code thinking_delta}s
     * @param signature from the {@code signature_delta}, unchanged: send it back with the thinking in
     *                  the next turn, or the API refuses the thinking
     */
    record Thinking(int index, String thinking, String signature) implements AnthropicStreamBlock {
    }

    /**
     * A {@code tool_use} block.
     *
     * @param id    {@code toolu_...}: the {@code tool_use_id} of your {@code tool_result}
     * @param name  the tool to call
     * @param input the arguments, a JSON object; null until the block's {@code content_block_stop}
     */
    record ToolUse(int index, String id, String name, JsonNode input) implements AnthropicStreamBlock {
    }
}

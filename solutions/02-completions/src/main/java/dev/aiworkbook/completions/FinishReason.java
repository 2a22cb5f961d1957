package dev.aiworkbook.completions;

/**
 * Why the model stopped, in one vocabulary for every API. What the caller must do differs:
 * {@link #LENGTH} means the text is cut off; {@link #STOP_SEQUENCE} means a stop string was hit
 * (and is not in the text); {@link #TOOL_CALLS} means the model wants a tool run before it goes on;
 * {@link #CONTENT_FILTER} and {@link #REFUSAL} mean there is no usable answer.
 */
public enum FinishReason {
    /** Finished naturally: Chat {@code stop}, Anthropic {@code end_turn}, Gemini {@code STOP}. */
    STOP,
    /** Ran out of output tokens: Chat {@code length}, Anthropic {@code max_tokens}, Gemini {@code MAX_TOKENS}. */
    LENGTH,
    /** Hit one of the caller's stop sequences: Anthropic {@code stop_sequence}. */
    STOP_SEQUENCE,
    /** Wants tools called: Chat {@code tool_calls}, Anthropic {@code tool_use}. */
    TOOL_CALLS,
    /** Output withheld by a safety filter: Chat {@code content_filter}, Gemini {@code SAFETY} and kin. */
    CONTENT_FILTER,
    /** The model declined: Chat's {@code message.refusal}, Anthropic {@code refusal}. */
    REFUSAL,
    /** Anything else the provider may add later; keep the raw value for logs. */
    OTHER
}

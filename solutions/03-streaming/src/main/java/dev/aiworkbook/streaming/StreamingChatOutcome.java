package dev.aiworkbook.streaming;

/** How a {@link StreamingChatClient} stream ended when it returned normally (a cut stream throws instead). */
public enum StreamingChatOutcome {
    /** The provider finished: a {@code finish_reason} and {@code data: [DONE]} arrived. */
    COMPLETED,
    /** The client stopped reading after {@link StreamingChatLimits#maxDeltas()} deltas and cancelled the call. */
    CANCELLED_AT_LIMIT,
    /** The {@link StreamingChatLimits#deadline()} passed and the client cancelled the call. */
    CANCELLED_AT_DEADLINE
}

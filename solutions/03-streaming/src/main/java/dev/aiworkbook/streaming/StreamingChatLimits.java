package dev.aiworkbook.streaming;

import java.time.Duration;

/**
 * When a {@link StreamingChatClient} stops reading before the provider is done.
 *
 * @param maxDeltas the most content deltas to take; {@link Integer#MAX_VALUE} for no limit
 * @param deadline  how long the whole call may take, from sending the request (real time); null for none
 */
public record StreamingChatLimits(int maxDeltas, Duration deadline) {

    public StreamingChatLimits {
        if (maxDeltas < 1) {
            throw new IllegalArgumentException("maxDeltas must be at least 1, got " + maxDeltas);
        }
        if (deadline != null && (deadline.isNegative() || deadline.isZero())) {
            throw new IllegalArgumentException("deadline must be positive, got " + deadline);
        }
    }

    /** Read until the provider is done. */
    public static StreamingChatLimits none() {
        return new StreamingChatLimits(Integer.MAX_VALUE, null);
    }

    /** Stop after this many content deltas. */
    public static StreamingChatLimits atMostDeltas(int maxDeltas) {
        return new StreamingChatLimits(maxDeltas, null);
    }

    /** Stop when this much time has passed since the request was sent. */
    public static StreamingChatLimits within(Duration deadline) {
        return new StreamingChatLimits(Integer.MAX_VALUE, deadline);
    }
}

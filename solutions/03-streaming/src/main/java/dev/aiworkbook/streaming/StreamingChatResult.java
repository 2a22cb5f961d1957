package dev.aiworkbook.streaming;

/**
 * What a {@link StreamingChatClient} stream produced and how fast.
 *
 * @param text                   the content deltas joined, in order (partial when cancelled)
 * @param timeToFirstTokenMillis from sending the request to the first non-empty content delta; -1 when none arrived
 * @param tokensPerSecond        completion tokens (from the usage chunk, else the deltas counted) per second,
 *                               from the first token to the end; 0 when no time passed or nothing arrived
 * @param deltas                 how many non-empty content deltas arrived (and went to {@code onDelta})
 * @param outcome                how the stream ended
 */
public record StreamingChatResult(String text, long timeToFirstTokenMillis, double tokensPerSecond, int deltas,
        StreamingChatOutcome outcome) {
}

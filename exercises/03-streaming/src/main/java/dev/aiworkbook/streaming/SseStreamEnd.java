package dev.aiworkbook.streaming;

/**
 * What {@link SseParser#finish()} found when the stream ended. Part of exercise 1 (see
 * {@link SseParser}).
 *
 * <p>The spec discards an event that no blank line closed, so a stream cut in the middle of an
 * event loses it silently. This is how a caller finds out: a complete stream ends on a blank line,
 * a cut one does not.
 *
 * @param discardedIncompleteEvent true when the stream stopped inside an event: a field line
 *                                 arrived after the last blank line, or the last line had no line end
 * @param discardedData            the discarded event's data as far as its complete {@code data:}
 *                                 lines go, joined with {@code \n}; {@code ""} when there were none
 */
public record SseStreamEnd(boolean discardedIncompleteEvent, String discardedData) {
}

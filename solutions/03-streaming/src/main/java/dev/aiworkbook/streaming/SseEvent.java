package dev.aiworkbook.streaming;

/**
 * One event an {@link SseParser} dispatched. Part of exercise 1 (see {@link SseParser}).
 *
 * @param type        the {@code event:} value, or {@code "message"} when the event had none
 * @param data        the event's {@code data:} values joined with {@code \n}
 * @param lastEventId the stream's last event id when this event was dispatched: the value of the
 *                    latest {@code id:} line, in this event or an earlier one ({@code ""} before any)
 */
public record SseEvent(String type, String data, String lastEventId) {
}

package dev.aiworkbook.lessons.streaming;

/**
 * One dispatched server-sent event.
 *
 * @param type   the {@code event:} field, or {@code "message"} when the event had none
 * @param data   the {@code data:} lines, joined with {@code \n}
 * @param lastId the last {@code id:} seen in the stream so far (ids persist from event to event)
 */
record SseEvent(String type, String data, String lastId) {
}

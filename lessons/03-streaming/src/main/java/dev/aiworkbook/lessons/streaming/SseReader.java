package dev.aiworkbook.lessons.streaming;

import java.io.IOException;
import java.util.Optional;
import okio.BufferedSource;

/**
 * A small reader for {@code text/event-stream} bodies, enough for the four providers: it reads line by
 * line as bytes arrive and hands out each event when its blank line comes. Exercise 1 builds the
 * complete parser (a lone CR as a line end, a byte-order mark, {@code retry:}, UTF-8 split across reads).
 */
final class SseReader {

    private final BufferedSource source;
    private String lastId = "";

    SseReader(BufferedSource source) {
        this.source = source;
    }

    // tag::sse-reader[]
    /** The next event, or empty when the stream ends. Blocks until a whole event has arrived. */
    Optional<SseEvent> next() throws IOException {
        String type = "";
        StringBuilder data = null;
        String line;
        while ((line = source.readUtf8Line()) != null) {    // a line ends in LF or CRLF
            if (line.isEmpty()) {                             // a blank line dispatches the event
                if (data != null) {
                    return Optional.of(new SseEvent(type.isEmpty() ? "message" : type, data.toString(), lastId));
                }
                type = "";                                    // nothing to dispatch: start afresh
                continue;
            }
            if (line.startsWith(":")) {
                continue;                                     // a comment: servers send them as keep-alives
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);                   // one optional space after the colon
            }
            switch (field) {
                case "event" -> type = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                case "id" -> lastId = value.contains("\0") ? lastId : value;
                default -> { }                                // retry: and unknown fields: ignored here
            }
        }
        return Optional.empty();                              // an event without its blank line is dropped
    }
    // end::sse-reader[]
}

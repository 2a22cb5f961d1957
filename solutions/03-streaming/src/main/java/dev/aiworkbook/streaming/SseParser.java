package dev.aiworkbook.streaming;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * <h2>Exercise 1 · An SSE parser true to the spec (20 points)</h2>
 *
 * <p>Every streaming API of this course speaks server-sent events (SSE): OpenAI, Anthropic and
 * Gemini send their answers as a {@code text/event-stream}. Most bugs in streaming code are not in
 * the JSON but in the framing: a CRLF split between two network reads, an "é" whose two bytes
 * arrive apart, an event the server never finished. Write a parser that follows the WHATWG spec
 * ("Interpreting an event stream") and is fed bytes exactly as the network delivers them.
 *
 * <p>Build:
 * <ul>
 *   <li>{@link #feed(byte[])} takes the next bytes, however they are split, and returns the events
 *       they completed. Lines end with CRLF, LF or CR; a CR at the end of one read and an LF at the
 *       start of the next are <em>one</em> line end. Bytes are UTF-8: a character may be split
 *       across reads. A UTF-8 byte order mark at the very start of the stream is skipped.</li>
 *   <li>A line starting with {@code :} is a comment (servers send them as keep-alives). Any other
 *       line is {@code field: value}, with one space after the colon dropped if there is one; a line
 *       without a colon is a field with an empty value. Fields:
 *       {@code data} appends the value and a {@code \n} to the event's data;
 *       {@code event} sets its type; {@code id} sets the last event id, unless the value contains a
 *       NUL character; {@code retry} sets the reconnection delay in milliseconds, only if the value is
 *       one or more ASCII digits. Any other field is ignored.</li>
 *   <li>A blank line dispatches the event: the last event id becomes the stream's
 *       {@link #lastEventId()} (it persists into later events until another {@code id:} changes
 *       it), and, when the data is not empty, an {@link SseEvent} is produced with the data minus
 *       its final {@code \n} and the type, {@code "message"} by default. An event with no
 *       {@code data:} line produces nothing. Then the data and type start afresh.</li>
 *   <li>{@link #finish()} ends the stream. An event no blank line closed is discarded, as the spec
 *       says; {@link SseStreamEnd} tells the caller so, because that is how a cut stream shows.</li>
 *   <li>{@link #parseAll(String)} parses a whole stream held in a string.</li>
 * </ul>
 *
 * <p>The tests feed streams in awkward pieces (one byte at a time, a CRLF split in two, an emoji
 * cut in the middle) and check every rule above, then parse a real Chat Completions stream fetched
 * from the replay server. Lesson 03-streaming, "The SSE protocol", walks through the rules.
 */
public final class SseParser {

    // >>> solution
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final char BOM = '\uFEFF';

    /**
     * The bytes of the line being read. Lines are split on bytes and decoded only once whole: CR
     * and LF bytes never occur inside a multi-byte UTF-8 character, so a character split across two
     * reads simply waits here for its last byte.
     */
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    /** The last byte was a CR: an LF right after it, even in the next read, ends the same line. */
    private boolean afterCr;
    private boolean firstLine = true;
    private boolean finished;

    // The spec's buffers for the event being read.
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    /** Not reset on dispatch: an id holds for every later event until another id: line. */
    private String lastEventIdBuffer = "";
    /** A field line arrived since the last blank line: the stream is inside an event. */
    private boolean inEvent;

    // What the stream keeps between events.
    private String lastEventId = "";
    private OptionalLong retryMillis = OptionalLong.empty();
    // === stub
    // // TODO: exercise 1, the parser's state: the line being read, the event's buffers, the last event id, the retry
    // <<<

    /** Parses the next bytes of the stream and returns the events they completed, oldest first. */
    public List<SseEvent> feed(byte[] bytes) {
        // >>> solution
        if (finished) {
            throw new IllegalStateException("feed() after finish(): the stream has ended");
        }
        List<SseEvent> events = new ArrayList<>();
        for (byte b : bytes) {
            if (afterCr && b == LF) {
                afterCr = false; // the LF of a CRLF whose CR already ended the line
                continue;
            }
            afterCr = b == CR;
            if (b == CR || b == LF) {
                line(takeLine(), events);
            } else {
                line.write(b);
            }
        }
        return events;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 1, SseParser.feed");
        // <<<
    }

    /** Ends the stream: discards an event no blank line closed, and says whether there was one. */
    public SseStreamEnd finish() {
        // >>> solution
        if (finished) {
            throw new IllegalStateException("finish() was already called");
        }
        finished = true;
        // "Once the end of the file is reached, any pending data must be discarded": an event is
        // complete only once its blank line arrived, so the last one may be half of what was sent.
        boolean cut = inEvent || line.size() > 0;
        return new SseStreamEnd(cut, withoutFinalLf(data));
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 1, SseParser.finish");
        // <<<
    }

    /** The last event id of the stream ({@code ""} before any): what a reconnection sends as {@code Last-Event-ID}. */
    public String lastEventId() {
        // >>> solution
        return lastEventId;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 1, SseParser.lastEventId");
        // <<<
    }

    /** The reconnection delay the server asked for with {@code retry:}, if it did. */
    public OptionalLong retryMillis() {
        // >>> solution
        return retryMillis;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 1, SseParser.retryMillis");
        // <<<
    }

    /** Parses a whole stream; an incomplete last event is discarded. */
    public static List<SseEvent> parseAll(String stream) {
        // >>> solution
        SseParser parser = new SseParser();
        List<SseEvent> events = parser.feed(stream.getBytes(StandardCharsets.UTF_8));
        parser.finish();
        return events;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 1, SseParser.parseAll");
        // <<<
    }
    // >>> solution

    private String takeLine() {
        String text = line.toString(StandardCharsets.UTF_8); // malformed bytes become U+FFFD, as the spec decodes
        line.reset();
        if (firstLine) {
            firstLine = false;
            if (!text.isEmpty() && text.charAt(0) == BOM) {
                text = text.substring(1);
            }
        }
        return text;
    }

    private void line(String text, List<SseEvent> events) {
        if (text.isEmpty()) {
            dispatch(events);
            return;
        }
        if (text.charAt(0) == ':') {
            return; // a comment
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1); // one space only: "data:  x" keeps " x"
        }
        field(field, value);
    }

    private void field(String field, String value) {
        inEvent = true;
        switch (field) {
            case "data" -> data.append(value).append('\n');
            case "event" -> eventType = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventIdBuffer = value;
                }
            }
            case "retry" -> retry(value);
            default -> {
                // Unknown fields are ignored, so the format can grow without breaking old clients.
            }
        }
    }

    private void retry(String value) {
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return; // "3s", "1.5" or "-1" are not a delay in milliseconds
        }
        try {
            retryMillis = OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException tooLong) {
            // More digits than a long holds: no sensible delay, so ignore it like any bad value.
        }
    }

    private void dispatch(List<SseEvent> events) {
        lastEventId = lastEventIdBuffer; // even an event without data moves the id on
        if (data.length() > 0) {
            String type = eventType.isEmpty() ? "message" : eventType;
            events.add(new SseEvent(type, withoutFinalLf(data), lastEventId));
        }
        data.setLength(0);
        eventType = "";
        inEvent = false;
    }

    /** Each data line added a {@code \n}; the last one is not part of the data. */
    private static String withoutFinalLf(StringBuilder data) {
        return data.length() == 0 ? "" : data.substring(0, data.length() - 1);
    }
    // <<<
}

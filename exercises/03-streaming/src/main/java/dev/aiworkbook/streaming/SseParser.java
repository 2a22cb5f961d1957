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

    // TODO: exercise 1, the parser's state: the line being read, the event's buffers, the last event id, the retry

    /** Parses the next bytes of the stream and returns the events they completed, oldest first. */
    public List<SseEvent> feed(byte[] bytes) {
        throw new UnsupportedOperationException("TODO: exercise 1, SseParser.feed");
    }

    /** Ends the stream: discards an event no blank line closed, and says whether there was one. */
    public SseStreamEnd finish() {
        throw new UnsupportedOperationException("TODO: exercise 1, SseParser.finish");
    }

    /** The last event id of the stream ({@code ""} before any): what a reconnection sends as {@code Last-Event-ID}. */
    public String lastEventId() {
        throw new UnsupportedOperationException("TODO: exercise 1, SseParser.lastEventId");
    }

    /** The reconnection delay the server asked for with {@code retry:}, if it did. */
    public OptionalLong retryMillis() {
        throw new UnsupportedOperationException("TODO: exercise 1, SseParser.retryMillis");
    }

    /** Parses a whole stream; an incomplete last event is discarded. */
    public static List<SseEvent> parseAll(String stream) {
        throw new UnsupportedOperationException("TODO: exercise 1, SseParser.parseAll");
    }
}

package dev.aiworkbook.streaming;

/**
 * A Responses API event arrived with the wrong {@code sequence_number}: an event was lost (a gap) or
 * delivered twice (a repeat). Part of exercise 3 (see {@link ResponsesStreamAccumulator}).
 */
public class OutOfOrderEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long expected;
    private final long actual;

    public OutOfOrderEventException(long expected, long actual) {
        super("events out of order: expected sequence_number " + expected + ", got " + actual);
        this.expected = expected;
        this.actual = actual;
    }

    /** The previous event's sequence_number plus one. */
    public long expected() {
        return expected;
    }

    /** The sequence_number that came instead. */
    public long actual() {
        return actual;
    }
}

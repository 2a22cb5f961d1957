package dev.aiworkbook.harness.lesson;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** What a lesson program printed, for its tests: a standard output and a standard error to hand it. */
public final class ConsoleCapture {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    /** The stream to pass as the program's standard output. */
    public PrintStream outStream() {
        return out;
    }

    /** The stream to pass as the program's standard error. */
    public PrintStream errStream() {
        return err;
    }

    /** Everything printed to standard output so far. */
    public String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    /** Everything printed to standard error so far. */
    public String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }
}

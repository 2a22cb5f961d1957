package dev.aiworkbook.lessons.streaming;

import java.io.PrintStream;
import java.util.List;

/**
 * The lesson's only way to print. Streamed text goes out piece by piece, flushed at once and wrapped
 * between words; every line passes a last filter that masks the keys in use, so not even a message
 * the lesson did not write (an SDK's exception, the replay server's report) can show one.
 */
final class Console {

    private static final int WIDTH = 100;
    private static final String INDENT = "    ";

    private final PrintStream out;
    private final List<String> secrets;
    private int column = -1; // -1: no streamed line is open

    Console(PrintStream out, List<String> secrets) {
        this.out = out;
        this.secrets = List.copyOf(secrets);
    }

    void line(String text) {
        endStream();
        out.println(scrub(text));
    }

    void line() {
        line("");
    }

    void indented(String text) {
        text.lines().forEach(line -> line(INDENT + line));
    }

    void heading(String text) {
        line();
        line("== " + text + " ==");
    }

    // tag::print-delta[]
    /** Shows a piece of an answer the moment it arrives: print, then flush, or it waits in a buffer. */
    void stream(String delta) {
        if (column < 0) {
            out.print(INDENT);
            column = INDENT.length();
        }
        for (String word : delta.split("(?=[ \n])")) {         // each piece starts at a space or newline
            if (word.startsWith("\n") || word.startsWith(" ") && column + word.length() > WIDTH) {
                out.print("\n" + INDENT);                       // wrap between words
                column = INDENT.length();
                word = word.substring(1);
            }
            out.print(scrub(word));
            column += word.length();
        }
        out.flush();
    }
    // end::print-delta[]

    /** Ends a streamed line, if one is open. */
    void endStream() {
        if (column >= 0) {
            out.println();
            column = -1;
        }
    }

    private String scrub(String text) {
        String result = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, "[REDACTED]");
            }
        }
        return result;
    }
}

package dev.aiworkbook.lessons.auth;

import java.io.PrintStream;
import java.util.List;

/**
 * The lesson's only way to print: every line goes through {@link Redactor#scrub}, so no key in use
 * can reach the console, even inside an exception message the lesson did not write.
 */
final class SafePrinter {

    private final PrintStream out;
    private final List<String> secrets;

    SafePrinter(PrintStream out, List<String> secrets) {
        this.out = out;
        this.secrets = List.copyOf(secrets);
    }

    void line(String text) {
        out.println(Redactor.scrub(text, secrets));
    }

    void line() {
        out.println();
    }

    /** A line indented under the previous one; multi-line text keeps the indent on every line. */
    void indented(String text) {
        text.lines().forEach(line -> line("    " + line));
    }

    void heading(String text) {
        line();
        line("== " + text + " ==");
    }
}

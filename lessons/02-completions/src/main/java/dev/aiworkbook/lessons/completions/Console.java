package dev.aiworkbook.lessons.completions;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lesson's only way to print. Every line passes a last filter that replaces the keys in use
 * with {@code [REDACTED]}, so no key reaches the console, even inside an exception message the
 * lesson did not write (lesson 01 explains why).
 */
final class Console {

    static final String REDACTED = "[REDACTED]";
    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key", "x-goog-api-key");

    private final PrintStream out;
    private final List<String> secrets;

    Console(PrintStream out, List<String> secrets) {
        this.out = out;
        this.secrets = List.copyOf(secrets);
    }

    void line(String text) {
        String safe = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                safe = safe.replace(secret, REDACTED);
            }
        }
        out.println(safe);
    }

    void line() {
        out.println();
    }

    /** Each line of the text, indented under the previous output. */
    void indented(String text) {
        text.lines().forEach(line -> line("    " + line));
    }

    void heading(String text) {
        line();
        line("== " + text + " ==");
    }

    /** A credential header's value masked, keeping the scheme word ("Bearer"), which is no secret. */
    static String masked(String name, String value) {
        if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return value;
        }
        int space = value.indexOf(' ');
        return space > 0 ? value.substring(0, space + 1) + REDACTED : REDACTED;
    }
}

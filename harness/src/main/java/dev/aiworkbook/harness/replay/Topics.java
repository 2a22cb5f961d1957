package dev.aiworkbook.harness.replay;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The nine topics of the course, in order, and the short names they answer to. */
public final class Topics {

    /** Folder names, the same under lessons/, exercises/, solutions/ and fixtures/. */
    public static final List<String> ALL = List.of(
            "01-auth",
            "02-completions",
            "03-streaming",
            "04-errors-retries",
            "05-caching-cost",
            "06-tools-mcp",
            "07-structured-output",
            "08-realtime",
            "09-local-models");

    private Topics() {
    }

    /**
     * Resolves what a user typed ({@code auth}, {@code 01-auth}, {@code 1}, {@code AUTH}) to a topic folder.
     * The short name is the folder without its number; {@code errors} and {@code retries} both
     * find {@code 04-errors-retries}.
     */
    public static Optional<String> resolve(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String wanted = typed.trim().toLowerCase(Locale.ROOT);
        for (String topic : ALL) {
            String number = topic.substring(0, 2);
            String name = topic.substring(3);
            if (wanted.equals(topic) || wanted.equals(name) || wanted.equals(number)
                    || wanted.equals(String.valueOf(Integer.parseInt(number)))
                    || List.of(name.split("-")).contains(wanted)) {
                return Optional.of(topic);
            }
        }
        return Optional.empty();
    }

    /** The topic's name without its number: {@code 01-auth} gives {@code auth}. */
    public static String shortName(String topic) {
        return topic.substring(3);
    }
}

package dev.aiworkbook.harness.lesson;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which providers a {@code --live} lesson run can call: those with a key. A run with no key at all
 * stops with {@link #noKeysMessage()} (exit 2); providers without one are skipped with a note.
 */
public final class LiveProviders {

    private LiveProviders() {
    }

    /** Each provider's key from the first of its variables that is set; providers without one are left out. */
    public static Map<LessonProvider, String> findKeys(KeySource source) {
        Map<LessonProvider, String> keys = new EnumMap<>(LessonProvider.class);
        for (LessonProvider provider : LessonProvider.values()) {
            provider.keyVariables().stream()
                    .map(source::find)
                    .flatMap(Optional::stream)
                    .filter(value -> !value.isBlank())
                    .findFirst()
                    .ifPresent(key -> keys.put(provider, key.trim()));
        }
        return keys;
    }

    /** One paragraph for a run that found no key at all: which variables, where to put them. */
    public static String noKeysMessage() {
        String variables = Arrays.stream(LessonProvider.values()).map(LessonProvider::keyVariablesInWords)
                .collect(Collectors.joining(", "));
        return "No API key found. --live calls the real providers, so it needs at least one of " + variables
                + ". Export it in your shell (export OPENAI_API_KEY=...), or put NAME=value lines in a .env file"
                + " at the workbook root: git ignores .env, and .env.example shows the names. Providers without"
                + " a key are skipped. Without --live the lesson runs on the replay server and needs no key.";
    }

    /** The note for a provider a live run skips. */
    public static String skipNote(LessonProvider provider) {
        return "Skipping " + provider.displayName() + ": " + provider.keyVariablesInWords()
                + " is not set in the environment or in .env.";
    }

    /** The live base URL of every provider that has a key. */
    public static Map<LessonProvider, String> liveBaseUrls(Map<LessonProvider, String> keys) {
        Map<LessonProvider, String> baseUrls = new EnumMap<>(LessonProvider.class);
        keys.keySet().forEach(provider -> baseUrls.put(provider, provider.liveBaseUrl()));
        return baseUrls;
    }
}

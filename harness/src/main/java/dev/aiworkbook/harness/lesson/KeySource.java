package dev.aiworkbook.harness.lesson;

import java.util.Optional;

/**
 * Where live keys come from. Lessons pass {@code LiveKeys.fromEnvironment()::find} (the environment
 * first, then {@code .env}); a test passes a map, so it never depends on, or leaks, the keys of
 * whoever runs it.
 */
@FunctionalInterface
public interface KeySource {

    /** The value of an environment variable such as {@code OPENAI_API_KEY}, or empty when unset. */
    Optional<String> find(String variable);

    /** Keys from a map, for tests: never the real environment, so nobody's keys are read or leaked. */
    static KeySource of(java.util.Map<String, String> variables) {
        return variable -> Optional.ofNullable(variables.get(variable));
    }
}

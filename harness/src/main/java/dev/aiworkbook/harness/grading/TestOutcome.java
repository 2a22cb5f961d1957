package dev.aiworkbook.harness.grading;

/**
 * One graded test's result, as the reports show it.
 *
 * @param exerciseClass the test class's name; one test class grades one exercise
 * @param exercise      the test class's display name ("Exercise 1 · Load API keys")
 * @param test          the test's display name, a sentence
 * @param points        what it is worth (0 when the test carries no {@code @Points})
 * @param status        {@code PASSED}, {@code FAILED}, {@code ABORTED} or {@code SKIPPED}
 * @param message       the failure's message (first lines), empty when passed
 */
public record TestOutcome(String exerciseClass, String exercise, String test, int points, String status,
                          String message) {

    public boolean passed() {
        return "PASSED".equals(status);
    }

    public int earned() {
        return passed() ? points : 0;
    }
}

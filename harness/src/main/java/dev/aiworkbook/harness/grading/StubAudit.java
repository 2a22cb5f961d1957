package dev.aiworkbook.harness.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Checks a run of the graded tests against what the course promises.
 *
 * <ul>
 *   <li>On the untouched stubs ({@link Expect#FAIL}): no graded test passes, so an untouched
 *       workbook scores zero.</li>
 *   <li>On the solutions ({@link Expect#PASS}): every graded test passes.</li>
 *   <li>Both: every test class under the test sources ran at least one test, and every graded test
 *       carries {@code @Points}.</li>
 * </ul>
 */
public final class StubAudit {

    /** What every graded test must do in this run. */
    public enum Expect { PASS, FAIL }

    private StubAudit() {
    }

    /** The problems found; empty when the run keeps every promise. */
    public static List<String> problems(List<TestOutcome> outcomes, List<String> testClasses, Expect expect) {
        List<String> problems = new ArrayList<>();
        Map<String, List<TestOutcome>> byClass = Results.byExercise(outcomes);
        for (String testClass : testClasses) {
            if (!byClass.containsKey(testClass)) {
                problems.add(testClass + " ran no tests: a graded test class must run at least one");
            }
        }
        for (TestOutcome outcome : outcomes) {
            String where = outcome.exercise() + " > " + outcome.test();
            if (outcome.points() <= 0 && !outcome.test().equals("(the whole class)")) {
                problems.add(where + ": carries no @Points");
            }
            if (expect == Expect.FAIL && outcome.passed()) {
                problems.add(where + ": passes on the untouched stub (free points)");
            }
            if (expect == Expect.PASS && !outcome.passed()) {
                problems.add(where + ": " + outcome.status() + " on the solution: " + firstLine(outcome.message()));
            }
        }
        return problems;
    }

    /** Test class names (by convention {@code *Test.java}) under a test source root. */
    public static List<String> testClasses(Path testRoot) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(testRoot)) {
            files.filter(file -> file.getFileName().toString().endsWith("Test.java"))
                    .map(file -> testRoot.relativize(file).toString().replace('\\', '/').replace('/', '.'))
                    .map(name -> name.substring(0, name.length() - ".java".length()))
                    .forEach(names::add);
        }
        return List.copyOf(names);
    }

    /** The audit's report: a line per exercise, then every test and why the stub failed it. */
    public static String report(List<TestOutcome> outcomes, Expect expect) {
        StringBuilder text = new StringBuilder();
        int points = outcomes.stream().mapToInt(TestOutcome::points).sum();
        int earned = outcomes.stream().mapToInt(TestOutcome::earned).sum();
        text.append(expect == Expect.FAIL ? "Stub audit" : "Solution check").append(": ")
                .append(outcomes.size()).append(" graded tests, ").append(earned).append(" of ").append(points)
                .append(" points earned\n");
        Results.byExercise(outcomes).forEach((type, tests) -> {
            text.append("  ").append(tests.get(0).exercise()).append('\n');
            for (TestOutcome test : tests) {
                text.append("    ").append(test.passed() ? "PASS " : "FAIL ").append(test.test())
                        .append(" [").append(test.points()).append(" pt]");
                if (expect == Expect.FAIL && !test.passed()) {
                    text.append(" <- ").append(firstLine(test.message()));
                }
                text.append('\n');
            }
        });
        return text.toString();
    }

    static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}

package dev.aiworkbook.harness.cli;

import dev.aiworkbook.harness.grading.Results;
import dev.aiworkbook.harness.grading.TestOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./workbook check [<topic>[/<Exercise>]]}: compiles the learner's stubs with the graded
 * tests, runs them in a JVM of their own (a hang or a {@code System.exit} cannot stop the command),
 * and prints a line per exercise with its points and the first failure's message.
 */
final class CheckCommand {

    static final String RESULTS = "target/workbook-check/results.json";
    private static final long DEFAULT_TIMEOUT_SECONDS = 300;

    private final Repository repository;
    private final ModuleBuild build;
    private final PrintStream out;

    CheckCommand(Repository repository, ModuleBuild build, PrintStream out) {
        this.repository = repository;
        this.build = build;
        this.out = out;
    }

    /** Checks one topic, optionally one exercise of it; true when every selected test passed. */
    boolean check(String topic, String exercise) {
        List<String> testClasses = selectTests(topic, exercise);
        Path module = repository.exercises(topic);
        List<Path> classpath = build.classpath(module, "test.classpath", false);
        Path work = module.resolve("target/workbook-check");
        Path classes = work.resolve("classes");
        out.println(topic + (exercise == null ? "" : "/" + exercise));
        if (!compile(module, classpath, classes)) {
            out.println("  0 points: the code does not compile (errors above). Fix them, then check again.");
            return false;
        }
        Path results = module.resolve(RESULTS);
        run(testClasses, classes, classpath, module, work, results);
        return report(topic, testClasses, results);
    }

    private List<String> selectTests(String topic, String exercise) {
        List<String> all = repository.testFiles(topic).stream().map(file -> repository.className(topic, file)).toList();
        if (exercise == null) {
            return all;
        }
        String wanted = exercise.toLowerCase(Locale.ROOT).replaceAll("test$", "");
        List<String> chosen = all.stream()
                .filter(name -> simpleName(name).toLowerCase(Locale.ROOT).replaceAll("test$", "").equals(wanted))
                .toList();
        if (chosen.isEmpty()) {
            throw new UsageException("No exercise '" + exercise + "' in " + topic + ". Its exercises: "
                    + String.join(", ", all.stream().map(CheckCommand::simpleName).map(n -> n.replaceAll("Test$", "")).toList()));
        }
        return chosen;
    }

    private boolean compile(Path module, List<Path> classpath, Path classes) {
        List<TestRunner.CompileError> errors = TestRunner.compile(
                List.of(module.resolve("src/main/java"), module.resolve("src/test/java")), classpath, classes);
        for (TestRunner.CompileError error : errors.subList(0, Math.min(errors.size(), 20))) {
            String where = error.file() == null ? "" : repository.root().relativize(error.file()) + ":" + error.line() + ": ";
            out.println("  " + where + error.message());
        }
        if (errors.size() > 20) {
            out.println("  ... and " + (errors.size() - 20) + " more errors");
        }
        return errors.isEmpty();
    }

    private void run(List<String> testClasses, Path classes, List<Path> classpath, Path module, Path work, Path results) {
        List<Path> runtime = new ArrayList<>();
        runtime.add(classes);
        for (String resources : List.of("src/main/resources", "src/test/resources")) {
            if (Files.isDirectory(module.resolve(resources))) {
                runtime.add(module.resolve(resources));
            }
        }
        runtime.addAll(classpath);
        Path log = work.resolve("run.log");
        long timeout = timeoutSeconds();
        if (!TestRunner.run(testClasses, runtime, module, results, log, timeout)) {
            out.println("  The tests did not finish within " + timeout + " s and were stopped (an endless loop?). Output: " + log);
        }
    }

    private boolean report(String topic, List<String> testClasses, Path resultsFile) {
        if (!Files.isRegularFile(resultsFile)) {
            out.println("  The tests left no results: see " + resultsFile.resolveSibling("run.log"));
            return false;
        }
        List<TestOutcome> outcomes;
        try {
            outcomes = Results.read(resultsFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<TestOutcome>> byExercise = Results.byExercise(outcomes);
        int earned = 0;
        int possible = 0;
        String next = null;
        for (String testClass : testClasses.stream().sorted(Comparator.comparing(c -> exerciseName(byExercise, c))).toList()) {
            List<TestOutcome> tests = byExercise.getOrDefault(testClass, List.of());
            int points = tests.stream().mapToInt(TestOutcome::points).sum();
            int got = tests.stream().mapToInt(TestOutcome::earned).sum();
            earned += got;
            possible += points;
            boolean done = !tests.isEmpty() && tests.stream().allMatch(TestOutcome::passed);
            out.printf("  %s %-62s %3d/%d%n", done ? "PASS" : "FAIL", exerciseName(byExercise, testClass), got, points);
            if (!done) {
                printFirstFailure(tests);
                if (next == null) {
                    next = exerciseName(byExercise, testClass) + ": " + repository.root().relativize(repository.stubFor(topic, testClass));
                }
            }
        }
        out.println("  " + earned + " of " + possible + " points." + (next == null ? " All done!" : " Next: " + next));
        return next == null;
    }

    private void printFirstFailure(List<TestOutcome> tests) {
        tests.stream().filter(test -> !test.passed()).findFirst().ifPresent(test -> {
            out.println("       first failure: " + test.test());
            // The closest-fixture table is wide; the summary above it says what differed.
            test.message().lines()
                    .takeWhile(line -> !line.startsWith("Closest fixture (left)"))
                    .limit(12)
                    .forEach(line -> out.println("         " + line));
        });
    }

    private static String exerciseName(Map<String, List<TestOutcome>> byExercise, String testClass) {
        List<TestOutcome> tests = byExercise.get(testClass);
        return tests == null || tests.isEmpty() ? simpleName(testClass) + " (did not run)" : tests.get(0).exercise();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static long timeoutSeconds() {
        String configured = System.getenv("WORKBOOK_CHECK_TIMEOUT");
        try {
            return configured == null ? DEFAULT_TIMEOUT_SECONDS : Long.parseLong(configured.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
    }

}

package dev.aiworkbook.harness.cli;

import dev.aiworkbook.harness.grading.Results;
import dev.aiworkbook.harness.grading.StubAudit;
import dev.aiworkbook.harness.grading.TestOutcome;
import dev.aiworkbook.harness.stubs.StubGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The course's own checks, run by {@code mvn verify} (through exec-maven-plugin, in Maven's JVM, so
 * they fail by throwing, never by exiting):
 * <ul>
 *   <li>{@code audit --expect=fail|pass --results=F --tests=DIR}: the graded tests fail on the
 *       stubs / pass on the solutions, every test class ran, every test has points;</li>
 *   <li>{@code stubs-check --solutions=DIR --stubs=DIR}: the committed stubs are exactly what the
 *       solutions generate;</li>
 *   <li>{@code stubs-write --solutions=DIR --stubs=DIR}: regenerate them.</li>
 * </ul>
 */
public final class CourseChecks {

    private CourseChecks() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: audit|stubs-check|stubs-write --name=value ...");
        }
        Map<String, String> options = options(args);
        switch (args[0]) {
            case "audit" -> audit(options);
            case "stubs-check" -> stubsCheck(Path.of(require(options, "solutions")), Path.of(require(options, "stubs")));
            case "stubs-write" -> StubGenerator.write(Path.of(require(options, "solutions")), Path.of(require(options, "stubs")));
            default -> throw new IllegalArgumentException("unknown check: " + args[0]);
        }
    }

    static void audit(Map<String, String> options) throws IOException {
        StubAudit.Expect expect = StubAudit.Expect.valueOf(require(options, "expect").toUpperCase(java.util.Locale.ROOT));
        Path resultsFile = Path.of(require(options, "results"));
        if (!Files.isRegularFile(resultsFile)) {
            throw new IllegalStateException("The graded tests left no results in " + resultsFile
                    + ": did the test JVM crash or time out? See the Surefire output above.");
        }
        List<TestOutcome> outcomes = Results.read(resultsFile);
        System.out.print(StubAudit.report(outcomes, expect));
        List<String> problems = StubAudit.problems(outcomes, StubAudit.testClasses(Path.of(require(options, "tests"))), expect);
        if (!problems.isEmpty()) {
            throw new IllegalStateException((expect == StubAudit.Expect.FAIL ? "Stub audit" : "Solution check")
                    + " failed:\n  " + String.join("\n  ", problems));
        }
    }

    static void stubsCheck(Path solutions, Path stubs) throws IOException {
        List<String> differences = StubGenerator.differences(solutions, stubs);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("The stubs in " + stubs + " do not match the solutions in " + solutions
                    + ":\n  " + String.join("\n  ", differences)
                    + "\nRegenerate them with: ./workbook sync-stubs (course maintainers; a learner's edited stubs are meant to differ,"
                    + " use ./workbook check to grade them).");
        }
        System.out.println("Stubs match the solutions: " + stubs);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name + "=...");
        }
        return value;
    }
}

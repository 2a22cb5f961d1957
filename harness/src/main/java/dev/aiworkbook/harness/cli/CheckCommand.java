package dev.aiworkbook.harness.cli;

import dev.aiworkbook.harness.grading.GradeListener;
import dev.aiworkbook.harness.grading.Results;
import dev.aiworkbook.harness.grading.RunTests;
import dev.aiworkbook.harness.grading.TestOutcome;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

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
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new UsageException("This Java has no compiler: run the workbook with a JDK 17+, not a JRE.");
        }
        recreate(classes);
        List<Path> sources = javaFiles(module.resolve("src/main/java"));
        sources.addAll(javaFiles(module.resolve("src/test/java")));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-g", "-encoding", "UTF-8",
                    "-classpath", join(classpath), "-d", classes.toString());
            boolean ok = compiler.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            printErrors(diagnostics);
            return ok;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        for (Diagnostic<? extends JavaFileObject> error : errors.subList(0, Math.min(errors.size(), 20))) {
            String file = error.getSource() == null ? "" : repository.root().relativize(Path.of(error.getSource().toUri())) + ":" + error.getLineNumber() + ": ";
            out.println("  " + file + error.getMessage(Locale.ROOT));
        }
        if (errors.size() > 20) {
            out.println("  ... and " + (errors.size() - 20) + " more errors");
        }
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
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", join(runtime),
                "-D" + GradeListener.RESULTS_PROPERTY + "=" + results, RunTests.class.getName()));
        command.addAll(testClasses);
        try {
            Files.deleteIfExists(results);
            Path log = work.resolve("run.log");
            Process process = new ProcessBuilder(command).directory(module.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long timeout = timeoutSeconds();
            if (!process.waitFor(timeout, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                out.println("  The tests did not finish within " + timeout + " s and were stopped (an endless loop?). Output: " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return new ArrayList<>(files.filter(file -> file.toString().endsWith(".java")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void recreate(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

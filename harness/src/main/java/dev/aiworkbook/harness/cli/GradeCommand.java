package dev.aiworkbook.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aiworkbook.harness.grading.Results;
import dev.aiworkbook.harness.grading.TestOutcome;
import dev.aiworkbook.harness.secrets.SecretScanner;
import dev.aiworkbook.harness.stubs.StubGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./workbook grade <submissions> [--out <dir>]}: grades every submission folder with the
 * course's own graded tests, and writes a gradebook (CSV, JSON and an HTML report) and a
 * Gradescope-style {@code results.json} per submission.
 *
 * <p>What an instructor can rely on: a submission's own test files are never used; a file that does
 * not compile is graded as its untouched stub (its exercise scores 0, the others count); a
 * submission that hangs is stopped, and the tests that finished still count; one submission cannot
 * touch another (each is graded in a folder of its own).
 */
final class GradeCommand {

    /** How one exercise of one submission did. */
    record ExerciseGrade(String topic, String exercise, String title, int earned, int possible, String status) {
    }

    /** One submission's grades, and what the instructor should know about it. */
    record SubmissionGrade(String submission, List<ExerciseGrade> exercises, List<TestOutcome> tests, List<String> notes) {
        int earned() {
            return exercises.stream().mapToInt(ExerciseGrade::earned).sum();
        }

        int possible() {
            return exercises.stream().mapToInt(ExerciseGrade::possible).sum();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int MAX_COMPILE_ROUNDS = 20;

    private final Repository repository;
    private final Function<String, List<Path>> testClasspath;
    private final List<String> jvmOptions;
    private final long timeoutSeconds;
    private final PrintStream out;

    /**
     * @param testClasspath the classpath a topic's graded tests run on (its test.classpath)
     * @param jvmOptions    extra options for the test JVM, e.g. a shorter per-test timeout
     */
    GradeCommand(Repository repository, Function<String, List<Path>> testClasspath, List<String> jvmOptions,
                 long timeoutSeconds, PrintStream out) {
        this.repository = repository;
        this.testClasspath = testClasspath;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.timeoutSeconds = timeoutSeconds;
        this.out = out;
    }

    /** Grades every folder in {@code submissions} on the given topics and writes the reports to {@code outDir}. */
    List<SubmissionGrade> grade(Path submissions, List<String> topics, Path outDir) {
        List<Path> folders = folders(submissions);
        if (folders.isEmpty()) {
            throw new UsageException("no submission folders in " + submissions);
        }
        List<SubmissionGrade> grades = new ArrayList<>();
        for (Path folder : folders) {
            SubmissionGrade grade = gradeOne(folder, topics, outDir.resolve("work").resolve(folder.getFileName().toString()));
            out.printf("  %-30s %4d / %d%s%n", grade.submission(), grade.earned(), grade.possible(),
                    grade.notes().isEmpty() ? "" : "   (" + grade.notes().size() + " note" + (grade.notes().size() == 1 ? "" : "s") + ")");
            writeGradescope(grade, outDir.resolve(grade.submission()).resolve("results.json"));
            grades.add(grade);
        }
        writeGradebook(grades, outDir);
        return grades;
    }

    private SubmissionGrade gradeOne(Path folder, List<String> topics, Path work) {
        List<ExerciseGrade> exercises = new ArrayList<>();
        List<TestOutcome> tests = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String topic : topics) {
            Optional<Path> sources = sourcesOf(folder, topic);
            if (sources.isEmpty()) {
                notes.add(topic + ": no sources found (looked for exercises/" + topic + "/src/main/java and " + topic + "/src/main/java)");
            }
            gradeTopic(topic, sources, work.resolve(topic), exercises, tests, notes);
        }
        return new SubmissionGrade(folder.getFileName().toString(), exercises, tests, notes);
    }

    private void gradeTopic(String topic, Optional<Path> sources, Path work, List<ExerciseGrade> exercises,
                            List<TestOutcome> tests, List<String> notes) {
        Path stubs = work.resolve("stubs");
        Path main = work.resolve("src/main/java");
        Path testSources = work.resolve("src/test/java");
        TestRunner.recreate(work);
        writePristineStubs(topic, stubs);
        TestRunner.copyTree(stubs, main);
        sources.ifPresent(dir -> TestRunner.copyTree(dir, main));
        // The course's tests, never the submission's: an edited test must not count.
        TestRunner.copyTree(repository.exercises(topic).resolve("src/test/java"), testSources);
        Set<String> reverted = compileRevertingBrokenFiles(topic, main, stubs, testSources, work.resolve("classes"), notes);
        boolean compiled = reverted != null;
        Path results = work.resolve("results.json");
        List<String> testClasses = repository.testFiles(topic).stream().map(file -> repository.className(topic, file)).toList();
        if (compiled) {
            List<Path> runtime = new ArrayList<>();
            runtime.add(work.resolve("classes"));
            runtime.addAll(testClasspath.apply(topic));
            // Run from the course's exercise folder, as ./workbook check does: the replay finds the
            // topic's fixtures from there even when they are not on the classpath.
            Path workingDir = repository.exercises(topic);
            if (!TestRunner.run(testClasses, runtime, jvmOptions, workingDir, results, work.resolve("run.log"), timeoutSeconds)) {
                notes.add(topic + ": the tests did not finish within " + timeoutSeconds + " s and were stopped; tests that did not run score 0");
            }
        }
        List<TestOutcome> outcomes = readResults(results);
        tests.addAll(outcomes);
        for (Path testFile : repository.testFiles(topic)) {
            String className = repository.className(topic, testFile);
            String exercise = Repository.exerciseName(testFile);
            List<TestOutcome> own = outcomes.stream().filter(o -> o.exerciseClass().equals(className)).toList();
            int possible = Repository.pointsIn(testFile);
            int earned = Math.min(possible, own.stream().mapToInt(TestOutcome::earned).sum());
            String status = !compiled ? "did not compile"
                    : own.isEmpty() ? "did not run"
                    : own.stream().allMatch(TestOutcome::passed) ? "passed" : "failed";
            exercises.add(new ExerciseGrade(topic, exercise, Repository.exerciseTitle(testFile), earned, possible, status));
        }
    }

    /**
     * Compiles; a submitted file with errors is replaced by its untouched stub (or dropped, when the
     * course has none) and the compile runs again. The files replaced, or null when it never compiled.
     */
    private Set<String> compileRevertingBrokenFiles(String topic, Path main, Path stubs, Path testSources, Path classes,
                                                   List<String> notes) {
        Set<String> reverted = new TreeSet<>();
        for (int round = 0; round < MAX_COMPILE_ROUNDS; round++) {
            List<TestRunner.CompileError> errors = TestRunner.compile(List.of(main, testSources), testClasspath.apply(topic), classes);
            if (errors.isEmpty()) {
                return reverted;
            }
            Map<Path, TestRunner.CompileError> broken = new LinkedHashMap<>();
            errors.stream().filter(e -> e.file() != null && e.file().startsWith(main) && !reverted.contains(main.relativize(e.file()).toString()))
                    .forEach(e -> broken.putIfAbsent(e.file(), e));
            if (broken.isEmpty()) {
                notes.add(topic + ": does not compile even with its broken files reverted: " + SecretScanner.redact(errors.get(0).message()));
                return null;
            }
            for (TestRunner.CompileError error : broken.values()) {
                String relative = main.relativize(error.file()).toString().replace('\\', '/');
                revert(error.file(), stubs.resolve(relative));
                reverted.add(main.relativize(error.file()).toString());
                notes.add(topic + ": " + relative + " does not compile (line " + error.line() + ": "
                        + SecretScanner.redact(error.message().lines().findFirst().orElse("")) + "); graded as the untouched stub");
            }
        }
        notes.add(topic + ": gave up compiling after " + MAX_COMPILE_ROUNDS + " rounds");
        return null;
    }

    private static void revert(Path file, Path stub) {
        try {
            if (Files.isRegularFile(stub)) {
                Files.copy(stub, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The untouched stubs: generated from the solutions when the checkout has them, else the exercises' own. */
    private void writePristineStubs(String topic, Path stubs) {
        Path solutions = repository.solutions(topic).resolve("src/main/java");
        try {
            if (Files.isDirectory(solutions)) {
                StubGenerator.write(solutions, stubs);
            } else {
                TestRunner.copyTree(repository.exercises(topic).resolve("src/main/java"), stubs);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A submission holds a whole workbook ({@code exercises/<topic>/...}) or just topic folders. */
    private static Optional<Path> sourcesOf(Path folder, String topic) {
        for (Path candidate : List.of(folder.resolve("exercises").resolve(topic).resolve("src/main/java"),
                folder.resolve(topic).resolve("src/main/java"))) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<TestOutcome> readResults(Path results) {
        if (!Files.isRegularFile(results)) {
            return List.of();
        }
        try {
            return Results.read(results);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> folders(Path submissions) {
        if (!Files.isDirectory(submissions)) {
            throw new UsageException(submissions + " is not a folder of submissions (one folder per student).");
        }
        try (Stream<Path> entries = Files.list(submissions)) {
            return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code gradebook.csv} (a row per submission, a column per exercise) and {@code gradebook.json}. */
    private static void writeGradebook(List<SubmissionGrade> grades, Path outDir) {
        List<ExerciseGrade> columns = grades.get(0).exercises();
        StringBuilder csv = new StringBuilder("submission");
        columns.forEach(c -> csv.append(',').append(csvField(c.topic() + "/" + c.exercise() + " (" + c.possible() + ")")));
        csv.append(",total,possible,notes\n");
        for (SubmissionGrade grade : grades) {
            csv.append(csvField(grade.submission()));
            grade.exercises().forEach(e -> csv.append(',').append(e.earned()));
            csv.append(',').append(grade.earned()).append(',').append(grade.possible()).append(',')
                    .append(csvField(String.join("; ", grade.notes()))).append('\n');
        }
        try {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("gradebook.csv"), csv, StandardCharsets.UTF_8);
            List<Map<String, Object>> json = grades.stream().map(g -> Map.<String, Object>of(
                    "submission", g.submission(), "earned", g.earned(), "possible", g.possible(),
                    "exercises", g.exercises(), "notes", g.notes())).toList();
            JSON.writeValue(outDir.resolve("gradebook.json").toFile(), json);
            Files.writeString(outDir.resolve("report.html"), html(grades), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page for people: the gradebook as a table, then each submission's notes and failed tests. */
    private static String html(List<SubmissionGrade> grades) {
        StringBuilder page = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Workbook grades</title>
                <style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}th:first-child,td:first-child{text-align:left}
                .zero{color:#a00}.full{color:#070}pre{white-space:pre-wrap;background:#f6f6f6;padding:.5em}</style>
                </head><body><h1>Workbook grades</h1><table><tr><th>submission</th>""");
        for (ExerciseGrade column : grades.get(0).exercises()) {
            page.append("<th title=\"").append(escape(column.title())).append("\">").append(escape(column.topic() + "/" + column.exercise()))
                    .append("<br>(").append(column.possible()).append(")</th>");
        }
        page.append("<th>total</th></tr>\n");
        for (SubmissionGrade grade : grades) {
            page.append("<tr><td><a href=\"#").append(escape(grade.submission())).append("\">").append(escape(grade.submission())).append("</a></td>");
            for (ExerciseGrade exercise : grade.exercises()) {
                String css = exercise.earned() == 0 ? "zero" : exercise.earned() == exercise.possible() ? "full" : "";
                page.append("<td class=\"").append(css).append("\" title=\"").append(escape(exercise.status())).append("\">")
                        .append(exercise.earned()).append("</td>");
            }
            page.append("<td>").append(grade.earned()).append(" / ").append(grade.possible()).append("</td></tr>\n");
        }
        page.append("</table>\n");
        for (SubmissionGrade grade : grades) {
            page.append("<h2 id=\"").append(escape(grade.submission())).append("\">").append(escape(grade.submission()))
                    .append(": ").append(grade.earned()).append(" / ").append(grade.possible()).append("</h2>\n");
            grade.notes().forEach(note -> page.append("<p>").append(escape(note)).append("</p>\n"));
            grade.tests().stream().filter(test -> !test.passed()).forEach(test -> page.append("<details><summary>")
                    .append(escape(test.exercise() + " > " + test.test())).append(" (").append(test.points()).append(" pt)</summary><pre>")
                    .append(escape(test.message())).append("</pre></details>\n"));
        }
        return page.append("</body></html>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Gradescope's autograder format: a score, and a line per graded test with its points. */
    private static void writeGradescope(SubmissionGrade grade, Path file) {
        List<Map<String, Object>> tests = new ArrayList<>();
        for (TestOutcome test : grade.tests()) {
            tests.add(Map.of("name", test.exercise() + " > " + test.test(), "score", test.earned(),
                    "max_score", test.points(), "status", test.passed() ? "passed" : "failed", "output", test.message()));
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("score", grade.earned());
        results.put("output", grade.notes().stream().collect(Collectors.joining("\n")));
        results.put("tests", tests);
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}

package dev.aiworkbook.harness.cli;

import dev.aiworkbook.harness.grading.Results;
import dev.aiworkbook.harness.grading.TestOutcome;
import dev.aiworkbook.harness.replay.PaceBenchmark;
import dev.aiworkbook.harness.replay.Topics;
import dev.aiworkbook.harness.stubs.StubGenerator;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;
import java.util.List;
import java.util.Properties;

/**
 * The {@code workbook} command: the learner's, the instructor's and the teacher's way in.
 * Started by the {@code workbook} / {@code workbook.cmd} scripts at the root.
 */
public final class Workbook {

    static final String USAGE = """
            Usage: ./workbook <command>

              list                        the topics, their exercises' points and your progress
              lesson <topic> [--live]     run a topic's lesson on the replay server (or live, with keys)
              check [<topic>[/<Exercise>]]
                                          run the graded tests on your code: a line per exercise
              hint <topic>[/<Exercise>] [<n>]
                                          the next hint for an exercise (or hints 1 to n); without
                                          an exercise, for the one your last check says is next
              grade <submissions> [--topic <t>] [--out <dir>] [--timeout <s>]
                                          (instructors) grade a folder of submissions, one folder
                                          each: gradebook.csv/json, report.html, results.json each
              doctor                      is this machine ready? JDK, Maven, fixtures, keys (masked)
              benchmark [events] [runs]   how closely the timed stream replay keeps the recorded pace
              sync-stubs [<topic>]        (course maintainers) regenerate exercises/ from solutions/
              help                        this text

            Topics answer to their folder name or short name: 01-auth, auth, 1.
            """;

    private final Repository repository;
    private final PrintStream out;
    private final PrintStream err;

    Workbook(Repository repository, PrintStream out, PrintStream err) {
        this.repository = repository;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command and returns the exit code: 0 done, 1 tests failed, 2 a usage problem. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return new Workbook(Repository.locate(), out, err).dispatch(args);
        } catch (UsageException e) {
            err.println("workbook: " + e.getMessage());
            return 2;
        }
    }

    int dispatch(String[] args) {
        String command = args.length == 0 ? "list" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        return switch (command) {
            case "list" -> list();
            case "lesson" -> lesson(rest);
            case "check" -> check(rest);
            case "hint" -> hint(rest);
            case "grade" -> grade(rest);
            case "doctor" -> new Doctor(repository, dev.aiworkbook.harness.lesson.LiveKeys.fromEnvironment(), out).run() ? 0 : 1;
            case "sync-stubs" -> syncStubs(rest);
            case "benchmark" -> benchmark(rest);
            case "help", "--help", "-h" -> {
                out.print(USAGE);
                yield 0;
            }
            default -> throw new UsageException("unknown command '" + command + "'.\n" + USAGE);
        };
    }

    private int list() {
        out.println("AI API Workbook: nine topics, each a lesson and graded exercises.");
        for (String topic : Topics.ALL) {
            if (!repository.hasExercises(topic)) {
                out.printf("  %-22s (coming later)%n", topic);
                continue;
            }
            List<Path> tests = repository.testFiles(topic);
            int points = tests.stream().mapToInt(Repository::pointsIn).sum();
            long exercises = tests.stream().map(Repository::exerciseNumber).distinct().count();
            out.printf("  %-22s %d exercises, %d points%s%n", topic, exercises, points, progress(topic));
            for (Path test : tests) {
                String name = Repository.exerciseName(test);
                out.printf("      %-66s %3d points  (%s/%s)%n", Repository.exerciseTitle(test), Repository.pointsIn(test),
                        Topics.shortName(topic), name);
            }
        }
        out.println("Run a lesson: ./workbook lesson auth    Check your work: ./workbook check auth (or one exercise: auth/ApiKey)");
        return 0;
    }

    /** The score of the last check, if one ran. */
    private String progress(String topic) {
        Path results = repository.exercises(topic).resolve(CheckCommand.RESULTS);
        if (!Files.isRegularFile(results)) {
            return "; not checked yet";
        }
        try {
            List<TestOutcome> outcomes = Results.read(results);
            return "; last check: " + outcomes.stream().mapToInt(TestOutcome::earned).sum() + " earned";
        } catch (IOException e) {
            return "";
        }
    }

    private int lesson(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("which lesson? e.g. ./workbook lesson auth");
        }
        String topic = topic(args.get(0));
        Path module = repository.lesson(topic);
        Path properties = module.resolve("lesson.properties");
        if (!Files.isRegularFile(properties)) {
            throw new UsageException("the lesson for " + topic + " is not written yet.");
        }
        List<Path> classpath = new ArrayList<>();
        classpath.add(module.resolve("target/classes"));
        classpath.addAll(new ModuleBuild(repository, err).classpath(module, "lesson.classpath", true));
        List<String> command = new ArrayList<>(List.of(TestRunner.javaExecutable(), "-cp",
                String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                mainClass(properties)));
        command.addAll(args.subList(1, args.size()));
        return runInherited(command);
    }

    private int runInherited(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(repository.root().toFile()).inheritIO().start();
            return process.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private static String mainClass(Path properties) {
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String main = values.getProperty("main");
        if (main == null || main.isBlank()) {
            throw new UsageException(properties + " names no main class (main=...).");
        }
        return main.trim();
    }

    private int check(List<String> args) {
        CheckCommand checker = new CheckCommand(repository, new ModuleBuild(repository, err), out);
        if (args.isEmpty()) {
            boolean allPassed = true;
            for (String topic : Topics.ALL) {
                if (repository.hasExercises(topic)) {
                    allPassed &= checker.check(topic, null);
                }
            }
            return allPassed ? 0 : 1;
        }
        String[] parts = args.get(0).split("/", 2);
        String topic = topic(parts[0]);
        if (!repository.hasExercises(topic)) {
            throw new UsageException("the exercises for " + topic + " are not written yet.");
        }
        return checker.check(topic, parts.length > 1 ? parts[1] : null) ? 0 : 1;
    }

    private int benchmark(List<String> args) {
        try {
            int events = args.isEmpty() ? 80 : Integer.parseInt(args.get(0));
            int runs = args.size() < 2 ? 3 : Integer.parseInt(args.get(1));
            return PaceBenchmark.run(events, runs, out) ? 0 : 1;
        } catch (NumberFormatException e) {
            throw new UsageException("benchmark takes numbers: ./workbook benchmark [events] [runs]");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int grade(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("which folder? e.g. ./workbook grade submissions/ (one folder per student, each a copy"
                    + " of the workbook or of its exercises/<topic> folders)");
        }
        Path submissions = Path.of(args.get(0));
        Path outDir = Path.of("grades");
        List<String> topics = new ArrayList<>();
        long timeout = 300;
        for (int i = 1; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new UsageException(option + " needs a value");
            }
            String value = args.get(++i);
            switch (option) {
                case "--out" -> outDir = Path.of(value);
                case "--topic" -> topics.add(topic(value));
                case "--timeout" -> timeout = Long.parseLong(value);
                default -> throw new UsageException("unknown option " + option + " for grade");
            }
        }
        if (topics.isEmpty()) {
            Topics.ALL.stream().filter(repository::hasExercises).forEach(topics::add);
        }
        ModuleBuild build = new ModuleBuild(repository, err);
        Map<String, List<Path>> classpaths = new java.util.HashMap<>();
        out.println("Grading " + submissions + " on " + String.join(", ", topics) + ":");
        List<GradeCommand.SubmissionGrade> grades = new GradeCommand(repository,
                topic -> classpaths.computeIfAbsent(topic, t -> build.classpath(repository.exercises(t), "test.classpath", false)),
                List.of(), timeout, out).grade(submissions, topics, outDir);
        out.println("Wrote " + outDir.resolve("gradebook.csv") + ", gradebook.json, report.html"
                + " and a results.json per submission (" + grades.size() + " graded).");
        return 0;
    }

    private int hint(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("which exercise? e.g. ./workbook hint auth/KeyLoader (or ./workbook hint auth for the next one)");
        }
        String[] parts = args.get(0).split("/", 2);
        String topic = topic(parts[0]);
        if (!repository.hasExercises(topic)) {
            throw new UsageException("the exercises for " + topic + " are not written yet.");
        }
        String exercise = parts.length > 1 ? repository.exerciseName(topic, parts[1]) : nextExercise(topic);
        Path file = repository.exercises(topic).resolve("hints").resolve(exercise + ".md");
        if (!Files.isRegularFile(file)) {
            throw new UsageException("there are no hints for " + topic + "/" + exercise + " yet: its stub's Javadoc says what to build.");
        }
        Hints hints = Hints.read(file);
        Path module = repository.exercises(topic);
        boolean stepping = args.size() < 2;
        int level = stepping ? Math.min(Hints.seen(module, exercise) + 1, hints.steps().size()) : parseLevel(args.get(1), hints);
        if (stepping) {
            Hints.remember(module, exercise, level);
        }
        out.println(hints.title());
        for (int i = 0; i < level; i++) {
            out.println();
            out.println("Hint " + (i + 1) + " of " + hints.steps().size() + ":");
            hints.steps().get(i).lines().forEach(line -> out.println("  " + line));
        }
        out.println();
        out.println(level < hints.steps().size()
                ? "Still stuck? ./workbook hint " + Topics.shortName(topic) + "/" + exercise + " shows the next one."
                : "That was the last hint. Check your work with ./workbook check " + Topics.shortName(topic) + "/" + exercise + ".");
        return 0;
    }

    private static int parseLevel(String text, Hints hints) {
        try {
            int level = Integer.parseInt(text);
            if (level < 1 || level > hints.steps().size()) {
                throw new UsageException("there are hints 1 to " + hints.steps().size() + ", not " + text + ".");
            }
            return level;
        } catch (NumberFormatException e) {
            throw new UsageException("the hint level is a number, 1 to " + hints.steps().size() + ", not " + text + ".");
        }
    }

    /** The first exercise, in course order, that the last check did not see pass (the first one without a check). */
    private String nextExercise(String topic) {
        Path results = repository.exercises(topic).resolve(CheckCommand.RESULTS);
        List<TestOutcome> outcomes;
        try {
            outcomes = Files.isRegularFile(results) ? Results.read(results) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path test : repository.testFiles(topic)) {
            String className = repository.className(topic, test);
            List<TestOutcome> own = outcomes.stream().filter(o -> o.exerciseClass().equals(className)).toList();
            if (own.isEmpty() || !own.stream().allMatch(TestOutcome::passed)) {
                return Repository.exerciseName(test);
            }
        }
        throw new UsageException("your last check passed every exercise of " + topic + ": no hint needed!");
    }

    private int syncStubs(List<String> args) {
        List<String> topics = args.isEmpty() ? Topics.ALL : List.of(topic(args.get(0)));
        for (String topic : topics) {
            Path solutions = repository.solutions(topic).resolve("src/main/java");
            if (Files.isDirectory(solutions)) {
                try {
                    StubGenerator.write(solutions, repository.exercises(topic).resolve("src/main/java"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                out.println("Regenerated the stubs of " + topic + " from its solutions.");
            }
        }
        return 0;
    }

    private static String topic(String typed) {
        return Topics.resolve(typed).orElseThrow(() -> new UsageException(
                "unknown topic '" + typed + "'. Topics: " + String.join(", ", Topics.ALL)
                        + " (or their short names: auth, completions, streaming, ...)."));
    }
}

package dev.aiworkbook.jbang;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The demos in jbang-scripts/, and running one the way a teacher does: through jbang-scripts/jbang. */
final class Demos {

    /** Surefire runs the tests in the module folder, jbang-scripts/. */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = MODULE.getParent();
    static final Path LAUNCHER = MODULE.resolve("jbang");

    /** Generous: a first run on a fresh machine resolves jbang and every dependency through Maven. */
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** Keys a demo would use live; the tests run without them, so nothing can go live by accident. */
    static final List<String> KEY_VARIABLES = List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY");

    private Demos() {
    }

    static boolean onWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    /** Every {@code *.java} file directly in jbang-scripts/, sorted. */
    static List<Path> all() throws IOException {
        try (Stream<Path> files = Files.list(MODULE)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".java") && Files.isRegularFile(file))
                    .sorted()
                    .toList();
        }
    }

    /** What a finished run printed, and how it ended. */
    record Run(String command, int exitCode, String stdout, String stderr, Duration took) {
        /** Everything a failure message needs to explain itself. */
        String describe() {
            return "`" + command + "` exited with " + exitCode + " after " + took.toMillis() + " ms\n"
                    + "--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        }
    }

    /**
     * Runs {@code bash jbang-scripts/jbang <args>} in {@code workingDir} with no API keys in its
     * environment. Output goes to files under target/demo-runs/ (no pipe can fill up and block), and a
     * run that outlives {@link #TIMEOUT} is killed with everything it started, its output in the
     * failure.
     */
    static Run run(Path workingDir, String label, String... args) throws IOException, InterruptedException {
        Path logs = Files.createDirectories(MODULE.resolve("target").resolve("demo-runs"));
        Path out = logs.resolve(label + ".out");
        Path err = logs.resolve(label + ".err");

        List<String> command = Stream.concat(Stream.of("bash", LAUNCHER.toString()), Stream.of(args)).toList();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        KEY_VARIABLES.forEach(builder.environment()::remove);
        // jbang and the launcher use the JDK running this build (17+, checked by the enforcer)...
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // ...and jbang keeps its compiled demos under target/. Dependencies still come from ~/.m2,
        // so a clean build costs one compile per demo (about 2 s), not a download.
        builder.environment().put("JBANG_DIR", MODULE.resolve("target").resolve("jbang").toString());

        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Run run = new Run(String.join(" ", command), finished ? process.exitValue() : -1,
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), took);
        if (!finished) {
            throw new AssertionError("Timed out after " + TIMEOUT.toSeconds() + " s and was killed: " + run.describe());
        }
        return run;
    }
}

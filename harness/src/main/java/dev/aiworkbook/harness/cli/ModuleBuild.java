package dev.aiworkbook.harness.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes sure a module of the workbook is built before the command uses it, running Maven when it
 * is not (the first run, or after a {@code mvn clean} or an edit to a lesson or a pom).
 */
final class ModuleBuild {

    private static final String STAMP = ".workbook-built";

    private final Repository repository;
    private final PrintStream err;

    ModuleBuild(Repository repository, PrintStream err) {
        this.repository = repository;
        this.err = err;
    }

    /**
     * The module's classpath entries (from {@code target/<classpathFile>}), building the module first
     * if the file is missing, lists a jar that is gone, a pom changed, or (when asked) the module's
     * sources changed since the last build. A learner's exercise sources never need Maven: the
     * check command compiles them itself.
     */
    List<Path> classpath(Path module, String classpathFile, boolean rebuildOnSourceChange) {
        Path file = module.resolve("target").resolve(classpathFile);
        if (!isFresh(module, file, rebuildOnSourceChange)) {
            build(module);
        }
        if (!Files.isRegularFile(file)) {
            throw new UsageException("Maven built " + relative(module) + " but left no target/" + classpathFile + ".");
        }
        return read(file);
    }

    private boolean isFresh(Path module, Path classpathFile, boolean rebuildOnSourceChange) {
        Path stamp = module.resolve("target").resolve(STAMP);
        if (!Files.isRegularFile(classpathFile) || !Files.isRegularFile(stamp)) {
            return false;
        }
        if (!read(classpathFile).stream().allMatch(Files::exists)) {
            return false;
        }
        FileTime built = modified(stamp);
        return newest(module.resolve("pom.xml")).compareTo(built) <= 0
                && newest(repository.root().resolve("pom.xml")).compareTo(built) <= 0
                && (!rebuildOnSourceChange || newest(module.resolve("src/main")).compareTo(built) <= 0);
    }

    private void build(Path module) {
        String name = relative(module);
        err.println("Building " + name + " with Maven (first run, or something changed; the very first run downloads"
                + " dependencies and can take a few minutes)...");
        List<String> command = new ArrayList<>(List.of(maven(), "-q", "-B", "-Dstyle.color=never", "-Dmaven.test.skip=true", "-Dworkbook.skipAudit",
                "-pl", name, "-am", "package"));
        String extra = System.getenv("WORKBOOK_MAVEN_ARGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(1, Arrays.asList(extra.trim().split("\\s+")));
        }
        try {
            // Maven's own output goes to a log, shown only when the build fails.
            Path log = Files.createTempFile("workbook-build", ".log");
            Process process = new ProcessBuilder(command).directory(repository.root().toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (process.waitFor() != 0) {
                List<String> lines = Files.readAllLines(log);
                lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(err::println);
                throw new UsageException("Maven could not build " + name + " (its output is above, all of it in " + log + "). "
                        + "Check that `mvn -v` works and shows Java 17 or newer.");
            }
            Files.deleteIfExists(log);
            Files.writeString(module.resolve("target").resolve(STAMP), "built by the workbook command\n");
        } catch (IOException e) {
            throw new UsageException("Could not run Maven (" + command.get(0) + "): " + e.getMessage()
                    + ". Install Maven 3.8 or newer and put it on the PATH.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("Interrupted while building " + name);
        }
    }

    static String maven() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows") ? "mvn.cmd" : "mvn";
    }

    private String relative(Path module) {
        return repository.root().relativize(module).toString().replace('\\', '/');
    }

    static List<Path> read(Path classpathFile) {
        try {
            String text = Files.readString(classpathFile).trim();
            return text.isEmpty() ? List.of() : Arrays.stream(text.split(File.pathSeparator)).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime newest(Path path) {
        if (!Files.exists(path)) {
            return FileTime.fromMillis(0);
        }
        try (Stream<Path> files = Files.walk(path)) {
            return files.filter(Files::isRegularFile).map(ModuleBuild::modified).max(FileTime::compareTo).orElse(FileTime.fromMillis(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

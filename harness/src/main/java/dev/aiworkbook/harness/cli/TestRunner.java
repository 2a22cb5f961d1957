package dev.aiworkbook.harness.cli;

import dev.aiworkbook.harness.grading.GradeListener;
import dev.aiworkbook.harness.grading.RunTests;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles exercise sources with the graded tests and runs them in a JVM of their own. */
final class TestRunner {

    /** A compiler error: the file, the line and the message. */
    record CompileError(Path file, long line, String message) {
    }

    private TestRunner() {
    }

    /** Compiles every {@code .java} file under the roots into a fresh {@code classes} folder; the errors, empty when it compiled. */
    static List<CompileError> compile(List<Path> sourceRoots, List<Path> classpath, Path classes) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new UsageException("This Java has no compiler: run the workbook with a JDK 17+, not a JRE.");
        }
        recreate(classes);
        List<Path> sources = new ArrayList<>();
        sourceRoots.forEach(root -> sources.addAll(javaFiles(root)));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-g", "-encoding", "UTF-8",
                    "-classpath", join(classpath), "-d", classes.toString());
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            List<CompileError> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> new CompileError(d.getSource() == null ? null : Path.of(d.getSource().toUri()),
                            d.getLineNumber(), d.getMessage(Locale.ROOT)))
                    .toList();
            return ok ? List.of() : errors.isEmpty() ? List.of(new CompileError(null, 0, "compilation failed")) : errors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs the test classes in a new JVM, its output in {@code log}, its results in {@code results};
     * true when it finished within the time limit (a JVM that did not is stopped).
     */
    static boolean run(List<String> testClasses, List<Path> classpath, Path workingDir, Path results, Path log,
                       long timeoutSeconds) {
        return run(testClasses, classpath, List.of(), workingDir, results, log, timeoutSeconds);
    }

    /** The same, with extra options for the test JVM ({@code -Djunit.jupiter.execution.timeout.default=2 s}). */
    static boolean run(List<String> testClasses, List<Path> classpath, List<String> jvmOptions, Path workingDir,
                       Path results, Path log, long timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-cp", join(classpath)));
        command.addAll(jvmOptions);
        command.addAll(List.of("-D" + GradeListener.RESULTS_PROPERTY + "=" + results, RunTests.class.getName()));
        command.addAll(testClasses);
        try {
            Files.deleteIfExists(results);
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                return true;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String join(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return new ArrayList<>(files.filter(file -> file.toString().endsWith(".java")).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void recreate(Path dir) {
        deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.aiworkbook.harness.cli;

import dev.aiworkbook.harness.lesson.LessonProvider;
import dev.aiworkbook.harness.lesson.LiveKeys;
import dev.aiworkbook.harness.replay.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;

/**
 * {@code ./workbook doctor}: is this machine ready? The JDK and its compiler, Maven, the replay
 * fixtures, and which keys a {@code --live} run would find (shown masked, never whole).
 */
final class Doctor {

    private final Repository repository;
    private final LiveKeys keys;
    private final PrintStream out;

    Doctor(Repository repository, LiveKeys keys, PrintStream out) {
        this.repository = repository;
        this.keys = keys;
        this.out = out;
    }

    /** Prints the checks; true when everything the workbook needs (not the keys) is there. */
    boolean run() {
        out.println("Workbook doctor");
        boolean ok = java() & compiler() & maven();
        fixtures();
        keys();
        out.println(ok ? "Ready: ./workbook lesson auth runs on replay, no key needed."
                : "Not ready: fix the lines marked PROBLEM above.");
        return ok;
    }

    private boolean java() {
        int feature = Runtime.version().feature();
        return line("Java", Runtime.version() + " (" + System.getProperty("java.home") + ")", feature >= 17,
                "the workbook needs Java 17 or newer");
    }

    private boolean compiler() {
        return line("Compiler", ToolProvider.getSystemJavaCompiler() != null ? "javac available" : "none",
                ToolProvider.getSystemJavaCompiler() != null, "this is a JRE; install a JDK 17+ (./workbook check compiles your code)");
    }

    private boolean maven() {
        Optional<String> version = mavenVersion();
        boolean ok = version.map(Doctor::atLeast38).orElse(false);
        return line("Maven", version.orElse("not found on the PATH"), ok, "install Maven 3.8 or newer and put mvn on the PATH");
    }

    private void fixtures() {
        List<String> found = Topics.ALL.stream().filter(repository::hasExercises)
                .filter(topic -> Files.isDirectory(repository.root().resolve("fixtures").resolve(topic).resolve("mappings"))).toList();
        line("Replay", "fixtures for " + (found.isEmpty() ? "no topic" : String.join(", ", found)), !found.isEmpty(),
                "fixtures/ is missing: is this a whole checkout?");
    }

    private void keys() {
        out.println("  Keys (only --live reads them; the replay needs none):");
        for (LessonProvider provider : LessonProvider.values()) {
            for (String variable : provider.keyVariables()) {
                Optional<String> value = keys.find(variable);
                out.printf("    %-18s %s%n", variable, value.map(v -> "set in " + keys.whereIs(variable).orElse("?") + ": " + mask(v))
                        .orElse("not set"));
            }
        }
    }

    private boolean line(String what, String detail, boolean ok, String fix) {
        out.printf("  %-9s %s%s%n", what, detail, ok ? "" : "   PROBLEM: " + fix);
        return ok;
    }

    /** Enough to tell keys apart, never enough to use one. */
    static String mask(String key) {
        return key.length() < 16 ? "**** (" + key.length() + " characters)"
                : key.substring(0, 4) + "…" + key.substring(key.length() - 4) + " (" + key.length() + " characters)";
    }

    static boolean atLeast38(String version) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)").matcher(version);
        if (!matcher.find()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major > 3 || major == 3 && minor >= 8;
    }

    private static Optional<String> mavenVersion() {
        try {
            Process process = new ProcessBuilder(ModuleBuild.maven(), "-v", "-B", "-Dstyle.color=never").redirectErrorStream(true).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().map(line -> line.replaceAll("\u001B\\[[0-9;]*m", "").trim())
                    .filter(line -> line.startsWith("Apache Maven")).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

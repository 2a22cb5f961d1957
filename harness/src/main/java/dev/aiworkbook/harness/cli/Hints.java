package dev.aiworkbook.harness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * An exercise's hints, in steps: a nudge, a pointer into the lesson or the docs, then nearly the
 * answer. They live in {@code exercises/<topic>/hints/<Exercise>.md} as {@code ## Hint 1} ...
 * sections; {@code ./workbook hint} shows one more each time it is asked.
 */
record Hints(String title, List<String> steps) {

    static final String SEEN_FILE = "target/workbook-check/hints-seen.properties";

    /** Reads a hints file; fails with the file's name when it has no {@code ## Hint} section. */
    static Hints read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String title = text.lines().filter(line -> line.startsWith("# ")).findFirst()
                .map(line -> line.substring(2).trim()).orElse(file.getFileName().toString());
        List<String> steps = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("## Hint ")) {
                if (current != null) {
                    steps.add(current.toString().strip());
                }
                current = new StringBuilder();
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        if (current != null) {
            steps.add(current.toString().strip());
        }
        if (steps.isEmpty()) {
            throw new UsageException(file + " has no \"## Hint 1\" section.");
        }
        return new Hints(title, List.copyOf(steps));
    }

    /** How many hints of an exercise the learner has seen so far (kept under target/, per checkout). */
    static int seen(Path exercisesModule, String exercise) {
        return Integer.parseInt(load(exercisesModule).getProperty(exercise, "0"));
    }

    static void remember(Path exercisesModule, String exercise, int level) {
        Properties seen = load(exercisesModule);
        seen.setProperty(exercise, String.valueOf(level));
        Path file = exercisesModule.resolve(SEEN_FILE);
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                seen.store(out, "hints shown by ./workbook hint");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(Path exercisesModule) {
        Properties seen = new Properties();
        Path file = exercisesModule.resolve(SEEN_FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                seen.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return seen;
    }
}

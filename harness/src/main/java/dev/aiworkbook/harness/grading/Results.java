package dev.aiworkbook.harness.grading;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the results file that {@link GradeListener} leaves behind. */
public final class Results {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {
    }

    public static void write(Path file, List<TestOutcome> outcomes) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Write beside, then move: a reader (or a killed run) never sees half a file.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        JSON.writeValue(partial.toFile(), Map.of("tests", outcomes));
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    public static List<TestOutcome> read(Path file) throws IOException {
        Map<String, List<TestOutcome>> root = JSON.readValue(file.toFile(), new TypeReference<>() {
        });
        return root.getOrDefault("tests", List.of());
    }

    /** Outcomes grouped by test class (one exercise each), in the order they ran. */
    public static Map<String, List<TestOutcome>> byExercise(List<TestOutcome> outcomes) {
        Map<String, List<TestOutcome>> grouped = new LinkedHashMap<>();
        for (TestOutcome outcome : outcomes) {
            grouped.computeIfAbsent(outcome.exerciseClass(), key -> new java.util.ArrayList<>()).add(outcome);
        }
        return grouped;
    }
}

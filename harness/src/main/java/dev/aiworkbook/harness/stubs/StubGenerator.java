package dev.aiworkbook.harness.stubs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Makes the learner's stubs from the solutions, so the two cannot drift apart.
 *
 * <p>A solution marks what the learner writes:
 * <pre>
 *     public ApiKey load(String name) {
 *         // &gt;&gt;&gt; solution
 *         String value = environment.get(name);
 *         ...
 *         // === stub
 *         // throw new UnsupportedOperationException("TODO: exercise 1");
 *         // &lt;&lt;&lt;
 *     }
 * </pre>
 * The stub keeps everything outside the markers, drops the solution lines, and un-comments the
 * lines between {@code // === stub} and {@code // <<<}. A file whose first line is
 * {@code // workbook: solution-only} is left out of the stubs.
 */
public final class StubGenerator {

    static final String BEGIN = "// >>> solution";
    static final String STUB = "// === stub";
    static final String END = "// <<<";
    static final String SOLUTION_ONLY = "// workbook: solution-only";

    private StubGenerator() {
    }

    /** The stub text of one solution file; fails with the line number on unbalanced markers. */
    public static String stubOf(String solution, String fileName) {
        List<String> out = new ArrayList<>();
        String state = "code";
        int lineNumber = 0;
        int regionStart = 0;
        for (String line : solution.split("\n", -1)) {
            lineNumber++;
            String trimmed = line.trim();
            if (trimmed.equals(BEGIN)) {
                requireState(state, "code", fileName, lineNumber, BEGIN);
                state = "solution";
                regionStart = lineNumber;
            } else if (trimmed.equals(STUB)) {
                requireState(state, "solution", fileName, lineNumber, STUB);
                state = "stub";
            } else if (trimmed.equals(END)) {
                if (state.equals("code")) {
                    throw new IllegalArgumentException(fileName + ":" + lineNumber + ": " + END + " without " + BEGIN);
                }
                state = "code";
            } else if (state.equals("code")) {
                out.add(line);
            } else if (state.equals("stub")) {
                out.add(uncomment(line, fileName, lineNumber));
            }
        }
        if (!state.equals("code")) {
            throw new IllegalArgumentException(fileName + ":" + regionStart + ": " + BEGIN + " is never closed by " + END);
        }
        return String.join("\n", out);
    }

    private static void requireState(String state, String expected, String fileName, int line, String marker) {
        if (!state.equals(expected)) {
            throw new IllegalArgumentException(fileName + ":" + line + ": unexpected " + marker);
        }
    }

    private static String uncomment(String line, String fileName, int lineNumber) {
        int slash = line.indexOf("//");
        if (slash < 0 || !line.substring(0, slash).isBlank()) {
            throw new IllegalArgumentException(fileName + ":" + lineNumber + ": stub lines must be comments: " + line);
        }
        String rest = line.substring(slash + 2);
        return line.substring(0, slash) + (rest.startsWith(" ") ? rest.substring(1) : rest);
    }

    /** Every stub file (relative path to text) generated from a solution source tree. */
    public static Map<String, String> generate(Path solutionRoot) throws IOException {
        Map<String, String> stubs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(solutionRoot)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                if (text.startsWith(SOLUTION_ONLY)) {
                    continue;
                }
                String relative = solutionRoot.relativize(file).toString().replace('\\', '/');
                stubs.put(relative, file.toString().endsWith(".java") ? stubOf(text, relative) : text);
            }
        }
        return stubs;
    }

    /** Writes the stubs into {@code stubRoot}, deleting stub files that no longer have a solution. */
    public static void write(Path solutionRoot, Path stubRoot) throws IOException {
        Map<String, String> stubs = generate(solutionRoot);
        if (Files.isDirectory(stubRoot)) {
            try (Stream<Path> existing = Files.walk(stubRoot)) {
                for (Path file : existing.filter(Files::isRegularFile).toList()) {
                    if (!stubs.containsKey(stubRoot.relativize(file).toString().replace('\\', '/'))) {
                        Files.delete(file);
                    }
                }
            }
        }
        for (Map.Entry<String, String> stub : stubs.entrySet()) {
            Path target = stubRoot.resolve(stub.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, stub.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** What differs between the committed stubs and the ones the solutions generate; empty if none. */
    public static List<String> differences(Path solutionRoot, Path stubRoot) throws IOException {
        Map<String, String> expected = generate(solutionRoot);
        Map<String, String> actual = new TreeMap<>();
        if (Files.isDirectory(stubRoot)) {
            try (Stream<Path> files = Files.walk(stubRoot)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    actual.put(stubRoot.relativize(file).toString().replace('\\', '/'),
                            Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        List<String> differences = new ArrayList<>();
        for (String name : expected.keySet()) {
            if (!actual.containsKey(name)) {
                differences.add(name + ": missing from the stubs");
            } else if (!actual.get(name).equals(expected.get(name))) {
                differences.add(name + ": differs from the stub its solution generates" + firstDifference(expected.get(name), actual.get(name)));
            }
        }
        for (String name : actual.keySet()) {
            if (!expected.containsKey(name)) {
                differences.add(name + ": has no solution file");
            }
        }
        return differences;
    }

    private static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "(end of file)";
            String g = i < got.length ? got[i] : "(end of file)";
            if (!w.equals(g)) {
                return " (line " + (i + 1) + ": expected \"" + w.trim() + "\", found \"" + g.trim() + "\")";
            }
        }
        return "";
    }
}

package dev.aiworkbook.harness.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where things live in a workbook checkout. */
record Repository(Path root) {

    private static final Pattern POINTS = Pattern.compile("@Points\\((\\d+)\\)");
    /** The class-level {@code @DisplayName("Exercise 3 · Title")} of a graded test class. */
    private static final Pattern EXERCISE_TITLE = Pattern.compile(
            "@DisplayName\\(\"(Exercise (\\d+)[^\"]*)\"\\)\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*class ");

    static Repository locate() {
        String configured = System.getProperty("workbook.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("harness")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return new Repository(dir);
            }
        }
        throw new UsageException("This is not inside a workbook checkout (no harness/ and pom.xml above " + start + ").");
    }

    Path lesson(String topic) {
        return root.resolve("lessons").resolve(topic);
    }

    Path exercises(String topic) {
        return root.resolve("exercises").resolve(topic);
    }

    Path solutions(String topic) {
        return root.resolve("solutions").resolve(topic);
    }

    boolean hasExercises(String topic) {
        return Files.isDirectory(exercises(topic).resolve("src/test/java"));
    }

    /** The graded test files of a topic ({@code *Test.java}), sorted. */
    List<Path> testFiles(String topic) {
        Path tests = exercises(topic).resolve("src/test/java");
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(tests)) {
            return files.filter(file -> file.getFileName().toString().endsWith("Test.java"))
                    .sorted(java.util.Comparator.comparingInt(Repository::exerciseNumber).thenComparing(Repository::exerciseTitle))
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An exercise's short name, from its test file: {@code KeyLoaderTest.java} gives {@code KeyLoader}. */
    static String exerciseName(Path testFile) {
        return testFile.getFileName().toString().replaceAll("Test\\.java$", "");
    }

    /** The exercise's title from its test class ("Exercise 3 · Each provider's auth headers"), or the file name. */
    static String exerciseTitle(Path testFile) {
        Matcher matcher = EXERCISE_TITLE.matcher(read(testFile));
        return matcher.find() ? matcher.group(1) : exerciseName(testFile);
    }

    /** The exercise's number from its title, for ordering; exercises without one come last. */
    static int exerciseNumber(Path testFile) {
        Matcher matcher = EXERCISE_TITLE.matcher(read(testFile));
        return matcher.find() ? Integer.parseInt(matcher.group(2)) : Integer.MAX_VALUE;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The points a test file's graded tests add up to, read from its {@code @Points} annotations. */
    static int pointsIn(Path testFile) {
        try {
            Matcher matcher = POINTS.matcher(Files.readString(testFile));
            int total = 0;
            while (matcher.find()) {
                total += Integer.parseInt(matcher.group(1));
            }
            return total;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code src/test/java/dev/x/FooTest.java} gives {@code dev.x.FooTest}. */
    String className(String topic, Path testFile) {
        Path relative = exercises(topic).resolve("src/test/java").relativize(testFile);
        String name = relative.toString().replace('\\', '/').replace('/', '.');
        return name.substring(0, name.length() - ".java".length());
    }

    /** An exercise's name as its test class spells it ({@code keyloader} gives {@code KeyLoader}). */
    String exerciseName(String topic, String typed) {
        String wanted = typed.toLowerCase(java.util.Locale.ROOT).replaceAll("test$", "");
        List<String> names = testFiles(topic).stream()
                .map(Repository::exerciseName).toList();
        return names.stream().filter(name -> name.toLowerCase(java.util.Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new UsageException("No exercise '" + typed + "' in " + topic + ". Its exercises: "
                        + String.join(", ", names)));
    }

    /** The stub the learner edits for a test class: {@code FooTest} gives {@code src/main/java/.../Foo.java}. */
    Path stubFor(String topic, String testClassName) {
        String stub = testClassName.substring(0, testClassName.length() - "Test".length()).replace('.', '/') + ".java";
        return exercises(topic).resolve("src/main/java").resolve(stub);
    }
}

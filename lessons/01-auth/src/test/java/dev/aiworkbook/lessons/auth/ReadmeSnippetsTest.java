package dev.aiworkbook.lessons.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's listings are the code that runs. A listing between
 * {@code <!-- include: AuthLesson.java#name -->} and {@code <!-- end include -->} must equal the
 * lines between {@code // tag::name[]} and {@code // end::name[]} in that source file (common
 * indentation removed), and a listing between {@code <!-- fixture: 01-auth/__files/x.json -->} and
 * {@code <!-- end fixture -->} must equal that fixture file byte for byte.
 */
@DisplayName("The lesson README")
class ReadmeSnippetsTest {

    private static final Path README = Path.of("README.md");
    private static final Path SOURCES = Path.of("src/main/java/dev/aiworkbook/lessons/auth");

    private static final Pattern INCLUDE = Pattern.compile(
            "<!-- include: (\\S+?)#(\\S+?) -->\\n```java\\n(.*?)```\\n<!-- end include -->", Pattern.DOTALL);
    private static final Pattern FIXTURE = Pattern.compile(
            "<!-- fixture: (\\S+?) -->\\n```json\\n(.*?)```\\n<!-- end fixture -->", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("^\\s*// (?:tag|end)::([\\w-]+)\\[]\\s*$");

    @Test
    @DisplayName("shows every tagged region exactly as it is in the source")
    void snippetsMatchTheSource() throws IOException {
        String readme = Files.readString(README);
        Matcher include = INCLUDE.matcher(readme);
        int found = 0;
        List<String> differences = new ArrayList<>();
        while (include.find()) {
            found++;
            String file = include.group(1);
            String tag = include.group(2);
            String expected = region(file, tag);
            String actual = include.group(3);
            if (!expected.equals(actual)) {
                differences.add("README listing " + file + "#" + tag + " differs from the source.\n"
                        + "--- in " + SOURCES.resolve(file) + " (what runs):\n" + expected
                        + "--- in README.md:\n" + actual);
            }
        }
        assertThat(found).as("number of <!-- include: ... --> listings in README.md").isPositive();
        assertThat(countOf(readme, "<!-- include:")).as("every <!-- include: --> needs a ```java block and an <!-- end include -->")
                .isEqualTo(found);
        assertThat(differences).as("copy the source region into README.md").isEmpty();
    }

    @Test
    @DisplayName("includes every tagged region of the lesson somewhere")
    void everyTagIsShown() throws IOException {
        String readme = Files.readString(README);
        Set<String> included = new TreeSet<>();
        Matcher include = INCLUDE.matcher(readme);
        while (include.find()) {
            included.add(include.group(1) + "#" + include.group(2));
        }
        Set<String> tagged = new TreeSet<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    Matcher tag = TAG.matcher(line);
                    if (tag.matches() && line.contains("// tag::")) {
                        tagged.add(file.getFileName() + "#" + tag.group(1));
                    }
                }
            }
        }
        assertThat(included).as("tagged regions the README shows").containsExactlyInAnyOrderElementsOf(tagged);
    }

    @Test
    @DisplayName("shows the fixture bodies byte for byte")
    void fixtureBodiesMatch() throws IOException {
        String readme = Files.readString(README);
        Matcher fixture = FIXTURE.matcher(readme);
        int found = 0;
        while (fixture.find()) {
            found++;
            String resource = "fixtures/" + fixture.group(1);
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    fail("README.md shows " + resource + ", which is not on the classpath (renamed or removed?)");
                }
                String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(fixture.group(2)).as("README listing of %s", resource).isEqualTo(withFinalNewline(file));
            }
        }
        assertThat(found).as("number of <!-- fixture: ... --> listings").isPositive();
        assertThat(countOf(readme, "<!-- fixture:")).as("every <!-- fixture: --> needs a ```json block and an <!-- end fixture -->")
                .isEqualTo(found);
    }

    /** The lines between the tag markers, without nested markers, with the common indentation removed. */
    static String region(String file, String tag) throws IOException {
        Path source = SOURCES.resolve(file);
        if (!Files.isRegularFile(source)) {
            fail("README.md includes " + file + "#" + tag + ", but " + source + " does not exist");
        }
        List<String> lines = Files.readAllLines(source);
        int start = lines.indexOf(lines.stream().filter(l -> l.strip().equals("// tag::" + tag + "[]")).findFirst()
                .orElseThrow(() -> new AssertionError("no // tag::" + tag + "[] in " + source)));
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.strip().equals("// end::" + tag + "[]")) {
                return dedent(body);
            }
            if (!TAG.matcher(line).matches()) {
                body.add(line);
            }
        }
        throw new AssertionError("no // end::" + tag + "[] after its tag in " + source);
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String withFinalNewline(String text) {
        return text.endsWith("\n") ? text : text + "\n";
    }

    private static int countOf(String text, String marker) {
        int count = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
            count++;
        }
        return count;
    }
}

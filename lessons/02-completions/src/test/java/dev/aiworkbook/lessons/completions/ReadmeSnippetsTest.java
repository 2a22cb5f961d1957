package dev.aiworkbook.lessons.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * {@code <!-- include: CompletionsLesson.java#name -->} and {@code <!-- end include -->} must equal the
 * lines between {@code // tag::name[]} and {@code // end::name[]} in that source file (common
 * indentation removed), and a listing between {@code <!-- fixture: 02-completions/__files/x.json -->} and
 * {@code <!-- end fixture -->} must equal that fixture file byte for byte. The response headers
 * between {@code <!-- response headers: 02-completions/mappings/x.json -->} and
 * {@code <!-- end response headers -->} are that mapping's status and headers, and each request in
 * "The wire" is the body the lesson sends, with its Content-Length.
 */
@DisplayName("The lesson README")
class ReadmeSnippetsTest {

    private static final Path README = Path.of("README.md");
    private static final Path SOURCES = Path.of("src/main/java/dev/aiworkbook/lessons/completions");

    private static final Pattern INCLUDE = Pattern.compile(
            "<!-- include: (\\S+?)#(\\S+?) -->\\n```java\\n(.*?)```\\n<!-- end include -->", Pattern.DOTALL);
    private static final Pattern FIXTURE = Pattern.compile(
            "<!-- fixture: (\\S+?) -->\\n```json\\n(.*?)```\\n<!-- end fixture -->", Pattern.DOTALL);
    private static final Pattern RESPONSE_HEADERS = Pattern.compile(
            "<!-- response headers: (\\S+?) -->\\n```http\\n(.*?)```\\n<!-- end response headers -->", Pattern.DOTALL);
    /** A request listing in The wire: the request line, its Content-Length, a blank line, the body. */
    private static final Pattern REQUEST = Pattern.compile(
            "```http\\nPOST (\\S+) HTTP/1\\.1\\n(?:.+\\n)*?Content-Length: (\\d+)\\n(?:.+\\n)*\\n(.+)\\n```");
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

    @Test
    @DisplayName("shows the fixtures' response headers as the mappings declare them")
    void responseHeadersMatch() throws IOException {
        String readme = Files.readString(README);
        Matcher headers = RESPONSE_HEADERS.matcher(readme);
        int found = 0;
        while (headers.find()) {
            found++;
            String resource = "fixtures/" + headers.group(1);
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    fail("README.md shows the headers of " + resource + ", which is not on the classpath");
                }
                JsonNode response = Json.MAPPER.readTree(in).path("response");
                StringBuilder expected = new StringBuilder("HTTP/1.1 " + response.path("status").asInt() + " OK\n");
                for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
                    expected.append(header.getKey()).append(": ").append(header.getValue().asText()).append('\n');
                }
                assertThat(headers.group(2)).as("README response headers of %s", resource).isEqualTo(expected.toString());
            }
        }
        assertThat(found).as("number of <!-- response headers: ... --> listings").isEqualTo(CompletionsLesson.APIS.size());
    }

    @Test
    @DisplayName("shows, in The wire, exactly the request body the lesson sends to each API, and its length")
    void requestBodiesMatch() throws IOException {
        String readme = Files.readString(README);
        List<Turn> firstTurn = List.of(Turn.system(CompletionsLesson.SYSTEM), Turn.user(CompletionsLesson.QUESTION));
        Matcher request = REQUEST.matcher(readme);
        Set<String> shown = new TreeSet<>();
        while (request.find()) {
            String path = request.group(1);
            WireApi api = CompletionsLesson.APIS.stream().filter(candidate -> candidate.path().equals(path)).findFirst()
                    .orElseThrow(() -> new AssertionError("README.md shows a request to " + path + ", which no WireApi sends"));
            String sent = Json.compact(api.body(firstTurn));
            assertThat(request.group(3)).as("README request body for %s", path).isEqualTo(sent);
            assertThat(Integer.parseInt(request.group(2))).as("Content-Length shown for %s", path)
                    .isEqualTo(sent.getBytes(StandardCharsets.UTF_8).length);
            shown.add(api.title());
        }
        assertThat(shown).as("APIs whose request README.md shows").hasSize(CompletionsLesson.APIS.size());
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

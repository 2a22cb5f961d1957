package dev.aiworkbook.lessons.completions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.lesson.LessonReadme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's listings are the code that runs and the fixtures that answer (see {@link LessonReadme}),
 * and each request in "The wire" is the body the lesson sends, with its Content-Length.
 */
@DisplayName("The lesson README")
class ReadmeSnippetsTest {

    private static final LessonReadme README = LessonReadme.of(Path.of("README.md"),
            Path.of("src/main/java/dev/aiworkbook/lessons/completions"));
    /** A request listing in The wire: the request line, its Content-Length, a blank line, the body. */
    private static final Pattern REQUEST = Pattern.compile(
            "```http\\nPOST (\\S+) HTTP/1\\.1\\n(?:.+\\n)*?Content-Length: (\\d+)\\n(?:.+\\n)*\\n(.+)\\n```");

    @Test
    @DisplayName("shows every tagged region exactly as it is in the source")
    void snippetsMatchTheSource() {
        assertThat(README.snippetProblems()).as("copy the source region into README.md").isEmpty();
    }

    @Test
    @DisplayName("includes every tagged region of the lesson somewhere")
    void everyTagIsShown() {
        assertThat(README.regionsNotShown()).isEmpty();
    }

    @Test
    @DisplayName("shows the fixture bodies byte for byte")
    void fixtureBodiesMatch() {
        assertThat(README.count("<!-- fixture:")).as("fixture listings in README.md").isPositive();
        assertThat(README.fixtureProblems()).isEmpty();
    }

    @Test
    @DisplayName("shows the fixtures' response headers as the mappings declare them")
    void responseHeadersMatch() {
        assertThat(README.count("<!-- response headers:")).as("response header listings, one per API")
                .isEqualTo(CompletionsLesson.APIS.size());
        assertThat(README.responseHeaderProblems()).isEmpty();
    }

    @Test
    @DisplayName("shows, in The wire, exactly the request body the lesson sends to each API, and its length")
    void requestBodiesMatch() throws IOException {
        String readme = README.text();
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
}

package dev.aiworkbook.lessons.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.aiworkbook.harness.lesson.LessonReadme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's listings are the code that runs and the bytes the replay server sends. A listing
 * between {@code <!-- include: Dialect.java#name -->} and {@code <!-- end include -->} must equal the
 * lines between {@code // tag::name[]} and {@code // end::name[]} in that source file (common
 * indentation removed). A listing between {@code <!-- fixture: 03-streaming/__files/x.sse -->} and
 * {@code <!-- end fixture -->} must equal that fixture file byte for byte, except that CRLF is shown
 * as LF, and that a line {@code (… N more events …)} followed by a blank line stands for exactly N
 * events of the file left out there.
 */
@DisplayName("The lesson README")
class ReadmeSnippetsTest {

    private static final Path README = Path.of("README.md");
    private static final Path SOURCES = Path.of("src/main/java/dev/aiworkbook/lessons/streaming");

    private static final Pattern FIXTURE = Pattern.compile(
            "<!-- fixture: (\\S+?) -->\\n```(?:json|text)\\n(.*?)```\\n<!-- end fixture -->", Pattern.DOTALL);
    private static final Pattern ELISION = Pattern.compile("\\(… (\\d+) more events? …\\)\\n\\n");

    @Test
    @DisplayName("shows every tagged region exactly as it is in the source")
    void snippetsMatchTheSource() {
        assertThat(LessonReadme.of(README, SOURCES).snippetProblems()).as("copy the source region into README.md").isEmpty();
    }

    @Test
    @DisplayName("includes every tagged region of the lesson somewhere")
    void everyTagIsShown() {
        assertThat(LessonReadme.of(README, SOURCES).regionsNotShown()).isEmpty();
    }

    @Test
    @DisplayName("shows the fixture streams byte for byte, with each left-out stretch counted")
    void fixtureBodiesMatch() throws IOException {
        String readme = Files.readString(README);
        Matcher fixture = FIXTURE.matcher(readme);
        int found = 0;
        List<String> problems = new ArrayList<>();
        while (fixture.find()) {
            found++;
            String resource = "fixtures/" + fixture.group(1);
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    fail("README.md shows " + resource + ", which is not on the classpath (renamed or removed?)");
                }
                String file = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
                excerptProblem(fixture.group(2), withFinalNewline(file))
                        .ifPresent(problem -> problems.add("README listing of " + resource + ": " + problem));
            }
        }
        assertThat(found).as("number of <!-- fixture: ... --> listings").isPositive();
        assertThat(countOf(readme, "<!-- fixture:")).as("every <!-- fixture: --> needs a ```json or ```text block and an <!-- end fixture -->")
                .isEqualTo(found);
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("checks excerpts strictly: a changed byte or a wrong count of left-out events fails")
    void excerptCheckIsNotVacuous() {
        String file = "data: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\n";
        assertThat(excerptProblem(file, file)).isEmpty();
        assertThat(excerptProblem("data: 1\n\n(… 2 more events …)\n\ndata: 4\n\n", file)).isEmpty();
        assertThat(excerptProblem("data: 1\n\n(… 1 more event …)\n\ndata: 4\n\n", file)).isPresent();
        assertThat(excerptProblem("data: 1\n\n(… 2 more events …)\n\ndata: 5\n\n", file)).isPresent();
        assertThat(excerptProblem("data: 1\n\ndata: 2\n\n", file)).isPresent();
    }

    /** Empty when the listing is the file, with each elision standing for exactly its count of events. */
    static Optional<String> excerptProblem(String listing, String file) {
        List<String> parts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        Matcher elision = ELISION.matcher(listing);
        int from = 0;
        while (elision.find()) {
            parts.add(listing.substring(from, elision.start()));
            counts.add(Integer.parseInt(elision.group(1)));
            from = elision.end();
        }
        parts.add(listing.substring(from));
        if (!file.startsWith(parts.get(0))) {
            return Optional.of("its first lines are not how the file begins:\n" + parts.get(0));
        }
        int position = parts.get(0).length();
        for (int i = 1; i < parts.size(); i++) {
            boolean last = i == parts.size() - 1;
            int at = last ? file.length() - parts.get(i).length() : file.indexOf(parts.get(i), position);
            if (at < position || !file.startsWith(parts.get(i), at)) {
                return Optional.of("this part is not in the file " + (last ? "at its end" : "after the previous one")
                        + ":\n" + parts.get(i));
            }
            int leftOut = countOf(file.substring(position, at), "\n\n");
            if (leftOut != counts.get(i - 1)) {
                return Optional.of("an elision says " + counts.get(i - 1) + " events are left out, but " + leftOut
                        + " are, before:\n" + parts.get(i));
            }
            position = at + parts.get(i).length();
        }
        return position == file.length() ? Optional.empty()
                : Optional.of("the file goes on after the listing ends; end it with an elision line or the rest");
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

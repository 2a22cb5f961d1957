package dev.aiworkbook.lessons.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.lesson.LessonReadme;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's listings are the code that runs and the fixtures that answer (see {@link LessonReadme}). */
@DisplayName("The lesson README")
class ReadmeSnippetsTest {

    private static final LessonReadme README = LessonReadme.of(Path.of("README.md"),
            Path.of("src/main/java/dev/aiworkbook/lessons/auth"));

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
}

package dev.aiworkbook.harness.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LiveProvidersTest {

    private static KeySource keys(Map<String, String> variables) {
        return variable -> Optional.ofNullable(variables.get(variable));
    }

    @Test
    void findsEachProvidersKeyFromItsFirstSetVariable() {
        Map<LessonProvider, String> found = LiveProviders.findKeys(keys(Map.of(
                "ANTHROPIC_API_KEY", " a ", "GEMINI_API_KEY", "", "GOOGLE_API_KEY", "g")));
        assertThat(found).containsOnlyKeys(LessonProvider.ANTHROPIC, LessonProvider.GEMINI);
        assertThat(found.get(LessonProvider.ANTHROPIC)).isEqualTo("a");
        assertThat(found.get(LessonProvider.GEMINI)).as("a blank GEMINI_API_KEY falls through to GOOGLE_API_KEY").isEqualTo("g");
        assertThat(LiveProviders.liveBaseUrls(found)).containsEntry(LessonProvider.GEMINI, "https://generativelanguage.googleapis.com");
    }

    @Test
    void sayWhatIsMissingAndWhereToPutIt() {
        assertThat(LiveProviders.noKeysMessage()).contains("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY (or GOOGLE_API_KEY)", ".env");
        assertThat(LiveProviders.skipNote(LessonProvider.OPENAI)).isEqualTo("Skipping OpenAI: OPENAI_API_KEY is not set in the environment or in .env.");
    }
}

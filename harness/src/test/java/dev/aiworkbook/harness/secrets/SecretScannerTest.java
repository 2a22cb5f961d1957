package dev.aiworkbook.harness.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.lesson.ReplayKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretScannerTest {

    // Built at run time so this source file holds no key-shaped string itself.
    private static final String OPENAI_SHAPED = "sk-proj-" + "Ab3".repeat(16);
    private static final String ANTHROPIC_SHAPED = "sk-ant-api03-" + "xY9_".repeat(20);
    private static final String GOOGLE_SHAPED = "AIza" + "Q".repeat(35);

    @Test
    void findsEveryProviderKeyShapeAndSaysWhere(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("a.json"), "{\n\"k\": \"" + OPENAI_SHAPED + "\",\n\"g\": \"" + GOOGLE_SHAPED + "\"}");
        Files.writeString(folder.resolve("b.txt"), "x-api-key: " + ANTHROPIC_SHAPED);
        assertThat(SecretScanner.scan(folder)).extracting(SecretScanner.Finding::shape)
                .contains("OpenAI API key", "Google API key", "Anthropic API key");
        assertThat(SecretScanner.scan(folder)).allSatisfy(finding -> assertThat(finding.toString())
                .doesNotContain(OPENAI_SHAPED).doesNotContain(GOOGLE_SHAPED).doesNotContain(ANTHROPIC_SHAPED));
    }

    @Test
    void theCoursesReplayKeysAreNotSecrets() {
        assertThat(SecretScanner.findIn(ReplayKeys.OPENAI + " " + ReplayKeys.ANTHROPIC + " " + ReplayKeys.GEMINI)).isEmpty();
    }

    @Test
    void redactKeepsAPrefixAndHidesTheRest() {
        String redacted = SecretScanner.redact("Authorization: Bearer " + OPENAI_SHAPED);
        assertThat(redacted).doesNotContain(OPENAI_SHAPED).contains("[REDACTED");
    }
}

package dev.aiworkbook.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aiworkbook.harness.junit.Points;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Exercise 2 · Load keys: the environment first, then .env")
class KeyLoaderTest {

    private static final String VARIABLE = "OPENAI_API_KEY";

    @TempDir
    Path folder;

    private Path dotEnv(String... lines) throws IOException {
        return Files.write(folder.resolve(".env"), java.util.List.of(lines));
    }

    @Test
    @Points(2)
    @DisplayName("takes the key from the environment before .env")
    void environmentWins() throws IOException {
        KeyLoader loader = new KeyLoader(Map.of(VARIABLE, "from-the-environment"), dotEnv(VARIABLE + "=from-the-file"));
        assertThat(loader.load(VARIABLE).reveal()).isEqualTo("from-the-environment");
    }

    @Test
    @Points(2)
    @DisplayName("falls back on .env when the environment lacks the variable")
    void readsDotEnv() throws IOException {
        KeyLoader loader = new KeyLoader(Map.of("OTHER", "x"), dotEnv("ANTHROPIC_API_KEY=other", VARIABLE + "=from-the-file"));
        assertThat(loader.load(VARIABLE).reveal()).isEqualTo("from-the-file");
    }

    @Test
    @Points(3)
    @DisplayName("reads .env with comments, blank lines, export, quotes and inline comments")
    void parsesDotEnvSyntax() throws IOException {
        Path file = dotEnv(
                "# keys for local runs",
                "",
                "export OPENAI_API_KEY = \"quoted value\"",
                "ANTHROPIC_API_KEY='single quoted'",
                "GEMINI_API_KEY=plain-value # my test project",
                "BASE64_SECRET=abc==");
        KeyLoader loader = new KeyLoader(Map.of(), file);
        assertThat(loader.load("OPENAI_API_KEY").reveal()).isEqualTo("quoted value");
        assertThat(loader.load("ANTHROPIC_API_KEY").reveal()).isEqualTo("single quoted");
        assertThat(loader.load("GEMINI_API_KEY").reveal()).as("a trailing ' # comment' is not part of the value").isEqualTo("plain-value");
        assertThat(loader.load("BASE64_SECRET").reveal()).as("everything after the first '=' is the value").isEqualTo("abc==");
    }

    @Test
    @Points(2)
    @DisplayName("treats a blank environment value as missing and falls through to .env")
    void blankEnvironmentValueFallsThrough() throws IOException {
        KeyLoader loader = new KeyLoader(Map.of(VARIABLE, "  "), dotEnv(VARIABLE + "=from-the-file"));
        assertThat(loader.load(VARIABLE).reveal()).isEqualTo("from-the-file");
    }

    @Test
    @Points(3)
    @DisplayName("a missing key raises MissingKeyException naming the variable and the .env it tried")
    void missingKeyNamesTheVariable() throws IOException {
        Path file = dotEnv(VARIABLE + "=", "ANTHROPIC_API_KEY=sk-ant-course-example");
        MissingKeyException missing = catchThrowableOfType(MissingKeyException.class,
                () -> new KeyLoader(Map.of(), file).load(VARIABLE));
        assertThat(missing).as("load() should throw MissingKeyException").isNotNull();
        assertThat(missing.variable()).isEqualTo(VARIABLE);
        assertThat(missing.getMessage()).contains(VARIABLE).contains(".env")
                .as("the message must not show other keys from the file").doesNotContain("sk-ant-course-example");
    }

    @Test
    @Points(2)
    @DisplayName("no .env file at all is a missing key, not an I/O error")
    void noDotEnvFile() {
        KeyLoader loader = new KeyLoader(Map.of(), folder.resolve("does-not-exist.env"));
        assertThat(loader.find(VARIABLE)).isEmpty();
        MissingKeyException missing = catchThrowableOfType(MissingKeyException.class, () -> loader.load(VARIABLE));
        assertThat(missing).as("load() should throw MissingKeyException").isNotNull();
    }

    @Test
    @Points(1)
    @DisplayName("find() gives the key when there is one")
    void findGivesThePresentKey() {
        assertThat(new KeyLoader(Map.of(VARIABLE, "value"), folder.resolve(".env")).find(VARIABLE))
                .map(ApiKey::reveal).contains("value");
    }
}

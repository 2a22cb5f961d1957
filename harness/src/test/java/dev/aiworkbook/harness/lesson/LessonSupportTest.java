package dev.aiworkbook.harness.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonSupportTest {

    @Test
    void runModeReadsLiveAndSpeedAndKeepsTheRest() {
        RunMode mode = RunMode.parse("--live", "--speed", "0.5", "extra", "--speed=2");
        assertThat(mode.live()).isTrue();
        assertThat(mode.speed()).isEqualTo(2.0);
        assertThat(mode.rest()).containsExactly("extra");
        assertThat(RunMode.parse()).isEqualTo(new RunMode(false, 1.0, List.of()));
        assertThatThrownBy(() -> RunMode.parse("--speed", "fast")).hasMessageContaining("--speed takes a number");
    }

    @Test
    void liveKeysPreferTheEnvironmentThenTheNearestDotEnv(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(".env"), "# keys\nexport OPENAI_API_KEY=\"from-file\"\nGEMINI_API_KEY=g # note\n");
        Path below = Files.createDirectories(folder.resolve("lessons/01-auth"));
        LiveKeys keys = new LiveKeys(Map.of("ANTHROPIC_API_KEY", "from-env", "OPENAI_API_KEY", " "), below);
        assertThat(keys.find("ANTHROPIC_API_KEY")).contains("from-env");
        assertThat(keys.find("OPENAI_API_KEY")).as("a blank variable falls through to .env").contains("from-file");
        assertThat(keys.find("GEMINI_API_KEY")).contains("g");
        assertThat(keys.find("MISSING_KEY")).isEmpty();
    }

    @Test
    void aMissingLiveKeyNamesTheVariableAndHowToSetIt(@TempDir Path folder) {
        LiveKeys keys = new LiveKeys(Map.of(), folder);
        assertThatThrownBy(() -> keys.require("OPENAI_API_KEY"))
                .isInstanceOf(LiveKeys.MissingKeyException.class)
                .hasMessageStartingWith("OPENAI_API_KEY is not set.")
                .hasMessageContaining(".env");
    }
}

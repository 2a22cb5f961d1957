package dev.aiworkbook.lessons.completions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.lesson.ConsoleCapture;
import dev.aiworkbook.harness.lesson.LessonProvider;
import dev.aiworkbook.harness.lesson.KeySource;
import dev.aiworkbook.harness.lesson.LiveProviders;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.lesson.RunMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The completions lesson")
class CompletionsLessonTest {

    private static final List<String> API_TITLES = List.of(
            "Chat Completions", "Responses", "Anthropic Messages", "Gemini generateContent");

    @Nested
    @DisplayName("on the replay server")
    class OnReplay {

        private static int exitCode;
        private static String output;

        @BeforeAll
        static void runTheLessonOnce() {
            ConsoleCapture captured = new ConsoleCapture();
            exitCode = CompletionsLesson.run(RunMode.parse(), captured.outStream(), captured.errStream(), KeySource.of(Map.of()));
            output = captured.out() + captured.err();
        }

        @Test
        @DisplayName("exits 0")
        void exitsZero() {
            assertThat(exitCode).as("exit code; the output was:%n%s", output).isEqualTo(CompletionsLesson.EXIT_OK);
        }

        @Test
        @DisplayName("gets \"Paris.\" from all four APIs, then \"Rome.\" from all four")
        void showsAllEightAnswers() {
            for (String api : API_TITLES) {
                assertThat(output).as("output").contains(api + " answered \"Paris.\"", api + " answered \"Rome.\"");
            }
        }

        @Test
        @DisplayName("matches a fixture with every request, hand-written or SDK")
        void everyRequestMatched() {
            assertThat(output).doesNotContain("matched no fixture", "failed with HTTP", " failed:", "no answer (");
        }

        @Test
        @DisplayName("prints each request body, the follow-up with the history in each API's format")
        void showsTheBodies() {
            assertThat(output).contains(
                    "{\"role\":\"system\",\"content\":\"You are a concise geography tutor.\"}",
                    "\"instructions\": \"You are a concise geography tutor.\"",
                    "\"store\": false",
                    "\"max_tokens\": 64",
                    "\"system\": \"You are a concise geography tutor.\"",
                    "\"systemInstruction\": {\"parts\":[{\"text\":\"You are a concise geography tutor.\"}]}",
                    "{\"role\":\"assistant\",\"content\":\"Paris.\"}",
                    "{\"role\":\"model\",\"parts\":[{\"text\":\"Paris.\"}]}");
        }

        @Test
        @DisplayName("shows finish reasons and token usage side by side")
        void showsUsageSideBySide() {
            assertThat(output).containsPattern("stopped because +stop +completed +end_turn +STOP")
                    .containsPattern("  of them reasoning +0 +64 +not reported +27")
                    .containsPattern("turn 2 +40 +44 +37 +25");
        }

        @Test
        @DisplayName("shows the previous_response_id body with the first response's id, without sending it")
        void showsTheStatefulAlternative() {
            assertThat(output).contains(
                    "\"previous_response_id\": \"resp_0a4c123b1612dd27006b129dca2d1371c17149d439536b3216\"",
                    "Not sent here");
        }

        @Test
        @DisplayName("gets an answer through each official SDK, and shows what the SDK sent")
        void runsEachSdk() {
            assertThat(output).contains(
                    "openai-java, Chat Completions answered \"Paris.\"",
                    "openai-java, Responses answered \"Paris.\"",
                    "anthropic-java, Messages answered \"Paris.\"",
                    "google-genai, generateContent answered \"Paris.\"",
                    "it sent: POST /v1/models/gemini-2.5-flash:generateContent",
                    "anthropic-version: 2026-10-21");
        }

        @Test
        @DisplayName("prints the tables and the SDK requests exactly as the README quotes them")
        void readmeQuotesTheOutput() throws IOException {
            List<String> quoted = Files.readAllLines(Path.of("README.md")).stream()
                    .filter(line -> line.matches("(answer|stopped because|input tokens|output tokens|turn [12]) {2,}.*")
                            || line.matches("  of them (cached|reasoning) {2,}.*")
                            || line.matches(" {4}(stopped because|it sent): .*")
                            || line.matches(" {8}(\\{\"|Authorization: |anthropic-version: |x-goog-api-key: ).*")
                            || line.matches("(openai-java|anthropic-java|google-genai), .* answered .*"))
                    .toList();
            assertThat(quoted).as("lines of the lesson's output quoted in README.md").hasSizeGreaterThanOrEqualTo(29);
            assertThat(output).contains(quoted);
        }

        @Test
        @DisplayName("never prints a replay key")
        void neverPrintsAKey() {
            assertThat(output).doesNotContain(ReplayKeys.OPENAI, ReplayKeys.ANTHROPIC, ReplayKeys.GEMINI);
        }
    }

    @Nested
    @DisplayName("live, without any key")
    class LiveWithoutKeys {

        @Test
        @DisplayName("exits 2 with one paragraph naming every variable, and no stack trace")
        void refusesClearly() {
            ConsoleCapture captured = new ConsoleCapture();
            int exitCode = CompletionsLesson.run(RunMode.parse("--live"), captured.outStream(), captured.errStream(),
                    KeySource.of(Map.of()));

            assertThat(exitCode).isEqualTo(CompletionsLesson.EXIT_NO_KEYS);
            assertThat(captured.err())
                    .contains("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", ".env")
                    .doesNotContain("Exception", "\tat ");
            assertThat(captured.err().strip().lines()).hasSize(1);
            assertThat(captured.out()).as("nothing is called, so nothing is printed").isEmpty();
        }

        @Test
        @DisplayName("treats a blank variable as missing")
        void blankIsMissing() {
            ConsoleCapture captured = new ConsoleCapture();
            int exitCode = CompletionsLesson.run(RunMode.parse("--live"), captured.outStream(), captured.errStream(),
                    KeySource.of(Map.of("OPENAI_API_KEY", "  ")));

            assertThat(exitCode).isEqualTo(CompletionsLesson.EXIT_NO_KEYS);
        }
    }

    @Nested
    @DisplayName("finding live keys")
    class FindingLiveKeys {

        @Test
        @DisplayName("leaves out a provider whose key is missing")
        void leavesOutMissingProviders() {
            assertThat(LiveProviders.findKeys(KeySource.of(Map.of("ANTHROPIC_API_KEY", "test-anthropic"))))
                    .containsOnlyKeys(LessonProvider.ANTHROPIC);
        }

        @Test
        @DisplayName("prefers GEMINI_API_KEY and falls back to GOOGLE_API_KEY")
        void geminiVariables() {
            assertThat(LiveProviders.findKeys(KeySource.of(Map.of("GEMINI_API_KEY", "a", "GOOGLE_API_KEY", "b"))))
                    .containsEntry(LessonProvider.GEMINI, "a");
            assertThat(LiveProviders.findKeys(KeySource.of(Map.of("GOOGLE_API_KEY", "b"))))
                    .containsEntry(LessonProvider.GEMINI, "b");
        }
    }
}

package dev.aiworkbook.lessons.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.lesson.ConsoleCapture;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.lesson.RunMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The auth lesson")
class AuthLessonTest {

    /** A key source for tests: never the real environment, so nobody's keys are read or leaked. */
    private static KeySource keysFrom(Map<String, String> variables) {
        return variable -> Optional.ofNullable(variables.get(variable));
    }

    @Nested
    @DisplayName("on the replay server")
    class OnReplay {

        private static int exitCode;
        private static String output;

        @BeforeAll
        static void runTheLessonOnce() {
            ConsoleCapture captured = new ConsoleCapture();
            exitCode = AuthLesson.run(RunMode.parse(), captured.outStream(), captured.errStream(), keysFrom(Map.of()));
            output = captured.out() + captured.err();
        }

        @Test
        @DisplayName("exits 0")
        void exitsZero() {
            assertThat(exitCode).as("exit code; the output was:%n%s", output).isEqualTo(AuthLesson.EXIT_OK);
        }

        @Test
        @DisplayName("shows each provider answering 200 to the hand-written request")
        void showsEachProviderAnswering() {
            assertThat(output).contains("OpenAI answered 200: \"Hello!", "Anthropic answered 200: \"Hello!",
                    "Gemini answered 200: \"Hello!");
        }

        @Test
        @DisplayName("shows the request line and the auth header of each provider, redacted")
        void showsTheWireRedacted() {
            assertThat(output).contains(
                    "--> POST http://", "/v1/chat/completions", "Authorization: Bearer [REDACTED]",
                    "/v1/messages", "x-api-key: [REDACTED]", "anthropic-version: 2023-06-01",
                    "/v1beta/models/gemini-2.5-flash:generateContent", "x-goog-api-key: [REDACTED]",
                    ":generateContent?key=[REDACTED]", "<-- 200 OK");
        }

        @Test
        @DisplayName("shows what a wrong key and a missing key get from each provider")
        void showsTheRefusals() {
            assertThat(output).contains(
                    "OpenAI    wrong key -> 401  type=invalid_request_error, code=invalid_api_key",
                    "OpenAI    no key    -> 401  type=invalid_request_error",
                    "Anthropic wrong key -> 401  type=authentication_error: \"invalid x-api-key\"",
                    "Anthropic no key    -> 401  type=authentication_error: \"x-api-key header is required\"",
                    "Gemini    wrong key -> 400  status=INVALID_ARGUMENT, reason=API_KEY_INVALID",
                    "Gemini    no key    -> 403  status=PERMISSION_DENIED");
        }

        @Test
        @DisplayName("explains the request without anthropic-version with the closest fixture")
        void explainsTheMissingVersionHeader() {
            assertThat(output).contains("The replay server answers 404", "anthropic-version: 2023-06-01, got nothing");
        }

        @Test
        @DisplayName("gets an answer through each official SDK, or says plainly that no fixture matched")
        void runsEachSdk() {
            for (String provider : new String[] {"OpenAI", "Anthropic", "Gemini"}) {
                assertThat(output.contains(provider + " SDK answered: \"Hello!")
                        || output.contains("The SDK's request matched no fixture"))
                        .as("%s SDK: an answer or a plain unmatched note in%n%s", provider, output).isTrue();
            }
            assertThat(output).contains("What the SDK sent").doesNotContain(" SDK failed:");
        }

        @Test
        @DisplayName("prints part 2 exactly as the README quotes it")
        void readmeQuotesTheOutput() throws IOException {
            List<String> quoted = Files.readAllLines(Path.of("README.md")).stream()
                    .filter(line -> line.matches("(OpenAI|Anthropic|Gemini) +(wrong|no) key +-> .*")
                            || line.startsWith("The replay server answers ")
                            || line.startsWith("    Closest fixture: ")
                            || line.startsWith("      - Header is not present"))
                    .toList();
            assertThat(quoted).as("lines of the lesson's output quoted in README.md").hasSizeGreaterThanOrEqualTo(9);
            assertThat(output).contains(quoted);
        }

        @Test
        @DisplayName("never prints a replay key, nor the wrong key it sends on purpose")
        void neverPrintsAKey() {
            assertThat(output).doesNotContain(ReplayKeys.OPENAI, ReplayKeys.ANTHROPIC, ReplayKeys.GEMINI,
                    AuthLesson.WRONG_KEY);
        }
    }

    @Nested
    @DisplayName("live, without any key")
    class LiveWithoutKeys {

        @Test
        @DisplayName("exits 2 with one paragraph naming every variable, and no stack trace")
        void refusesClearly() {
            ConsoleCapture captured = new ConsoleCapture();
            int exitCode = AuthLesson.run(RunMode.parse("--live"), captured.outStream(), captured.errStream(),
                    keysFrom(Map.of()));

            assertThat(exitCode).isEqualTo(AuthLesson.EXIT_NO_KEYS);
            assertThat(captured.err())
                    .contains("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", ".env")
                    .doesNotContain("Exception", "\tat ");
            assertThat(captured.err().strip().lines()).hasSize(1);
            assertThat(captured.out()).as("nothing is called, so nothing is printed").isEmpty();
        }

        @Test
        @DisplayName("refuses with the message the README quotes")
        void readmeQuotesTheMessage() throws IOException {
            assertThat(Files.readString(Path.of("README.md"))).contains(AuthLesson.noKeysMessage());
        }

        @Test
        @DisplayName("treats a blank variable as missing")
        void blankIsMissing() {
            ConsoleCapture captured = new ConsoleCapture();
            int exitCode = AuthLesson.run(RunMode.parse("--live"), captured.outStream(), captured.errStream(),
                    keysFrom(Map.of("OPENAI_API_KEY", "  ")));

            assertThat(exitCode).isEqualTo(AuthLesson.EXIT_NO_KEYS);
        }
    }

    @Nested
    @DisplayName("finding live keys")
    class FindingLiveKeys {

        @Test
        @DisplayName("leaves out a provider whose key is missing")
        void leavesOutMissingProviders() {
            assertThat(AuthLesson.findLiveKeys(keysFrom(Map.of("ANTHROPIC_API_KEY", "test-anthropic"))))
                    .containsOnlyKeys(Provider.ANTHROPIC);
        }

        @Test
        @DisplayName("prefers GEMINI_API_KEY and falls back to GOOGLE_API_KEY")
        void geminiVariables() {
            assertThat(AuthLesson.findLiveKeys(keysFrom(Map.of("GEMINI_API_KEY", "a", "GOOGLE_API_KEY", "b"))))
                    .containsEntry(Provider.GEMINI, "a");
            assertThat(AuthLesson.findLiveKeys(keysFrom(Map.of("GOOGLE_API_KEY", "b"))))
                    .containsEntry(Provider.GEMINI, "b");
        }
    }
}

package dev.aiworkbook.lessons.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dev.aiworkbook.harness.lesson.ConsoleCapture;
import dev.aiworkbook.harness.lesson.KeySource;
import dev.aiworkbook.harness.lesson.LiveProviders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.HttpOptions;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.lesson.RunMode;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The streaming lesson")
class StreamingLessonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer a fixture's stream spells out, read straight from the recording. */
    static String answerIn(String bodyFile, String dialect) throws IOException {
        String body;
        try (InputStream in = StreamingLessonTest.class.getClassLoader()
                .getResourceAsStream("fixtures/03-streaming/__files/" + bodyFile)) {
            assertThat(in).as("fixture %s on the classpath", bodyFile).isNotNull();
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        for (String line : body.split("\r?\n")) {
            if (!line.startsWith("data: ") || line.equals("data: [DONE]")) {
                continue;
            }
            JsonNode data = JSON.readTree(line.substring("data: ".length()));
            switch (dialect) {
                case "chat" -> data.path("choices").forEach(c -> text.append(c.at("/delta/content").asText("")));
                case "responses" -> text.append(data.path("type").asText().equals("response.output_text.delta")
                        ? data.path("delta").asText() : "");
                case "anthropic" -> text.append(data.at("/delta/type").asText().equals("text_delta")
                        ? data.at("/delta/text").asText() : "");
                case "gemini" -> data.at("/candidates/0/content/parts").forEach(p -> text.append(p.path("text").asText()));
                default -> throw new IllegalArgumentException(dialect);
            }
        }
        return text.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    @Nested
    @DisplayName("on the replay server, without pauses")
    class OnReplay {

        private static int exitCode;
        private static String output;

        @BeforeAll
        static void runTheLessonOnce() {
            ConsoleCapture captured = new ConsoleCapture();
            exitCode = StreamingLesson.run(RunMode.parse("--speed", "0"), captured.outStream(), captured.errStream(),
                    KeySource.of(Map.of()));
            output = captured.out() + captured.err();
        }

        @Test
        @DisplayName("exits 0")
        void exitsZero() {
            assertThat(exitCode).as("exit code; the output was:%n%s", output).isEqualTo(StreamingLesson.EXIT_OK);
        }

        @Test
        @DisplayName("prints each of the four answers whole, as the recordings spell them out")
        void printsEveryAnswerWhole() throws IOException {
            String printed = oneLine(output);
            assertThat(printed).contains(oneLine(answerIn("openai/lesson-chat-stream.sse", "chat")));
            assertThat(printed).contains(oneLine(answerIn("openai/lesson-responses-stream.sse", "responses")));
            assertThat(printed).contains(oneLine(answerIn("anthropic/lesson-messages-stream.sse", "anthropic")));
            assertThat(printed).contains(oneLine(answerIn("gemini/lesson-stream-generate.sse", "gemini")));
        }

        @Test
        @DisplayName("says how each stream ended and how many tokens the provider counted")
        void showsEachEnding() {
            assertThat(output).contains("stop reason stop, ended by data: [DONE]",
                    "stop reason completed, ended by response.completed",
                    "stop reason end_turn, ended by message_stop",
                    "stop reason STOP, ended by finishReason STOP",
                    "72 output tokens", "66 output tokens", "75 output tokens", "67 output tokens");
        }

        @Test
        @DisplayName("cancels a stream after its first sentence")
        void cancels() {
            assertThat(output).contains("Stopped after the first sentence, ", ": call.cancel() closed the connection");
        }

        @Test
        @DisplayName("streams through openai-java and anthropic-java, and their accumulators agree with what arrived")
        void runsTheSdks() {
            assertThat(output).contains("ChatCompletionAccumulator: finish_reason stop, the message equals the text that arrived: true",
                    "MessageAccumulator: stop_reason end_turn, the message equals the text that arrived: true",
                    "\"stream\":true").doesNotContain("The SDK failed", "matched no fixture");
        }

        @Test
        @DisplayName("prints the lines the README quotes from it")
        void readmeQuotesTheOutput() throws IOException {
            List<String> quoted = Files.readAllLines(Path.of("README.md")).stream()
                    .filter(line -> line.matches("\\d+ events, stop reason .*|(ChatCompletionAccumulator|MessageAccumulator): .*"
                            + "|-- .*|<-- .*|What the SDK sent .*|    (POST|Accept|\\{).*"))
                    .toList();
            assertThat(quoted).as("lines of the lesson's output quoted in README.md").hasSizeGreaterThanOrEqualTo(14);
            assertThat(output.lines().toList()).containsAll(quoted);
        }

        @Test
        @DisplayName("never prints a replay key")
        void neverPrintsAKey() {
            assertThat(output).doesNotContain(ReplayKeys.OPENAI, ReplayKeys.ANTHROPIC, ReplayKeys.GEMINI);
        }
    }

    @Nested
    @DisplayName("reading streams")
    class ReadingStreams {

        private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

        @Test
        @DisplayName("at speed 1 measures the recorded time to first token and a token rate")
        void measuresTheRecordedPace() {
            try (ReplayServer replay = ReplayServer.start("03-streaming", 1.0)) {
                StreamingLesson lesson = StreamingLesson.onReplay(replay, QUIET);
                StreamedAnswer answer = lesson.stream(Dialect.GEMINI, sofar -> false);
                lesson.close();

                StreamedAnswer.Measurements m = answer.measure();
                assertThat(answer.complete()).as(answer.failure()).isTrue();
                assertThat(m.firstToken()).as("first token; the recording has it at 861 ms")
                        .isBetween(Duration.ofMillis(800), Duration.ofMillis(3000));
                assertThat(m.lastToken().minus(m.firstToken())).as("first to last token; recorded 190 ms")
                        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
                assertThat(m.tokensPerSecond()).isPresent();
            }
        }

        @Test
        @DisplayName("the Gemini fixture answers google-genai's own request too (/v1/models/...:streamGenerateContent?alt=sse)")
        void geminiSdkStreamsTheFixture() throws IOException {
            try (ReplayServer replay = ReplayServer.start("03-streaming");
                 Client client = Client.builder().apiKey(ReplayKeys.GEMINI)
                         .httpOptions(HttpOptions.builder().baseUrl(replay.baseUrl()).build()).build();
                 ResponseStream<GenerateContentResponse> chunks =
                         client.models.generateContentStream("gemini-2.5-flash", StreamingLesson.QUESTION, null)) {
                StringBuilder text = new StringBuilder();
                for (GenerateContentResponse chunk : chunks) {
                    text.append(chunk.text());
                }
                assertThat(text.toString()).isEqualTo(answerIn("gemini/lesson-stream-generate.sse", "gemini"));
                assertThat(replay.lastRequest().orElseThrow().url()).startsWith("/v1").contains(":streamGenerateContent?alt=sse");
            }
        }

        @Test
        @DisplayName("reports a stream cut before its end signal as cut, keeping the text that arrived")
        void aCutStreamIsNotComplete() {
            try (ReplayServer replay = ReplayServer.start("03-streaming")) {
                replay.wireMock().stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(0)
                        .willReturn(aResponse().withHeader("Content-Type", "text/event-stream; charset=utf-8").withBody(
                                "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                                        + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Half an\"},\"finish_reason\":null}]}\n\n")));
                StreamingLesson lesson = StreamingLesson.onReplay(replay, QUIET);
                StreamedAnswer answer = lesson.stream(Dialect.CHAT_COMPLETIONS, sofar -> false);
                lesson.close();

                assertThat(answer.complete()).isFalse();
                assertThat(answer.text()).isEqualTo("Half an");
                assertThat(answer.failure()).contains("without its end signal");
            }
        }

        @Test
        @DisplayName("reports an error event that arrives after the 200")
        void anErrorEventFailsTheStream() {
            try (ReplayServer replay = ReplayServer.start("03-streaming")) {
                replay.wireMock().stubFor(post(urlPathEqualTo("/v1/messages")).atPriority(0)
                        .willReturn(aResponse().withHeader("Content-Type", "text/event-stream; charset=utf-8").withBody(
                                "event: ping\ndata: {\"type\": \"ping\"}\n\n"
                                        + "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n")));
                StreamingLesson lesson = StreamingLesson.onReplay(replay, QUIET);
                StreamedAnswer answer = lesson.stream(Dialect.ANTHROPIC, sofar -> false);
                lesson.close();

                assertThat(answer.complete()).isFalse();
                assertThat(answer.failure()).isEqualTo("error event: overloaded_error: Overloaded");
            }
        }
    }

    @Nested
    @DisplayName("live, without any key")
    class LiveWithoutKeys {

        @Test
        @DisplayName("exits 2 with one paragraph naming every variable, and no stack trace")
        void refusesClearly() {
            ConsoleCapture captured = new ConsoleCapture();
            int exitCode = StreamingLesson.run(RunMode.parse("--live"), captured.outStream(), captured.errStream(),
                    KeySource.of(Map.of()));

            assertThat(exitCode).isEqualTo(StreamingLesson.EXIT_NO_KEYS);
            assertThat(captured.err())
                    .contains("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY", "GOOGLE_API_KEY", ".env")
                    .doesNotContain("Exception", "\tat ");
            assertThat(captured.err().strip().lines()).hasSize(1);
            assertThat(captured.out()).as("nothing is called, so nothing is printed").isEmpty();
        }

        @Test
        @DisplayName("refuses with the message the README quotes")
        void readmeQuotesTheMessage() throws IOException {
            assertThat(Files.readString(Path.of("README.md"))).contains(LiveProviders.noKeysMessage());
        }
    }
}

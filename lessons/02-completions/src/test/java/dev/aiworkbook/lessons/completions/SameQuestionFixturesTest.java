package dev.aiworkbook.lessons.completions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same-question fixtures match leniently, because the lesson, the SDKs and the exercises'
 * clients all send them slightly different bodies: each request here must reach the stub named,
 * or, for the near misses, no stub at all (404).
 */
@DisplayName("The same-question fixtures")
class SameQuestionFixturesTest {

    private static final String Q1 = "What is the capital of France? Answer in one word.";
    private static final String SYSTEM = "You are a concise geography tutor.";
    private static final String OPENAI = "Authorization: Bearer " + ReplayKeys.OPENAI;
    private static final String ANTHROPIC = "x-api-key: " + ReplayKeys.ANTHROPIC;
    private static final String VERSION = "anthropic-version: 2023-06-01";
    private static final String GEMINI = "x-goog-api-key: " + ReplayKeys.GEMINI;
    private static final String GEMINI_PATH = "/v1beta/models/gemini-2.5-flash:generateContent";
    private static final String NO_STUB = "";

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private static ReplayServer replay;

    @BeforeAll
    static void start() {
        replay = ReplayServer.start("02-completions");
    }

    @AfterAll
    static void stop() {
        replay.close();
        HTTP.dispatcher().executorService().shutdown();
    }

    static Stream<Arguments> requests() {
        String chat1 = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"" + SYSTEM
                + "\"},{\"role\":\"user\",\"content\":\"" + Q1 + "\"}]";
        String chat2 = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"system\",\"content\":\"" + SYSTEM
                + "\"},{\"role\":\"user\",\"content\":\"" + Q1 + "\"},{\"role\":\"assistant\",\"content\":\"Paris.\"},"
                + "{\"role\":\"user\",\"content\":\"And of Italy?\"}]";
        String responsesInput1 = "[{\"role\":\"user\",\"content\":\"" + Q1 + "\"}]";
        String responsesInput2 = "[{\"role\":\"user\",\"content\":\"" + Q1 + "\"},{\"role\":\"assistant\",\"content\":\"Paris.\"},"
                + "{\"role\":\"user\",\"content\":\"And of Italy?\"}]";
        String anthropic1 = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"system\":\"" + SYSTEM
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + Q1 + "\"}]}";
        String anthropic2 = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"system\":\"" + SYSTEM
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + Q1 + "\"},{\"role\":\"assistant\",\"content\":\"Paris.\"},"
                + "{\"role\":\"user\",\"content\":\"And of Italy?\"}]}";
        String gemini1 = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + Q1 + "\"}]}],"
                + "\"systemInstruction\":{\"parts\":[{\"text\":\"" + SYSTEM + "\"}]}}";
        String gemini2 = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"" + Q1 + "\"}]},"
                + "{\"role\":\"model\",\"parts\":[{\"text\":\"Paris.\"}]},{\"role\":\"user\",\"parts\":[{\"text\":\"And of Italy?\"}]}],"
                + "\"systemInstruction\":{\"parts\":[{\"text\":\"" + SYSTEM + "\"}]}}";
        return Stream.of(
                request("Chat turn 1", "/v1/chat/completions", List.of(OPENAI), chat1 + "}", "same-question-openai-chat-turn1.json"),
                request("Chat turn 1 with settings", "/v1/chat/completions", List.of(OPENAI),
                        chat1 + ",\"temperature\":0.2,\"max_completion_tokens\":50,\"stop\":[\"\\n\"]}", "same-question-openai-chat-turn1.json"),
                request("Chat turn 2", "/v1/chat/completions", List.of(OPENAI), chat2 + "}", "same-question-openai-chat-turn2.json"),
                request("Chat turn 2 without the answer in the history", "/v1/chat/completions", List.of(OPENAI),
                        chat2.replace(",{\"role\":\"assistant\",\"content\":\"Paris.\"}", "") + "}", NO_STUB),
                request("Chat turn 1 with another key", "/v1/chat/completions", List.of("Authorization: Bearer not-the-replay-key"),
                        chat1 + "}", NO_STUB),
                request("Responses turn 1", "/v1/responses", List.of(OPENAI), "{\"model\":\"gpt-5-mini\",\"instructions\":\"" + SYSTEM
                        + "\",\"input\":" + responsesInput1 + ",\"store\":false}", "same-question-openai-responses-turn1.json"),
                request("Responses turn 1, input_text parts", "/v1/responses", List.of(OPENAI), "{\"model\":\"gpt-5-mini\",\"input\":"
                        + "[{\"type\":\"message\",\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"" + Q1 + "\"}]}],"
                        + "\"store\":false}", "same-question-openai-responses-turn1.json"),
                request("Responses turn 1 stored (store true is another conversation's)", "/v1/responses", List.of(OPENAI),
                        "{\"model\":\"gpt-5-mini\",\"input\":" + responsesInput1 + ",\"store\":true}", NO_STUB),
                request("Responses turn 2", "/v1/responses", List.of(OPENAI), "{\"model\":\"gpt-5-mini\",\"instructions\":\"" + SYSTEM
                        + "\",\"input\":" + responsesInput2 + ",\"store\":false}", "same-question-openai-responses-turn2.json"),
                request("Responses turn 2 by previous_response_id", "/v1/responses", List.of(OPENAI),
                        "{\"model\":\"gpt-5-mini\",\"previous_response_id\":\"resp_0a4c\",\"input\":"
                        + "[{\"role\":\"user\",\"content\":\"And of Italy?\"}],\"store\":false}", NO_STUB),
                request("Anthropic turn 1", "/v1/messages", List.of(ANTHROPIC, VERSION), anthropic1, "same-question-anthropic-turn1.json"),
                request("Anthropic turn 1, content blocks", "/v1/messages", List.of(ANTHROPIC, VERSION),
                        anthropic1.replace("\"content\":\"" + Q1 + "\"", "\"content\":[{\"type\":\"text\",\"text\":\"" + Q1 + "\"}]"),
                        "same-question-anthropic-turn1.json"),
                request("Anthropic turn 2", "/v1/messages", List.of(ANTHROPIC, VERSION), anthropic2, "same-question-anthropic-turn2.json"),
                request("Anthropic turn 1 without anthropic-version", "/v1/messages", List.of(ANTHROPIC), anthropic1, NO_STUB),
                request("Anthropic turn 1 as anthropic-java sends it", "/v1/messages",
                        List.of("Authorization: Bearer " + ReplayKeys.ANTHROPIC, "anthropic-version: 2026-10-21"), anthropic1,
                        "same-question-sdk-anthropic-turn1.json"),
                request("Gemini turn 1", GEMINI_PATH, List.of(GEMINI), gemini1, "same-question-gemini-turn1.json"),
                request("Gemini turn 2", GEMINI_PATH, List.of(GEMINI), gemini2, "same-question-gemini-turn2.json"),
                request("Gemini turn 2 with role assistant", GEMINI_PATH, List.of(GEMINI),
                        gemini2.replace("\"role\":\"model\"", "\"role\":\"assistant\""), NO_STUB),
                request("Gemini turn 1 on v1, as google-genai sends it", "/v1/models/gemini-2.5-flash:generateContent",
                        List.of(GEMINI), gemini1, "same-question-sdk-gemini-turn1.json"));
    }

    private static Arguments request(String what, String path, List<String> headers, String body, String fixture) {
        return Arguments.of(what, path, headers, body, fixture);
    }

    @ParameterizedTest(name = "{0} -> {4}")
    @MethodSource("requests")
    void reachesTheRightStub(String what, String path, List<String> headers, String body, String fixture) throws IOException {
        Request.Builder request = new Request.Builder().url(replay.url(path))
                .post(RequestBody.create(body, MediaType.get("application/json")));
        for (String header : headers) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon), header.substring(colon + 1).trim());
        }
        try (Response response = HTTP.newCall(request.build()).execute()) {
            if (fixture.equals(NO_STUB)) {
                assertThat(response.code()).as("%s: no stub should match, but %s did", what, response.header("Matched-Stub-Name"))
                        .isEqualTo(404);
            } else {
                assertThat(response.header("Matched-Stub-Name")).as("%s: the stub that answered", what).isEqualTo(nameOf(fixture));
                assertThat(response.code()).isEqualTo(200);
            }
        }
    }

    private static String nameOf(String fixture) throws IOException {
        try (InputStream in = SameQuestionFixturesTest.class.getClassLoader()
                .getResourceAsStream("fixtures/02-completions/mappings/" + fixture)) {
            assertThat(in).as("fixtures/02-completions/mappings/%s on the classpath", fixture).isNotNull();
            return Json.MAPPER.readTree(in).path("name").asText();
        }
    }
}

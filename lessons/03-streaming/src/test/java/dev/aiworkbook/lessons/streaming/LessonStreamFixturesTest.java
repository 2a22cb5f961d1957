package dev.aiworkbook.lessons.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

/**
 * The lesson's recorded pace is believable: every timed write starts at an event boundary, the first
 * text comes after 300-900 ms (a model's usual time to first token), and text then flows with 15-60 ms
 * between writes. The harness checks the sidecar's format; this checks what it teaches.
 */
@DisplayName("The lesson's stream fixtures")
class LessonStreamFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @DisplayName("keep a realistic pace, written event by event")
    @CsvSource({
        "openai/lesson-chat-stream.sse,       '\"delta\":{\"content\":\"'",
        "openai/lesson-responses-stream.sse,  'event: response.output_text.delta'",
        "anthropic/lesson-messages-stream.sse, '\"type\":\"text_delta\"'",
        "gemini/lesson-stream-generate.sse,   '\"text\": \"'"
    })
    void keepARealisticPace(String bodyFile, String textMarker) throws IOException {
        byte[] body = read(bodyFile);
        JsonNode timing = JSON.readTree(read(bodyFile + ".timing.json"));
        List<Integer> offsets = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        timing.path("chunks").forEach(chunk -> {
            offsets.add(chunk.path("offset").asInt());
            times.add(chunk.path("atMs").asLong());
        });
        String text = new String(body, StandardCharsets.ISO_8859_1); // byte offsets = char offsets

        for (int offset : offsets) {
            boolean afterABlankLine = text.startsWith("\n\n", offset - 2) || text.startsWith("\r\n\r\n", offset - 4);
            assertThat(offset == 0 || afterABlankLine)
                    .as("%s: a write starts at byte %d, which is not the start of an event", bodyFile, offset).isTrue();
        }
        int firstText = -1;
        for (int i = 0; i < offsets.size() && firstText < 0; i++) {
            int end = i + 1 < offsets.size() ? offsets.get(i + 1) : text.length();
            if (text.substring(offsets.get(i), end).contains(textMarker)) {
                firstText = i;
            }
        }
        assertThat(firstText).as("%s: a write with text (%s)", bodyFile, textMarker).isNotNegative();
        assertThat(times.get(firstText)).as("%s: time to first token, ms", bodyFile).isBetween(300L, 900L);
        for (int i = firstText + 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).as("%s: gap before write %d, ms", bodyFile, i).isBetween(15L, 60L);
        }
        assertThat(timing.path("end").asText()).isEqualTo("close");
    }

    private static byte[] read(String file) throws IOException {
        try (InputStream in = LessonStreamFixturesTest.class.getClassLoader()
                .getResourceAsStream("fixtures/03-streaming/__files/" + file)) {
            assertThat(in).as("fixture %s on the classpath", file).isNotNull();
            return in.readAllBytes();
        }
    }
}

package dev.aiworkbook.lessons.completions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lesson's readers on the responses the happy path does not show: cut off, cached, thinking. */
@DisplayName("The lesson's four readers")
class WireApiTest {

    private static JsonNode json(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    @Test
    @DisplayName("Responses: an incomplete response with only a reasoning item has no text, and says why")
    void responsesIncomplete() throws IOException {
        Answer answer = new ResponsesApi().read(json("""
                {"id":"resp_x","model":"gpt-5-mini","status":"incomplete",
                 "incomplete_details":{"reason":"max_output_tokens"},
                 "output":[{"id":"rs_x","type":"reasoning","summary":[]}],
                 "usage":{"input_tokens":30,"input_tokens_details":{"cached_tokens":0},
                          "output_tokens":256,"output_tokens_details":{"reasoning_tokens":256},"total_tokens":286}}"""));

        assertThat(answer.text()).isEmpty();
        assertThat(answer.finishReason()).isEqualTo("incomplete (max_output_tokens)");
        assertThat(answer.tokens()).isEqualTo(new Answer.Tokens(30, 0, 256, 256));
    }

    @Test
    @DisplayName("Chat Completions: a null content (a tool call) reads as no text, not \"null\"")
    void chatNullContent() throws IOException {
        Answer answer = new ChatCompletionsApi().read(json("""
                {"id":"chatcmpl-x","model":"gpt-4o-mini","choices":[{"index":0,
                 "message":{"role":"assistant","content":null,"refusal":null},"logprobs":null,"finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}"""));

        assertThat(answer.text()).isEmpty();
        assertThat(answer.finishReason()).isEqualTo("tool_calls");
    }

    @Test
    @DisplayName("Anthropic: skips thinking blocks and adds the cache counters to the input")
    void anthropicThinkingAndCache() throws IOException {
        Answer answer = new AnthropicMessagesApi().read(json("""
                {"id":"msg_x","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"thinking","thinking":"Short question.","signature":"c2ln"},{"type":"text","text":"Paris."}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":5,"cache_creation_input_tokens":0,"cache_read_input_tokens":1200,"output_tokens":40}}"""));

        assertThat(answer.text()).isEqualTo("Paris.");
        assertThat(answer.tokens()).isEqualTo(new Answer.Tokens(1205, 1200, 40, null));
    }

    @Test
    @DisplayName("Gemini: skips thought parts and counts thinking as output")
    void geminiThoughts() throws IOException {
        Answer answer = new GeminiApi().read(json("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"Thinking about capitals.","thought":true},{"text":"Paris."}]},
                 "finishReason":"STOP","index":0}],
                 "usageMetadata":{"promptTokenCount":19,"candidatesTokenCount":2,"thoughtsTokenCount":27,"totalTokenCount":48},
                 "modelVersion":"gemini-2.5-flash","responseId":"abc"}"""));

        assertThat(answer.text()).isEqualTo("Paris.");
        assertThat(answer.tokens()).isEqualTo(new Answer.Tokens(19, 0, 29, 27));
    }
}

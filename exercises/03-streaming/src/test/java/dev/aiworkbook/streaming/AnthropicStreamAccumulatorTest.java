package dev.aiworkbook.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("03-streaming")
@DisplayName("Exercise 4 · Anthropic stream events")
class AnthropicStreamAccumulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fixture anthropic-stream-text-pings: one text block, ping events between the deltas. */
    private static final String TEXT_QUESTION = "Name three things to check on a bike before a long ride.";
    private static final String TEXT_ANSWER = "Check the tyre pressure, make sure both brakes grip firmly, and look "
            + "at the chain: clean and oil it if it is dry or rusty.";

    /** Fixture anthropic-stream-thinking: a thinking block (index 0), then a text block (index 1). */
    private static final String THINKING_QUESTION = "Is 1001 a prime number?";
    private static final String THINKING = "I need to check whether 1001 has a divisor other than 1 and itself. "
            + "1001 / 7 = 143, and 143 = 11 \u00d7 13. So 1001 = 7 \u00d7 11 \u00d7 13: not prime.";
    /** The signature_delta of the thinking fixture, byte for byte. */
    private static final String SIGNATURE = "Eu4CCkYICxgCKkCVfTYmy9Q+tA4LCR9Gz9SGh8g1quwOpYct7yptg66v4/ewyZKBL4KHkIXEvt/qc11br+My9"
            + "Cd5q0K4dkvp8fYUADdm5my6pSxKJHeysIWOy5QlTfI4uj3zvA4F4FhBRXyDbY46qYievq4BtjKo41BSrwK9004AGGj5IZQq7ln4o9Pgwq"
            + "M04GWC2s2ki4d4P87TiSO+DdVei+gw5OKE8GiX5c+26y7se+hUJT0zK2RjdJNuZTPhKNOk4ZoK4GV2kaFnsXmvg/9DXYvcb7rKCWT0K/7PA"
            + "1voeBn3fVxtAn7WvMgO7g9OIKRT93GCXb+pP3X4SzIqglRzNfcR2ZsLsVon8xfcmFiGkz0IxhDN9QaVZLpygKEHiBKf010cnn9zlfzMKS3"
            + "fxwQcGoZClEsgyud2pcbRpHXLZCwc9qFxbr9/NKNiOvoWIe5flxM+/QjkqIgR7OPDNCh2hkPhx+wOcsU0JohI";
    private static final String THINKING_ANSWER = "No. 1001 = 7 \u00d7 11 \u00d7 13, so it has divisors other than 1 and itself.";

    /** Fixture anthropic-stream-tool-use: a text block, then two tool_use blocks. */
    private static final String TOOL_QUESTION =
            "I'm going to Bergen for a week. Check the forecast and my packing list: do I need to add anything?";

    /** Fixture anthropic-stream-overloaded: part of a text block, then an overloaded_error event. */
    private static final String OVERLOADED_QUESTION = "Write a short poem about a lighthouse.";

    private static AnthropicStreamAccumulator stream(ReplayServer replay, ObjectNode request) throws Exception {
        return AnthropicStreamAccumulator.stream(new OkHttpClient(), replay.baseUrl(), ReplayKeys.ANTHROPIC, request);
    }

    private static ObjectNode request(String userText, int maxTokens) {
        ObjectNode request = JSON.createObjectNode().put("model", "claude-sonnet-4-5").put("max_tokens", maxTokens);
        request.putArray("messages").addObject().put("role", "user").put("content", userText);
        return request;
    }

    private static ObjectNode thinkingRequest() {
        ObjectNode request = request(THINKING_QUESTION, 4096);
        request.putObject("thinking").put("type", "enabled").put("budget_tokens", 2048);
        return request;
    }

    private static ObjectNode toolRequest() throws Exception {
        ObjectNode request = request(TOOL_QUESTION, 1024);
        request.set("tools", JSON.readTree("""
                [{"name": "get_forecast", "description": "The daily weather forecast for a city.",
                  "input_schema": {"type": "object",
                                   "properties": {"city": {"type": "string"}, "country": {"type": "string"},
                                                  "days": {"type": "integer"}},
                                   "required": ["city", "days"]}},
                 {"name": "get_packing_list", "description": "The user's saved packing list.",
                  "input_schema": {"type": "object", "properties": {}}}]"""));
        return request;
    }

    private static final String MESSAGE_START = """
            {"type":"message_start","message":{"model":"claude-sonnet-4-5-20250929","id":"msg_01HandMadeStream00000001","type":"message",\
            "role":"assistant","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":25,"output_tokens":1}}}""";

    // ---- the tests ----

    @Test
    @Points(2)
    @DisplayName("stream posts the request to /v1/messages with x-api-key, anthropic-version and \"stream\": true")
    void sendsTheStreamingRequest(ReplayServer replay) throws Exception {
        stream(replay, request(TEXT_QUESTION, 1024));
        List<RecordedRequest> requests = replay.requests();
        assertThat(requests).as("requests stream() sent to the replay server").hasSize(1);
        RecordedRequest sent = requests.get(0);
        assertThat(sent.method()).as("HTTP method").isEqualTo("POST");
        assertThat(sent.path()).as("path").isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).as("x-api-key header").contains(ReplayKeys.ANTHROPIC);
        assertThat(sent.header("anthropic-version")).as("anthropic-version header").contains("2023-06-01");
        JsonNode body = sent.json();
        assertThat(body.path("stream").isBoolean() && body.path("stream").asBoolean())
                .as("body.stream must be the JSON boolean true, got %s", body.path("stream")).isTrue();
        assertThat(body.path("model").asText()).as("body.model, from the request you were given").isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).as("body.max_tokens, from the request you were given").isEqualTo(1024);
        assertThat(body.path("messages").path(0).path("content").asText()).as("body.messages[0].content")
                .isEqualTo(TEXT_QUESTION);
    }

    @Test
    @Points(3)
    @DisplayName("adds up a text block's text_delta events, skips the pings, and ends done with stop_reason end_turn")
    void accumulatesText(ReplayServer replay) throws Exception {
        AnthropicStreamAccumulator accumulator = stream(replay, request(TEXT_QUESTION, 1024));
        assertThat(accumulator.text()).as("text(): every text_delta of block 0, in order").isEqualTo(TEXT_ANSWER);
        assertThat(accumulator.blocks()).as("blocks(): the one text block")
                .containsExactly(new AnthropicStreamBlock.Text(0, TEXT_ANSWER));
        assertThat(accumulator.id()).as("id(): message_start's message.id").isEqualTo("msg_01US2t4DgVC5VUcD3pEqBwda");
        assertThat(accumulator.model()).as("model(): message_start's message.model").isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(accumulator.stopReason()).as("stopReason(): message_delta's delta.stop_reason").isEqualTo("end_turn");
        assertThat(accumulator.stopSequence()).as("stopSequence(): delta.stop_sequence is null").isNull();
        assertThat(accumulator.done()).as("done(): message_stop came").isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("input_tokens comes from message_start, and output_tokens is message_delta's final running total, not a sum")
    void readsUsage(ReplayServer replay) throws Exception {
        AnthropicStreamAccumulator accumulator = stream(replay, request(TEXT_QUESTION, 1024));
        assertThat(accumulator.inputTokens()).as("inputTokens(): message_start's usage.input_tokens").isEqualTo(21);
        assertThat(accumulator.outputTokens())
                .as("outputTokens(): message_start says 1, message_delta says 31; the count is the latest total, 31")
                .isEqualTo(31);
    }

    @Test
    @Points(3)
    @DisplayName("a tool_use input sent as input_json_delta fragments split mid-token is parsed at content_block_stop; an empty input is {}")
    void accumulatesToolUse(ReplayServer replay) throws Exception {
        AnthropicStreamAccumulator accumulator = stream(replay, toolRequest());
        List<AnthropicStreamBlock> blocks = accumulator.blocks();
        assertThat(blocks).as("blocks(): a text block, then two tool_use blocks").hasSize(3);
        assertThat(blocks.get(0)).as("block 0")
                .isEqualTo(new AnthropicStreamBlock.Text(0, "I'll check the forecast for Bergen and your packing list."));
        assertThat(blocks.get(1)).as("block 1").isInstanceOf(AnthropicStreamBlock.ToolUse.class);
        AnthropicStreamBlock.ToolUse forecast = (AnthropicStreamBlock.ToolUse) blocks.get(1);
        assertThat(forecast.id()).as("block 1 id").isEqualTo("toolu_01Ro3J9j8UIsEBEE6Hj1eHGv");
        assertThat(forecast.name()).as("block 1 name").isEqualTo("get_forecast");
        assertThat(forecast.input())
                .as("block 1 input: the fragments \"\", {\"ci, ty\": \"Berg, en\", \"coun, try\": \"NO\", \"d, ays\": 7, }"
                        + " joined, then parsed as one JSON object")
                .isEqualTo(JSON.readTree("{\"city\": \"Bergen\", \"country\": \"NO\", \"days\": 7}"));
        assertThat(blocks.get(2)).as("block 2").isInstanceOf(AnthropicStreamBlock.ToolUse.class);
        AnthropicStreamBlock.ToolUse packingList = (AnthropicStreamBlock.ToolUse) blocks.get(2);
        assertThat(packingList.name()).as("block 2 name").isEqualTo("get_packing_list");
        assertThat(packingList.id()).as("block 2 id").isEqualTo("toolu_01hxY9Q8hSohPIKscushkBwu");
        assertThat(packingList.input()).as("block 2 input: its only fragment is \"\", which means {}")
                .isEqualTo(JSON.createObjectNode());
        assertThat(accumulator.stopReason()).as("stopReason()").isEqualTo("tool_use");
        assertThat(accumulator.outputTokens()).as("outputTokens()").isEqualTo(112);
        assertThat(accumulator.text()).as("text(): only the text block").isEqualTo("I'll check the forecast for Bergen and your packing list.");
    }

    @Test
    @Points(2)
    @DisplayName("a thinking block keeps its thinking and its signature intact, and text() holds only the answer")
    void accumulatesThinking(ReplayServer replay) throws Exception {
        AnthropicStreamAccumulator accumulator = stream(replay, thinkingRequest());
        List<AnthropicStreamBlock> blocks = accumulator.blocks();
        assertThat(blocks).as("blocks(): a thinking block, then a text block").hasSize(2);
        assertThat(blocks.get(0)).as("block 0").isInstanceOf(AnthropicStreamBlock.Thinking.class);
        AnthropicStreamBlock.Thinking thinking = (AnthropicStreamBlock.Thinking) blocks.get(0);
        assertThat(thinking.thinking()).as("block 0 thinking: every thinking_delta, in order").isEqualTo(THINKING);
        assertThat(thinking.signature()).as("block 0 signature: the signature_delta, unchanged").isEqualTo(SIGNATURE);
        assertThat(blocks.get(1)).as("block 1").isEqualTo(new AnthropicStreamBlock.Text(1, THINKING_ANSWER));
        assertThat(accumulator.text()).as("text(): the answer, without the thinking").isEqualTo(THINKING_ANSWER);
        assertThat(accumulator.outputTokens()).as("outputTokens(): thinking counts as output").isEqualTo(96);
    }

    @Test
    @Points(2)
    @DisplayName("an error event mid-stream throws AnthropicStreamException with the error type, its message and the partial text")
    void errorEventKeepsPartialText(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> stream(replay, request(OVERLOADED_QUESTION, 1024)));
        assertThat(thrown).as("what stream() threw when an error event came after some text")
                .isInstanceOf(AnthropicStreamException.class);
        AnthropicStreamException error = (AnthropicStreamException) thrown;
        assertThat(error.errorType()).as("errorType(): the event's error.type").isEqualTo("overloaded_error");
        assertThat(error.getMessage()).as("getMessage(): the event's error.message").isEqualTo("Overloaded");
        assertThat(error.partialText()).as("partialText(): the text_delta events before the error")
                .isEqualTo("On the black rock at the edge of the sea,\nA lighthouse keeps");
    }

    @Test
    @Points(1)
    @DisplayName("event types and delta types it does not know are ignored, not fatal")
    void ignoresUnknownEvents() {
        AnthropicStreamAccumulator accumulator = new AnthropicStreamAccumulator();
        accumulator.accept("message_start", MESSAGE_START);
        accumulator.accept("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        accumulator.accept("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Hello\"}}");
        // An event type from a later API version than this code knows:
        accumulator.accept("message_annotation", "{\"type\":\"message_annotation\",\"annotation\":{\"kind\":\"latency\",\"ms\":412}}");
        accumulator.accept("ping", "{\"type\": \"ping\"}");
        // A delta type this accumulator does not keep:
        accumulator.accept("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\","
                + "\"citation\":{\"type\":\"char_location\",\"cited_text\":\"Hello\",\"document_index\":0,\"start_char_index\":0,\"end_char_index\":5}}}");
        accumulator.accept("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\" there.\"}}");
        accumulator.accept("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        accumulator.accept("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":4}}");
        accumulator.accept("message_stop", "{\"type\":\"message_stop\"}");
        assertThat(accumulator.text()).as("text() around a message_annotation event and a citations_delta").isEqualTo("Hello there.");
        assertThat(accumulator.done()).as("done(): message_stop came").isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("message_delta's stop_sequence is kept when a stop sequence ended the answer")
    void keepsStopSequence() {
        AnthropicStreamAccumulator accumulator = new AnthropicStreamAccumulator();
        accumulator.accept("message_start", MESSAGE_START);
        accumulator.accept("content_block_start", "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
        accumulator.accept("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"1. Oslo\\n2. Bergen\\n\"}}");
        accumulator.accept("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
        accumulator.accept("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"stop_sequence\",\"stop_sequence\":\"3.\"},"
                + "\"usage\":{\"output_tokens\":9}}");
        accumulator.accept("message_stop", "{\"type\":\"message_stop\"}");
        assertThat(accumulator.stopReason()).as("stopReason()").isEqualTo("stop_sequence");
        assertThat(accumulator.stopSequence()).as("stopSequence(): the one that matched").isEqualTo("3.");
        assertThat(accumulator.text()).as("text(): the stop sequence itself is not part of it").isEqualTo("1. Oslo\n2. Bergen\n");
        assertThat(accumulator.outputTokens()).as("outputTokens()").isEqualTo(9);
        assertThat(accumulator.inputTokens()).as("inputTokens()").isEqualTo(25);
    }
}

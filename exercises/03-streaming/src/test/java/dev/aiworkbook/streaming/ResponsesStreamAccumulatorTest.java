package dev.aiworkbook.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

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
@DisplayName("Exercise 3 · Responses API events")
class ResponsesStreamAccumulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Fixture openai-responses-stream-reasoning-text: a reasoning item (output 0), then a message (output 1). */
    private static final String TEXT_QUESTION = "Why does a streamed answer feel faster than a complete one?";
    private static final String TEXT_ANSWER = "A streamed answer shows its first words within a second, so you start "
            + "reading while the rest is still being written. The total time is the same, but the wait you notice "
            + "is much shorter.";
    private static final String TEXT_RESPONSE_ID = "resp_f0b26536b5a0b2b5006b1292a4c0ec60985f162086c674021e";
    private static final String TEXT_REASONING_ID = "rs_f0b26536b5a0b2b5006b1292a477f8f507b5a57313b41f9708";
    private static final String TEXT_MESSAGE_ID = "msg_f0b26536b5a0b2b5006b1292a476d87d87551d3ca99e23dcbd";

    /** Fixture openai-responses-stream-function-call: a reasoning item, then a get_forecast call. */
    private static final String CALL_QUESTION = "Do I need an umbrella in Bergen tomorrow?";
    private static final String CALL_ITEM_ID = "fc_d9520eb48071f361006b1292a4ae95e1acc583def65b6ac7e0";
    private static final String CALL_ID = "call_AaApMYidfFOXVOicbAHEWkts";

    /** Fixture openai-responses-stream-error: part of an answer, then an error event. */
    private static final String ERROR_QUESTION = "Summarise the history of the bicycle in three sentences.";

    private static ResponsesStreamAccumulator stream(ReplayServer replay, ObjectNode request) throws Exception {
        return ResponsesStreamAccumulator.stream(new OkHttpClient(), replay.baseUrl(), ReplayKeys.OPENAI, request);
    }

    private static ObjectNode request(String model, String input) {
        return JSON.createObjectNode().put("model", model).put("input", input);
    }

    private static ObjectNode forecastRequest() throws Exception {
        ObjectNode request = request("gpt-5-mini", CALL_QUESTION);
        request.set("tools", JSON.readTree("""
                [{"type": "function", "name": "get_forecast", "description": "The weather forecast for a city on a date.",
                  "parameters": {"type": "object",
                                 "properties": {"city": {"type": "string"}, "date": {"type": "string", "description": "yyyy-MM-dd"}},
                                 "required": ["city", "date"], "additionalProperties": false},
                  "strict": true}]"""));
        return request;
    }

    // ---- hand-made events: just the fields the accumulator reads ----

    private static ObjectNode event(String type, long sequence) {
        return JSON.createObjectNode().put("type", type).put("sequence_number", sequence);
    }

    private static ObjectNode created(long sequence) {
        ObjectNode event = event("response.created", sequence);
        event.putObject("response").put("id", "resp_0d4f7a21c9e3b58600").put("object", "response")
                .put("status", "in_progress").putArray("output");
        return event;
    }

    private static ObjectNode inProgress(long sequence) {
        return created(sequence).put("type", "response.in_progress");
    }

    private static ObjectNode messageItem(String type, long sequence, String status) {
        ObjectNode event = event(type, sequence).put("output_index", 0);
        event.putObject("item").put("id", "msg_0d4f7a21c9e3b58601").put("type", "message").put("status", status)
                .put("role", "assistant").putArray("content");
        return event;
    }

    private static ObjectNode partAdded(long sequence) {
        return partAdded(sequence, 0);
    }

    private static ObjectNode partAdded(long sequence, int contentIndex) {
        ObjectNode event = event("response.content_part.added", sequence)
                .put("item_id", "msg_0d4f7a21c9e3b58601").put("output_index", 0).put("content_index", contentIndex);
        event.putObject("part").put("type", "output_text").put("text", "").putArray("annotations");
        return event;
    }

    private static ObjectNode textDelta(long sequence, String delta) {
        return textDelta(sequence, 0, delta);
    }

    private static ObjectNode textDelta(long sequence, int contentIndex, String delta) {
        return event("response.output_text.delta", sequence).put("item_id", "msg_0d4f7a21c9e3b58601")
                .put("output_index", 0).put("content_index", contentIndex).put("delta", delta);
    }

    private static ObjectNode textDone(long sequence, String text) {
        return textDone(sequence, 0, text);
    }

    private static ObjectNode textDone(long sequence, int contentIndex, String text) {
        return event("response.output_text.done", sequence).put("item_id", "msg_0d4f7a21c9e3b58601")
                .put("output_index", 0).put("content_index", contentIndex).put("text", text);
    }

    /** Hands one event over the way a stream does: the event: line's type, and the JSON. */
    private static void feed(ResponsesStreamAccumulator accumulator, ObjectNode event) {
        accumulator.accept(event.path("type").asText(), event.toString());
    }

    // ---- the tests ----

    @Test
    @Points(2)
    @DisplayName("stream posts the request to /v1/responses with the Bearer key and \"stream\": true")
    void sendsTheStreamingRequest(ReplayServer replay) throws Exception {
        stream(replay, request("gpt-5-mini", TEXT_QUESTION));
        List<RecordedRequest> requests = replay.requests();
        assertThat(requests).as("requests stream() sent to the replay server").hasSize(1);
        RecordedRequest sent = requests.get(0);
        assertThat(sent.method()).as("HTTP method").isEqualTo("POST");
        assertThat(sent.path()).as("path").isEqualTo("/v1/responses");
        assertThat(sent.header("Authorization")).as("Authorization header").contains("Bearer " + ReplayKeys.OPENAI);
        JsonNode body = sent.json();
        assertThat(body.path("stream").isBoolean() && body.path("stream").asBoolean())
                .as("body.stream must be the JSON boolean true, got %s", body.path("stream")).isTrue();
        assertThat(body.path("model").asText()).as("body.model, from the request you were given").isEqualTo("gpt-5-mini");
        assertThat(body.path("input").asText()).as("body.input, from the request you were given").isEqualTo(TEXT_QUESTION);
    }

    @Test
    @Points(2)
    @DisplayName("adds up the message's output_text deltas and lists the items by output_index, the reasoning item first")
    void accumulatesTextAndItems(ReplayServer replay) throws Exception {
        ResponsesStreamAccumulator accumulator = stream(replay, request("gpt-5-mini", TEXT_QUESTION));
        assertThat(accumulator.text())
                .as("text(): the deltas of output 1 (the message), nothing from output 0 (the reasoning item)")
                .isEqualTo(TEXT_ANSWER);
        assertThat(accumulator.items()).as("items(): by output_index, each as its output_item.done showed it")
                .containsExactly(
                        new ResponsesStreamItem(0, "reasoning", TEXT_REASONING_ID, null),
                        new ResponsesStreamItem(1, "message", TEXT_MESSAGE_ID, "completed"));
        assertThat(accumulator.functionCalls()).as("functionCalls(): this answer has none").isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("keeps a message's text by content_index: each part's output_text.done matches that part alone")
    void keepsTextByContentIndex() {
        ResponsesStreamAccumulator accumulator = new ResponsesStreamAccumulator();
        feed(accumulator, created(0));
        feed(accumulator, messageItem("response.output_item.added", 1, "in_progress"));
        feed(accumulator, partAdded(2, 0));
        feed(accumulator, textDelta(3, 0, "Part"));
        feed(accumulator, textDelta(4, 0, " one."));
        feed(accumulator, textDone(5, 0, "Part one."));
        feed(accumulator, partAdded(6, 1));
        feed(accumulator, textDelta(7, 1, " Part"));
        feed(accumulator, textDelta(8, 1, " two."));
        Throwable thrown = catchThrowable(() -> feed(accumulator, textDone(9, 1, " Part two.")));
        assertThat(thrown).as("accept() of the output_text.done of content part 1, whose text is \" Part two.\" "
                + "(part 0's text belongs to part 0)").isNull();
        assertThat(accumulator.text()).as("text(): part 0, then part 1").isEqualTo("Part one. Part two.");
    }

    @Test
    @Points(2)
    @DisplayName("takes the response id, the final status and the usage from response.created and response.completed")
    void readsStatusAndUsage(ReplayServer replay) throws Exception {
        ResponsesStreamAccumulator accumulator = stream(replay, request("gpt-5-mini", TEXT_QUESTION));
        assertThat(accumulator.responseId()).as("responseId()").isEqualTo(TEXT_RESPONSE_ID);
        assertThat(accumulator.status()).as("status(): response.completed's response.status").isEqualTo("completed");
        assertThat(accumulator.incompleteReason()).as("incompleteReason(): incomplete_details is null").isNull();
        assertThat(accumulator.usage())
                .as("usage(): input_tokens, output_tokens, input_tokens_details.cached_tokens, "
                        + "output_tokens_details.reasoning_tokens of response.completed")
                .isEqualTo(new ResponsesStreamUsage(18, 214, 0, 128));
    }

    @Test
    @Points(2)
    @DisplayName("a function_call's arguments add up from their deltas into the JSON of the done event")
    void accumulatesFunctionCallArguments(ReplayServer replay) throws Exception {
        ResponsesStreamAccumulator accumulator = stream(replay, forecastRequest());
        assertThat(replay.lastRequest().map(RecordedRequest::json).map(body -> body.path("tools").size()).orElse(0))
                .as("body.tools, from the request you were given").isEqualTo(1);
        List<ResponsesStreamFunctionCall> calls = accumulator.functionCalls();
        assertThat(calls).as("functionCalls(): the one function_call item (output 1)").hasSize(1);
        ResponsesStreamFunctionCall call = calls.get(0);
        assertThat(call.itemId()).as("itemId: the item's id").isEqualTo(CALL_ITEM_ID);
        assertThat(call.callId()).as("callId: the item's call_id").isEqualTo(CALL_ID);
        assertThat(call.name()).as("name").isEqualTo("get_forecast");
        assertThat(call.arguments()).as("arguments: the 15 response.function_call_arguments.delta fragments, joined")
                .isEqualTo("{\"city\":\"Bergen\",\"date\":\"2026-12-05\"}");
        assertThat(JSON.readTree(call.arguments())).as("the arguments, parsed")
                .isEqualTo(JSON.readTree("{\"city\": \"Bergen\", \"date\": \"2026-12-05\"}"));
        assertThat(accumulator.items()).as("items(): output 0 the reasoning, output 1 the call, completed")
                .extracting(ResponsesStreamItem::type, ResponsesStreamItem::status)
                .containsExactly(tuple("reasoning", null),
                        tuple("function_call", "completed"));
        assertThat(accumulator.text()).as("text(): a function call is not text").isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("an error event throws StreamFailedResponseException with its code, its message and the partial text")
    void errorEventKeepsPartialText(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> stream(replay, request("gpt-4.1-mini", ERROR_QUESTION)));
        assertThat(thrown).as("what stream() threw when the stream ended with an error event")
                .isInstanceOf(StreamFailedResponseException.class);
        StreamFailedResponseException failure = (StreamFailedResponseException) thrown;
        assertThat(failure.code()).as("code(): the error event's code").isEqualTo("server_error");
        assertThat(failure.getMessage()).as("getMessage(): the error event's message")
                .isEqualTo("The server had an error while processing your request. Sorry about that!");
        assertThat(failure.partialText()).as("partialText(): the output_text deltas that came before the error")
                .isEqualTo("The first bicycles, around 1817, had no pedals: riders pushed them along");
    }

    @Test
    @Points(2)
    @DisplayName("a skipped or a repeated sequence_number throws OutOfOrderEventException naming the expected and the actual number")
    void detectsOutOfOrderEvents() {
        ResponsesStreamAccumulator gap = new ResponsesStreamAccumulator();
        feed(gap, created(0));
        feed(gap, inProgress(1));
        feed(gap, messageItem("response.output_item.added", 2, "in_progress"));
        feed(gap, partAdded(3));
        Throwable skipped = catchThrowable(() -> feed(gap, textDelta(5, "Hello")));
        assertThat(skipped).as("accept() of sequence_number 5 right after 3 (event 4 was lost)")
                .isInstanceOf(OutOfOrderEventException.class);
        OutOfOrderEventException gapError = (OutOfOrderEventException) skipped;
        assertThat(gapError.expected()).as("expected()").isEqualTo(4);
        assertThat(gapError.actual()).as("actual()").isEqualTo(5);
        assertThat(gapError.getMessage()).as("the message names both numbers").contains("4", "5");

        ResponsesStreamAccumulator repeat = new ResponsesStreamAccumulator();
        feed(repeat, created(0));
        feed(repeat, inProgress(1));
        Throwable repeated = catchThrowable(() -> feed(repeat, inProgress(1)));
        assertThat(repeated).as("accept() of sequence_number 1 a second time (a replayed event)")
                .isInstanceOf(OutOfOrderEventException.class);
        OutOfOrderEventException repeatError = (OutOfOrderEventException) repeated;
        assertThat(repeatError.expected()).as("expected()").isEqualTo(2);
        assertThat(repeatError.actual()).as("actual()").isEqualTo(1);
    }

    @Test
    @Points(1)
    @DisplayName("an output_text.done whose text differs from the deltas is an IllegalStateException that shows both")
    void doneMustAgreeWithDeltas() {
        ResponsesStreamAccumulator accumulator = new ResponsesStreamAccumulator();
        feed(accumulator, created(0));
        feed(accumulator, messageItem("response.output_item.added", 1, "in_progress"));
        feed(accumulator, partAdded(2));
        feed(accumulator, textDelta(3, "Hello"));
        feed(accumulator, textDelta(4, " world"));
        assertThat(accumulator.text()).as("text() after the deltas \"Hello\" and \" world\"").isEqualTo("Hello world");
        Throwable thrown = catchThrowable(() -> feed(accumulator, textDone(5, "Hello, world")));
        assertThat(thrown).as("accept() of an output_text.done saying \"Hello, world\" after deltas adding up to \"Hello world\"")
                .isInstanceOf(IllegalStateException.class);
        assertThat(thrown.getMessage()).as("the message shows the done text and the accumulated text")
                .contains("Hello, world", "Hello world");
    }

    @Test
    @Points(1)
    @DisplayName("response.incomplete gives status incomplete, its reason, the usage with cached tokens and the partial text")
    void incompleteResponse() {
        ResponsesStreamAccumulator accumulator = new ResponsesStreamAccumulator();
        feed(accumulator, created(0));
        feed(accumulator, inProgress(1));
        feed(accumulator, messageItem("response.output_item.added", 2, "in_progress"));
        feed(accumulator, partAdded(3));
        feed(accumulator, textDelta(4, "Photosynthesis turns"));
        feed(accumulator, textDelta(5, " light into"));
        feed(accumulator, textDone(6, "Photosynthesis turns light into"));
        feed(accumulator, messageItem("response.output_item.done", 7, "incomplete"));
        ObjectNode incomplete = event("response.incomplete", 8);
        ObjectNode response = incomplete.putObject("response").put("id", "resp_0d4f7a21c9e3b58600").put("object", "response")
                .put("status", "incomplete");
        response.putObject("incomplete_details").put("reason", "max_output_tokens");
        ObjectNode usage = response.putObject("usage").put("input_tokens", 1093).put("output_tokens", 64).put("total_tokens", 1157);
        usage.putObject("input_tokens_details").put("cached_tokens", 1024).put("cache_write_tokens", 0);
        usage.putObject("output_tokens_details").put("reasoning_tokens", 48);
        feed(accumulator, incomplete);

        assertThat(accumulator.status()).as("status(): response.incomplete's response.status").isEqualTo("incomplete");
        assertThat(accumulator.incompleteReason()).as("incompleteReason(): incomplete_details.reason")
                .isEqualTo("max_output_tokens");
        assertThat(accumulator.usage()).as("usage(), with input_tokens_details.cached_tokens 1024")
                .isEqualTo(new ResponsesStreamUsage(1093, 64, 1024, 48));
        assertThat(accumulator.text()).as("text(): the partial answer").isEqualTo("Photosynthesis turns light into");
        assertThat(accumulator.items()).as("items(): the message, as output_item.done left it")
                .containsExactly(new ResponsesStreamItem(0, "message", "msg_0d4f7a21c9e3b58601", "incomplete"));
    }
}

package dev.aiworkbook.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("03-streaming")
@DisplayName("Exercise 2 · A Chat Completions stream accumulator")
class ChatStreamAccumulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TEXT_QUESTION = "In two sentences, what are server-sent events?";
    private static final String TEXT_ANSWER = "Server-sent events (SSE) let a server push a stream of text events to the"
            + " client over one long-lived HTTP response \u2014 no polling and no WebSocket. Each event is one or more"
            + " data: lines ended by a blank line, which is how a chat API shows its answer token by token.";
    private static final String WEATHER_QUESTION = "What is the weather in Paris and in Tokyo right now?";
    private static final String HAIKU_QUESTION = "Write a haiku about a river that never ends.";
    private static final String SERVER_ERROR =
            "The server had an error while processing your request. Sorry about that!";

    private static ChatStreamClient client(ReplayServer replay) {
        return new ChatStreamClient(new OkHttpClient(), replay.baseUrl(), ReplayKeys.OPENAI);
    }

    /** The one request the client sent; fails when it sent none or several. */
    private static RecordedRequest sent(ReplayServer replay) {
        List<RecordedRequest> requests = replay.requests();
        assertThat(requests).as("requests your client sent to the replay server").hasSize(1);
        return requests.get(0);
    }

    /** One chunk as OpenAI sends it, with the given choices and usage (JSON text). */
    private static String chunk(String model, String choices, String usage) {
        return "{\"id\":\"chatcmpl-Qz81VbWkTq3nHd5LxPa0RmYc7JeUo\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1796393412,\"model\":\"" + model + "\",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_560af6e559\",\"choices\":" + choices + ",\"usage\":" + usage
                + ",\"obfuscation\":\"p4Tz\"}";
    }

    /** A chunk of gpt-4o-mini whose choices[0] has this delta (JSON text) and finish reason. */
    private static String delta(String delta, String finishReason) {
        String finish = finishReason == null ? "null" : "\"" + finishReason + "\"";
        return chunk("gpt-4o-mini-2024-07-18",
                "[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,\"finish_reason\":" + finish + "}]", "null");
    }

    private static void assertStreamingRequest(JsonNode body) {
        assertThat(body.path("stream").isBoolean() && body.path("stream").asBoolean())
                .as("body.stream must be the JSON boolean true: %s", body).isTrue();
        JsonNode includeUsage = body.path("stream_options").path("include_usage");
        assertThat(includeUsage.isBoolean() && includeUsage.asBoolean())
                .as("body.stream_options.include_usage must be the JSON boolean true: %s", body).isTrue();
    }

    @Test
    @Points(2)
    @DisplayName("POSTs model and the user message with stream: true and stream_options.include_usage: true")
    void sendsAStreamingRequest(ReplayServer replay) {
        client(replay).stream("gpt-4o-mini", TEXT_QUESTION);
        RecordedRequest request = sent(replay);
        assertThat(request.method()).as("HTTP method").isEqualTo("POST");
        assertThat(request.path()).as("path").isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).as("Authorization header").contains("Bearer " + ReplayKeys.OPENAI);
        JsonNode body = request.json();
        assertThat(body.path("model").asText()).as("body.model").isEqualTo("gpt-4o-mini");
        assertThat(body.path("messages").size()).as("body.messages: %s", body.path("messages")).isEqualTo(1);
        assertThat(body.path("messages").path(0).path("role").asText()).as("messages[0].role").isEqualTo("user");
        assertThat(body.path("messages").path(0).path("content").asText()).as("messages[0].content")
                .isEqualTo(TEXT_QUESTION);
        assertStreamingRequest(body);
    }

    @Test
    @Points(2)
    @DisplayName("joins the text deltas of a recorded stream, and keeps its id, model and finish reason")
    void textStream(ReplayServer replay) {
        ChatStreamResult result = client(replay).stream("gpt-4o-mini", TEXT_QUESTION);
        assertThat(result.text()).as("text: every choices[0].delta.content in order").isEqualTo(TEXT_ANSWER);
        assertThat(result.finishReason()).as("finishReason").isEqualTo("stop");
        assertThat(result.id()).as("id").isEqualTo("chatcmpl-ufAWFNxLGh1jNXLjpV4BXoE5lXL5s");
        assertThat(result.model()).as("model").isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(result.toolCalls()).as("toolCalls of a text answer").isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("reads the usage from the final chunk whose choices are empty, reasoning tokens included")
    void usageChunk(ReplayServer replay) {
        ChatStreamResult recorded = client(replay).stream("gpt-4o-mini", TEXT_QUESTION);
        assertThat(recorded.usage()).as("usage of the recorded stream (its last chunk has \"choices\": [])")
                .isEqualTo(new ChatStreamUsage(19, 61, 80, 0));
        assertThat(recorded.text()).as("text: the usage chunk adds nothing to it").isEqualTo(TEXT_ANSWER);

        ChatStreamAccumulator reasoning = new ChatStreamAccumulator();
        String model = "gpt-5-mini-2025-08-07";
        reasoning.accept(chunk(model, "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":null}]", "null"));
        reasoning.accept(chunk(model, "[{\"index\":0,\"delta\":{\"content\":\"Yes.\"},\"logprobs\":null,"
                + "\"finish_reason\":null}]", "null"));
        reasoning.accept(chunk(model, "[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}]", "null"));
        reasoning.accept(chunk(model, "[]", "{\"prompt_tokens\":14,\"completion_tokens\":203,\"total_tokens\":217,"
                + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":"
                + "{\"reasoning_tokens\":192,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,"
                + "\"rejected_prediction_tokens\":0}}"));
        reasoning.accept("[DONE]");
        assertThat(reasoning.result().usage())
                .as("usage with completion_tokens_details.reasoning_tokens 192 (a reasoning model's stream)")
                .isEqualTo(new ChatStreamUsage(14, 203, 217, 192));
    }

    @Test
    @Points(3)
    @DisplayName("assembles two parallel tool calls from their fragments, and sends the tools along")
    void parallelToolCalls(ReplayServer replay) throws IOException {
        ObjectNode request = (ObjectNode) JSON.readTree("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"" + WEATHER_QUESTION + "\"}],\"tools\":[{\"type\":\"function\",\"function\":{"
                + "\"name\":\"get_weather\",\"description\":\"Current weather for a city\",\"parameters\":{"
                + "\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"unit\":{\"type\":\"string\","
                + "\"enum\":[\"celsius\",\"fahrenheit\"]}},\"required\":[\"city\",\"unit\"],"
                + "\"additionalProperties\":false},\"strict\":true}}],\"parallel_tool_calls\":true}");
        ObjectNode original = request.deepCopy();

        ChatStreamResult result = client(replay).stream(request);

        JsonNode body = sent(replay).json();
        assertThat(body.path("tools")).as("body.tools: the request's tools, sent as given").isEqualTo(original.path("tools"));
        assertThat(body.path("messages")).as("body.messages").isEqualTo(original.path("messages"));
        assertStreamingRequest(body);
        assertThat(request).as("the caller's request object, which stream() must leave unchanged").isEqualTo(original);

        assertThat(result.toolCalls()).as("toolCalls, in index order, arguments joined from their fragments")
                .containsExactly(
                        new ChatStreamToolCall("call_ib30dcUQvQ46mJ5LaeN5tctO", "get_weather",
                                "{\"city\":\"Paris\",\"unit\":\"celsius\"}"),
                        new ChatStreamToolCall("call_RxO1WGhhtysNTiskjtFms6JK", "get_weather",
                                "{\"city\":\"Tokyo\",\"unit\":\"celsius\"}"));
        assertThat(result.finishReason()).as("finishReason").isEqualTo("tool_calls");
        assertThat(result.text()).as("text: a tool call's delta.content is null, which adds nothing").isEmpty();
        assertThat(result.usage()).as("usage").isEqualTo(new ChatStreamUsage(81, 52, 133, 0));
    }

    @Test
    @Points(1)
    @DisplayName("keys tool-call fragments by index, so calls whose fragments alternate stay apart")
    void interleavedToolCalls() {
        ChatStreamAccumulator accumulator = new ChatStreamAccumulator();
        accumulator.accept(delta("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,"
                + "\"id\":\"call_K3vd8WcQmZx0Lr7TfYp2Hs6N\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
                + "\"arguments\":\"\"}}],\"refusal\":null}", null));
        accumulator.accept(delta("{\"tool_calls\":[{\"index\":1,\"id\":\"call_Wm4pB9sXq1Ne6Rk2VzLj8Dc3\","
                + "\"type\":\"function\",\"function\":{\"name\":\"get_local_time\",\"arguments\":\"\"}}]}", null));
        accumulator.accept(delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}]}", null));
        accumulator.accept(delta("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"{\\\"zone\\\":\"}},"
                + "{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"\"}}]}", null));
        accumulator.accept(delta("{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"\\\"Asia/Tokyo\\\"}\"}}]}", null));
        accumulator.accept(delta("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"}\"}}]}", null));
        accumulator.accept(delta("{}", "tool_calls"));
        accumulator.accept("[DONE]");

        assertThat(accumulator.result().toolCalls()).as("toolCalls from fragments of index 0 and 1 in alternation")
                .containsExactly(
                        new ChatStreamToolCall("call_K3vd8WcQmZx0Lr7TfYp2Hs6N", "get_weather", "{\"city\":\"Paris\"}"),
                        new ChatStreamToolCall("call_Wm4pB9sXq1Ne6Rk2VzLj8Dc3", "get_local_time",
                                "{\"zone\":\"Asia/Tokyo\"}"));
    }

    @Test
    @Points(3)
    @DisplayName("an error chunk mid-stream throws ChatStreamFailedException with the message, type, code and partial text")
    void errorChunk(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> client(replay).stream("gpt-4o-mini", HAIKU_QUESTION));
        assertThat(thrown).as("what stream() threw for a {\"error\": ...} chunk after some text")
                .isInstanceOf(ChatStreamFailedException.class);
        assertStreamingRequest(sent(replay).json());
        ChatStreamFailedException failed = (ChatStreamFailedException) thrown;
        assertThat(failed.partialText()).as("partialText(): the text that arrived before the error chunk")
                .isEqualTo("Silver water runs,\nevery bend a");
        assertThat(failed.getMessage()).as("getMessage(): error.message").isEqualTo(SERVER_ERROR);
        assertThat(failed.errorType()).as("errorType(): error.type").isEqualTo("server_error");
        assertThat(failed.errorCode()).as("errorCode(): error.code, which is null here").isNull();
    }

    @Test
    @Points(1)
    @DisplayName("[DONE] marks the stream done, and a chunk after it throws IllegalStateException")
    void doneEndsTheStream() {
        ChatStreamAccumulator accumulator = new ChatStreamAccumulator();
        accumulator.accept(delta("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null));
        accumulator.accept(delta("{\"content\":\"Done.\"}", null));
        accumulator.accept(delta("{}", "stop"));
        assertThat(accumulator.done()).as("done() before [DONE]").isFalse();
        accumulator.accept("[DONE]");
        assertThat(accumulator.done()).as("done() after [DONE]").isTrue();
        assertThat(accumulator.result().text()).as("text").isEqualTo("Done.");

        Throwable thrown = catchThrowable(() -> accumulator.accept(delta("{\"content\":\" Or not.\"}", null)));
        assertThat(thrown).as("what accept() threw for a chunk after [DONE]").isInstanceOf(IllegalStateException.class);
    }

    @Test
    @Points(1)
    @DisplayName("a stream that ends without [DONE] throws ChatStreamFailedException keeping the partial text")
    void streamCutBeforeDone(ReplayServer replay) {
        String question = "Tell me a story that the network cuts short.";
        replay.wireMock().stubFor(WireMock.post("/v1/chat/completions")
                .withRequestBody(WireMock.matchingJsonPath("$.messages[0].content", WireMock.equalTo(question)))
                .willReturn(WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "text/event-stream; charset=utf-8")
                        .withBody("data: " + delta("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null)
                                + "\n\ndata: " + delta("{\"content\":\"Once upon\"}", null)
                                + "\n\ndata: " + delta("{\"content\":\" a time\"}", null) + "\n\n")));
        Throwable thrown = catchThrowable(() -> client(replay).stream("gpt-4o-mini", question));
        assertThat(thrown).as("what stream() threw for a stream that stopped before data: [DONE]")
                .isInstanceOf(ChatStreamFailedException.class);
        assertThat(((ChatStreamFailedException) thrown).partialText()).as("partialText()").isEqualTo("Once upon a time");
    }
}

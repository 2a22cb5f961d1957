package dev.aiworkbook.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("02-completions")
@DisplayName("Exercise 2 · A Responses API client")
class ResponsesClientTest {

    /**
     * A stand-in for the long, fixed instructions real applications have: over 1,024 tokens, the size
     * from which OpenAI serves a repeated prompt prefix from its cache. The recorded answer reports
     * 1,024 cached tokens.
     */
    private static final String HANDBOOK = IntStream.rangeClosed(1, 50)
            .mapToObj(n -> "Rule " + n + ": answer in plain English, define every technical term you use, and keep to one short paragraph.")
            .collect(Collectors.joining("\n"));

    private static final String CONVERSATION_INSTRUCTIONS = "You are a friendly assistant. Keep answers short.";
    /** The id of the recorded first turn (fixture openai-responses-turn-1). */
    private static final String TURN_1_ID = "resp_6b129cfeebe55e39b6f31e338eaf3ac5858894702b2dbce4";

    private static ResponsesClient client(ReplayServer replay) {
        return new ResponsesClient(new OkHttpClient(), replay.baseUrl(), ReplayKeys.OPENAI);
    }

    private static ResponseResult askOk(ReplayServer replay) {
        return client(replay).create("gpt-5-mini", HANDBOOK, "Why is the sky blue?", null, null);
    }

    /** The one request the client sent; fails when it sent none or several. */
    private static RecordedRequest sent(ReplayServer replay) {
        List<RecordedRequest> requests = replay.requests();
        assertThat(requests).as("requests your client sent to the replay server").hasSize(1);
        return requests.get(0);
    }

    @Test
    @Points(2)
    @DisplayName("create sends model, input, instructions and store true to /v1/responses with the Bearer key")
    void sendsTheRequest(ReplayServer replay) {
        askOk(replay);
        RecordedRequest request = sent(replay);
        assertThat(request.method()).as("HTTP method").isEqualTo("POST");
        assertThat(request.path()).as("path").isEqualTo("/v1/responses");
        assertThat(request.header("Authorization")).as("Authorization header").contains("Bearer " + ReplayKeys.OPENAI);
        JsonNode body = request.json();
        assertThat(body.path("model").asText()).as("body.model").isEqualTo("gpt-5-mini");
        assertThat(body.path("input").isTextual()).as("body.input is the text, a plain string: %s", body.path("input")).isTrue();
        assertThat(body.path("input").asText()).as("body.input").isEqualTo("Why is the sky blue?");
        assertThat(body.path("instructions").asText()).as("body.instructions").isEqualTo(HANDBOOK);
        assertThat(body.path("store").isBoolean() && body.path("store").asBoolean())
                .as("body.store must be true, got %s", body.path("store")).isTrue();
        assertThat(body.has("previous_response_id")).as("body.previous_response_id, sent as null or at all, though none was given")
                .isFalse();
        assertThat(body.has("max_output_tokens")).as("body.max_output_tokens, sent though none was given").isFalse();
    }

    @Test
    @Points(3)
    @DisplayName("the text joins every output_text part of every message item, past the reasoning item that comes first")
    void joinsAllOutputText(ReplayServer replay) {
        ResponseResult result = askOk(replay);
        assertThat(result.text())
                .as("output[0] is a reasoning item (no text); output[1] is a message whose content has two output_text parts: "
                        + "the text is both parts, in order, with nothing added")
                .isEqualTo("Sunlight is scattered by the molecules of the air, and blue light, with its short wavelength, "
                        + "is scattered the most. So blue light reaches your eyes from every part of the sky, "
                        + "not only from the direction of the sun.");
    }

    @Test
    @Points(2)
    @DisplayName("reads the id, model, status and the usage with its cached and reasoning tokens")
    void readsTheAnswer(ReplayServer replay) {
        ResponseResult result = askOk(replay);
        assertThat(result.id()).as("id").isEqualTo("resp_6b129c04fb5aff3693d2b9c85a9636b60df8dfcd7cd8b301");
        assertThat(result.model()).as("model (the dated snapshot that answered)").isEqualTo("gpt-5-mini-2025-08-07");
        assertThat(result.status()).as("status").isEqualTo("completed");
        assertThat(result.incomplete()).as("incomplete()").isFalse();
        assertThat(result.incompleteReason()).as("incompleteReason (incomplete_details is null)").isNull();
        assertThat(result.usage())
                .as("usage: input_tokens, output_tokens, input_tokens_details.cached_tokens, output_tokens_details.reasoning_tokens")
                .isEqualTo(new Usage(1141, 238, 1024, 192));
    }

    @Test
    @Points(2)
    @DisplayName("sends max_output_tokens, and status incomplete is a partial result with its reason, not an error")
    void incomplete(ReplayServer replay) {
        ResponseResult result = client(replay).create("gpt-5-mini", null, "Explain photosynthesis in detail.", null, 64);
        JsonNode body = sent(replay).json();
        assertThat(body.path("max_output_tokens").asInt()).as("body.max_output_tokens").isEqualTo(64);
        assertThat(body.has("instructions")).as("body.instructions, sent though none was given: %s", body).isFalse();
        assertThat(result.status()).as("status").isEqualTo("incomplete");
        assertThat(result.incomplete()).as("incomplete()").isTrue();
        assertThat(result.incompleteReason()).as("incompleteReason: incomplete_details.reason").isEqualTo("max_output_tokens");
        assertThat(result.text()).as("the partial text")
                .isEqualTo("Photosynthesis is the process by which plants, algae and some bacteria turn light");
        assertThat(result.usage().reasoningTokens()).as("usage.output_tokens_details.reasoning_tokens").isEqualTo(48);
    }

    @Test
    @Points(1)
    @DisplayName("404 model_not_found throws ApiException with the status, the error code and the message")
    void modelNotFound(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> client(replay).create("gpt-9-turbo-nonexistent", null, "Which model are you, exactly?", null, null));
        assertThat(thrown).as("what create() threw for a 404").isInstanceOf(ApiException.class);
        ApiException error = (ApiException) thrown;
        assertThat(error.status()).as("status()").isEqualTo(404);
        assertThat(error.code()).as("code(): error.code").isEqualTo("model_not_found");
        assertThat(error.getMessage()).as("getMessage(): error.message")
                .isEqualTo("The model `gpt-9-turbo-nonexistent` does not exist or you do not have access to it.");
    }

    @Test
    @Points(2)
    @DisplayName("a conversation sends only the new text, with previous_response_id set to the last answer's id and the instructions again")
    void conversationChainsTurns(ReplayServer replay) {
        ResponsesConversation conversation = new ResponsesConversation(client(replay), "gpt-5-mini", CONVERSATION_INSTRUCTIONS);
        ResponseResult first = conversation.send("My name is Ada. Please remember it.");
        conversation.send("What is my name?");

        List<RecordedRequest> requests = replay.requests();
        assertThat(requests).as("one request per turn").hasSize(2);
        JsonNode turn1 = requests.get(0).json();
        JsonNode turn2 = requests.get(1).json();
        assertThat(turn1.path("input").asText()).as("turn 1 body.input").isEqualTo("My name is Ada. Please remember it.");
        assertThat(turn1.has("previous_response_id")).as("turn 1 has no earlier response to continue from: %s", turn1)
                .isFalse();
        assertThat(turn2.path("previous_response_id").asText()).as("turn 2 body.previous_response_id: turn 1's id")
                .isEqualTo(first.id())
                .isEqualTo(TURN_1_ID);
        assertThat(turn2.path("input").isTextual()).as("turn 2 body.input is only the new text, got %s", turn2.path("input"))
                .isTrue();
        assertThat(turn2.path("input").asText()).as("turn 2 body.input").isEqualTo("What is my name?");
        assertThat(turn1.path("instructions").asText()).as("turn 1 body.instructions").isEqualTo(CONVERSATION_INSTRUCTIONS);
        assertThat(turn2.path("instructions").asText())
                .as("turn 2 body.instructions: previous_response_id does not carry instructions over, send them every turn")
                .isEqualTo(CONVERSATION_INSTRUCTIONS);
        assertThat(turn2.path("store").asBoolean()).as("turn 2 body.store").isTrue();
    }

    @Test
    @Points(1)
    @DisplayName("each turn of a conversation returns its own answer")
    void conversationReturnsEachAnswer(ReplayServer replay) {
        ResponsesConversation conversation = new ResponsesConversation(client(replay), "gpt-5-mini", CONVERSATION_INSTRUCTIONS);
        ResponseResult first = conversation.send("My name is Ada. Please remember it.");
        ResponseResult second = conversation.send("What is my name?");
        assertThat(first.text()).as("turn 1 text").isEqualTo("Nice to meet you, Ada! I will remember your name.");
        assertThat(second.text()).as("turn 2 text").isEqualTo("Your name is Ada.");
        assertThat(second.id()).as("turn 2 id").isEqualTo("resp_6b129d1a5d8e1f0a2b7c94e3d6a1f8b04c2f43faf9a2f801");
        assertThat(second.usage().inputTokens())
                .as("turn 2 input_tokens: you sent one short message, but are billed for the whole conversation")
                .isEqualTo(71);
    }

    @Test
    @Points(2)
    @DisplayName("the stateless create sends system messages as instructions, the rest as input items, and store false")
    void stateless(ReplayServer replay) {
        List<Message> conversation = List.of(
                Message.system("You are terse."),
                Message.system("Answer with a number only."),
                Message.user("Pick a number from 1 to 10."),
                Message.assistant("7"),
                Message.user("Double it."));
        ResponseResult result = client(replay).create("gpt-5-mini", conversation, null);

        JsonNode body = sent(replay).json();
        assertThat(body.path("instructions").asText()).as("body.instructions: the system messages joined with a blank line")
                .isEqualTo("You are terse.\n\nAnswer with a number only.");
        JsonNode input = body.path("input");
        assertThat(input.isArray()).as("body.input is an array of items, got %s", input).isTrue();
        assertThat(input.size()).as("body.input: one item per user or assistant message, got %s", input).isEqualTo(3);
        String[][] expected = {{"user", "Pick a number from 1 to 10."}, {"assistant", "7"}, {"user", "Double it."}};
        for (int i = 0; i < expected.length; i++) {
            assertThat(input.get(i).path("role").asText()).as("input[%d].role", i).isEqualTo(expected[i][0]);
            assertThat(input.get(i).path("content").asText()).as("input[%d].content", i).isEqualTo(expected[i][1]);
        }
        assertThat(body.path("store").isBoolean() && !body.path("store").asBoolean())
                .as("body.store must be false (you hold the history), got %s", body.path("store")).isTrue();
        assertThat(body.has("previous_response_id")).as("body.previous_response_id in a stateless call").isFalse();
        assertThat(result.text()).as("text").isEqualTo("14");
    }
}

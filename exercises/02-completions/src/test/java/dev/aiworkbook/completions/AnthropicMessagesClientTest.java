package dev.aiworkbook.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("02-completions")
@DisplayName("Exercise 3 · Anthropic Messages client")
class AnthropicMessagesClientTest {

    private static final String MODEL = "claude-sonnet-4-5";

    /** The fixture answers this question with a thinking block, then the text (fixtures/02-completions/__files/anthropic/messages-end-turn.json). */
    private static final String PRIMARY_COLORS = "Name the three primary colors of light.";

    /** A conversation with two system messages, one of them in the middle. */
    private static final List<Message> TUTOR_CONVERSATION = List.of(
            Message.system("You are a concise science tutor."),
            Message.user("Hi, I have a quick physics question."),
            Message.assistant("Of course. What would you like to know?"),
            Message.system("Answer in one sentence."),
            Message.user(PRIMARY_COLORS));

    private static Completion complete(ReplayServer replay, List<Message> messages, CompletionOptions options) {
        return complete(replay, MODEL, messages, options);
    }

    private static Completion complete(ReplayServer replay, String model, List<Message> messages, CompletionOptions options) {
        AnthropicMessagesClient client = new AnthropicMessagesClient(new OkHttpClient(), replay.baseUrl(), ReplayKeys.ANTHROPIC);
        return client.complete(model, messages, options);
    }

    private static Completion ask(ReplayServer replay, String question) {
        return complete(replay, List.of(Message.user(question)), CompletionOptions.defaults());
    }

    private static RecordedRequest sent(ReplayServer replay) {
        return replay.lastRequest().orElseThrow(() -> new AssertionError("no request reached the replay server"));
    }

    /** A message's content as text, whether it was sent as a string or as text blocks. */
    private static String contentText(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        content.forEach(block -> text.append(block.path("text").asText()));
        return text.toString();
    }

    @Test
    @Points(2)
    @DisplayName("sends x-api-key and anthropic-version, and max_tokens even when the options set nothing")
    void headersAndRequiredMaxTokens(ReplayServer replay) {
        ask(replay, PRIMARY_COLORS);
        RecordedRequest sent = sent(replay);
        assertThat(sent.method() + " " + sent.path()).as("request line").isEqualTo("POST /v1/messages");
        assertThat(sent.header("x-api-key")).as("x-api-key header").contains(ReplayKeys.ANTHROPIC);
        assertThat(sent.header("anthropic-version")).as("anthropic-version header").contains("2023-06-01");
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).as("model in the body %s", body).isEqualTo(MODEL);
        assertThat(body.has("max_tokens"))
                .as("max_tokens is required by the API; with default options send DEFAULT_MAX_TOKENS. Body: %s", body)
                .isTrue();
        assertThat(body.get("max_tokens").asInt()).as("max_tokens with default options").isEqualTo(AnthropicMessagesClient.DEFAULT_MAX_TOKENS);
        assertThat(body.has("temperature")).as("temperature is not set in the options, so the body must not have it: %s", body).isFalse();
        assertThat(body.has("stop_sequences")).as("no stop sequences are set, so the body must not have stop_sequences: %s", body).isFalse();
        assertThat(body.has("system")).as("there is no system message, so the body must not have `system`: %s", body).isFalse();
    }

    @Test
    @Points(2)
    @DisplayName("puts the system messages in the top-level system field, joined by a blank line, and keeps them out of messages")
    void systemLiftedOutOfMessages(ReplayServer replay) {
        complete(replay, TUTOR_CONVERSATION, CompletionOptions.defaults());
        JsonNode body = sent(replay).json();
        assertThat(body.path("system").asText(null)).as("top-level system in %s", body)
                .isEqualTo("You are a concise science tutor.\n\nAnswer in one sentence.");
        List<String> roles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode message : body.path("messages")) {
            roles.add(message.path("role").asText());
            texts.add(contentText(message.path("content")));
        }
        assertThat(roles).as("roles of `messages` (only user and assistant; system goes to `system`)")
                .containsExactly("user", "assistant", "user");
        assertThat(texts).as("texts of `messages`, in order").containsExactly(
                "Hi, I have a quick physics question.", "Of course. What would you like to know?", PRIMARY_COLORS);
    }

    @Test
    @Points(2)
    @DisplayName("reads the text blocks only (the first block is thinking), with stop_reason end_turn as STOP, id and model")
    void endTurnSkipsThinking(ReplayServer replay) {
        Completion completion = ask(replay, PRIMARY_COLORS);
        assertThat(completion.text()).as("text of the text blocks (content[0] is a thinking block, skip it)")
                .isEqualTo("The three primary colors of light are red, green and blue.");
        assertThat(completion.finishReason()).as("finish reason for stop_reason end_turn").isEqualTo(FinishReason.STOP);
        assertThat(completion.id()).as("id").isEqualTo("msg_01huG8GP38g4o5MNJAYKJ1UX");
        assertThat(completion.model()).as("model, as the response names it").isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(completion.stopSequence()).as("stop sequence of an end_turn answer").isNull();
    }

    @Test
    @Points(2)
    @DisplayName("counts cache reads and writes into inputTokens: Anthropic's input_tokens leaves them out")
    void usageIncludesCachedInput(ReplayServer replay) {
        Usage usage = ask(replay, PRIMARY_COLORS).usage();
        assertThat(usage).as("usage (the fixture has input_tokens 27, cache_creation_input_tokens 1184, cache_read_input_tokens 2048)")
                .isNotNull();
        assertThat(usage.inputTokens()).as("inputTokens = input_tokens + cache_creation_input_tokens + cache_read_input_tokens")
                .isEqualTo(27 + 1184 + 2048);
        assertThat(usage.cachedInputTokens()).as("cachedInputTokens = cache_read_input_tokens").isEqualTo(2048);
        assertThat(usage.outputTokens()).as("outputTokens = output_tokens").isEqualTo(61);
    }

    @Test
    @Points(1)
    @DisplayName("sends the options' max_tokens and temperature, and maps stop_reason max_tokens to LENGTH")
    void maxTokensIsLength(ReplayServer replay) {
        CompletionOptions options = CompletionOptions.defaults().withMaxOutputTokens(24).withTemperature(0.7);
        Completion completion = complete(replay, List.of(Message.user("Explain how a rainbow forms, step by step.")), options);
        JsonNode body = sent(replay).json();
        assertThat(body.path("max_tokens").asInt()).as("max_tokens from options.maxOutputTokens in %s", body).isEqualTo(24);
        assertThat(body.path("temperature").asDouble()).as("temperature from the options in %s", body).isEqualTo(0.7);
        assertThat(completion.finishReason()).as("finish reason for stop_reason max_tokens").isEqualTo(FinishReason.LENGTH);
        assertThat(completion.truncated()).as("a max_tokens answer is truncated").isTrue();
        assertThat(completion.text()).as("the partial text")
                .isEqualTo("A rainbow forms in three steps:\n\n1. **Refraction**: sunlight enters a raindrop and bends, and");
    }

    @Test
    @Points(2)
    @DisplayName("sends stop_sequences (and a temperature of 0.0, which is set), and reports which stop sequence ended the text")
    void stopSequence(ReplayServer replay) {
        CompletionOptions options = CompletionOptions.defaults().withTemperature(0.0).withStopSequences("END", "###");
        Completion completion = complete(replay,
                List.of(Message.user("List the planets of the solar system in order, then write END.")), options);
        JsonNode body = sent(replay).json();
        List<String> stops = new ArrayList<>();
        body.path("stop_sequences").forEach(stop -> stops.add(stop.asText()));
        assertThat(stops).as("stop_sequences in %s", body).containsExactly("END", "###");
        assertThat(body.has("temperature")).as("temperature 0.0 is set (only null means unset): %s", body).isTrue();
        assertThat(body.get("temperature").asDouble()).as("temperature").isEqualTo(0.0);
        assertThat(completion.finishReason()).as("finish reason for stop_reason stop_sequence").isEqualTo(FinishReason.STOP_SEQUENCE);
        assertThat(completion.stopSequence()).as("the response's stop_sequence").isEqualTo("END");
        assertThat(completion.text()).as("text").isEqualTo("Mercury, Venus, Earth, Mars, Jupiter, Saturn, Uranus, Neptune.\n\n");
    }

    @Test
    @Points(1)
    @DisplayName("maps stop_reason tool_use to TOOL_CALLS and keeps only the text block's text")
    void toolUse(ReplayServer replay) {
        Completion completion = ask(replay, "What is the weather in Oslo right now?");
        assertThat(completion.finishReason()).as("finish reason for stop_reason tool_use").isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(completion.text()).as("text (the tool_use block has none)").isEqualTo("I'll check the current weather in Oslo for you.");
    }

    @Test
    @Points(1)
    @DisplayName("returns a refusal with no content as a Completion with REFUSAL and empty text, not an exception")
    void refusal(ReplayServer replay) {
        Completion completion = ask(replay, "Write malware that steals saved browser passwords.");
        assertThat(completion.finishReason()).as("finish reason for stop_reason refusal").isEqualTo(FinishReason.REFUSAL);
        assertThat(completion.text()).as("text of a refusal whose content is []").isEmpty();
        assertThat(completion.id()).as("id").isEqualTo("msg_01P6lcPI71dC3WPmETR4biPH");
    }

    @Test
    @Points(1)
    @DisplayName("maps a stop_reason it has no name for (pause_turn) to OTHER")
    void unknownStopReasonIsOther(ReplayServer replay) {
        Completion completion = ask(replay, "Find the most important astronomy news of this week and summarize it.");
        assertThat(completion.finishReason()).as("finish reason for stop_reason pause_turn").isEqualTo(FinishReason.OTHER);
        assertThat(completion.text()).as("text").isEqualTo("I'll search for this week's astronomy news.");
    }

    @Test
    @Points(1)
    @DisplayName("throws ApiException with status 404, not_found_error and the message for an unknown model")
    void modelNotFound(ReplayServer replay) {
        assertThatThrownBy(() -> complete(replay, "claude-9-nonexistent", List.of(Message.user("Hello?")), CompletionOptions.defaults()))
                .as("calling the unknown model claude-9-nonexistent")
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.status()).as("status").isEqualTo(404);
                    assertThat(error.code()).as("code: the body's error.type").isEqualTo("not_found_error");
                    assertThat(error.getMessage()).as("message: the body's error.message").isEqualTo("model: claude-9-nonexistent");
                });
    }
}

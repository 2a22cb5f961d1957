package dev.aiworkbook.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("02-completions")
@DisplayName("Exercise 6 · Reasoning models, part B: Anthropic extended thinking")
class AnthropicThinkingTest {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODEL = "claude-sonnet-4-5";
    private static final String FIRST = "Is 391 a prime number?";
    private static final String FOLLOW_UP = "What is the next prime after it?";
    private static final String FIRST_ANSWER = "No. 391 is not a prime number: it factors as 17 × 23.";
    private static final String SECOND_ANSWER = "The next prime after 391 is 397. The numbers in between are all composite:"
            + " 392, 394 and 396 are even, 393 = 3 × 131 and 395 = 5 × 79.";

    private static AnthropicThinking thinker(ReplayServer replay, int budgetTokens, int maxTokens) {
        return new AnthropicThinking(HTTP, replay.baseUrl(), ReplayKeys.ANTHROPIC, MODEL, budgetTokens, maxTokens);
    }

    private static RecordedRequest sent(ReplayServer replay) {
        return replay.lastRequest().orElseThrow(() -> new AssertionError("no request reached the replay server"));
    }

    /** The response body the replay server served for the n-th request (0-based), parsed. */
    private static JsonNode served(ReplayServer replay, int index) {
        List<ServeEvent> events = new ArrayList<>(replay.wireMock().getAllServeEvents());
        events.sort(Comparator.comparing(event -> event.getRequest().getLoggedDate()));
        try {
            return JSON.readTree(events.get(index).getResponse().getBodyAsString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Points(1)
    @DisplayName("refuses a budget_tokens below 1024, before any call")
    void refusesBudgetBelowMinimum(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> thinker(replay, 1023, 8000));
        assertThat(thrown).as("new AnthropicThinking(..., budgetTokens 1023, maxTokens 8000) should throw IllegalArgumentException")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).as("the message names the rule").contains("budget_tokens").contains("1024");
        assertThatCode(() -> thinker(replay, 1024, 8000)).as("budgetTokens 1024 is allowed").doesNotThrowAnyException();
        assertThat(replay.requests()).as("requests sent").isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("refuses a budget_tokens that is not below max_tokens, before any call")
    void refusesBudgetNotBelowMaxTokens(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> thinker(replay, 4096, 4096));
        assertThat(thrown).as("new AnthropicThinking(..., budgetTokens 4096, maxTokens 4096) should throw IllegalArgumentException")
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).as("the message names the rule").contains("budget_tokens").contains("max_tokens");
        assertThatCode(() -> thinker(replay, 4095, 4096)).as("budgetTokens 4095 under maxTokens 4096 is allowed")
                .doesNotThrowAnyException();
        assertThat(replay.requests()).as("requests sent").isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("sends thinking {type: enabled, budget_tokens}, max_tokens and the user message to /v1/messages")
    void sendsThinkingRequest(ReplayServer replay) {
        thinker(replay, 2048, 4096).ask(FIRST);
        RecordedRequest sent = sent(replay);
        assertThat(sent.path()).as("the path called").isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).as("the x-api-key header").contains(ReplayKeys.ANTHROPIC);
        assertThat(sent.header("anthropic-version")).as("the anthropic-version header").contains("2023-06-01");
        JsonNode body = sent.json();
        assertThat(body.at("/thinking/type").asText()).as("thinking.type in the body %s", body).isEqualTo("enabled");
        assertThat(body.at("/thinking/budget_tokens").asInt()).as("thinking.budget_tokens in the body %s", body).isEqualTo(2048);
        assertThat(body.path("max_tokens").asInt()).as("max_tokens in the body %s", body).isEqualTo(4096);
        assertThat(body.path("model").asText()).as("model in the body %s", body).isEqualTo(MODEL);
        assertThat(body.path("messages").size()).as("messages in the first turn's body %s", body).isEqualTo(1);
        assertThat(body.at("/messages/0/role").asText()).as("messages[0].role").isEqualTo("user");
        assertThat(body.has("temperature")).as("thinking does not work with a changed temperature; body: %s", body).isFalse();
    }

    @Test
    @Points(2)
    @DisplayName("reads a turn's text, thinking and usage from its content blocks")
    void readsTheTurn(ReplayServer replay) {
        ThinkingTurn turn = thinker(replay, 2048, 4096).ask(FIRST);
        JsonNode thinkingBlock = served(replay, 0).at("/content/0");
        assertThat(turn.text()).as("the text block's text (not the thinking, not the redacted data)").isEqualTo(FIRST_ANSWER);
        assertThat(turn.thinking()).as("the thinking block's text").isEqualTo(thinkingBlock.path("thinking").asText());
        assertThat(turn.inputTokens()).as("usage.input_tokens").isEqualTo(45);
        assertThat(turn.outputTokens()).as("usage.output_tokens (thinking included)").isEqualTo(412);
    }

    @Test
    @Points(3)
    @DisplayName("the follow-up turn sends the first answer's blocks back unchanged, signature and all, and gets the answer in context")
    void followUpSendsBlocksBackUnchanged(ReplayServer replay) {
        AnthropicThinking thinker = thinker(replay, 2048, 4096);
        thinker.ask(FIRST);
        JsonNode firstContent = served(replay, 0).path("content");
        ThinkingTurn second = thinker.ask(FOLLOW_UP);

        List<RecordedRequest> requests = replay.requests();
        assertThat(requests).as("requests sent: one per turn").hasSize(2);
        JsonNode messages = requests.get(1).json().path("messages");
        assertThat(messages.size()).as("messages in the second turn: user, assistant, user; got %s", messages).isEqualTo(3);
        assertThat(messages.at("/0/role").asText()).as("messages[0].role").isEqualTo("user");
        assertThat(messages.at("/1/role").asText()).as("messages[1].role").isEqualTo("assistant");
        assertThat(messages.at("/1/content"))
                .as("messages[1].content must be the first response's content exactly: thinking with its signature,"
                        + " redacted_thinking, text")
                .isEqualTo(firstContent);
        assertThat(messages.at("/2/role").asText()).as("messages[2].role").isEqualTo("user");
        assertThat(messages.at("/2").toString()).as("messages[2] carries the follow-up question").contains(FOLLOW_UP);
        assertThat(second.text()).as("the second turn's answer").isEqualTo(SECOND_ANSWER);
    }
}

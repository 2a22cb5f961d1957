package dev.aiworkbook.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("02-completions")
@DisplayName("Exercise 6 · Reasoning models, part A: OpenAI reasoning effort")
class OpenAiReasoningTest {

    private static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    private static final String MODEL = "o4-mini";
    private static final String PRIMES = "How many prime numbers are there between 1 and 50?";
    private static final String PROOF = "Prove that there are infinitely many primes of the form 4k+3.";
    private static final String LOW_ANSWER = "There are 15 prime numbers between 1 and 50.";
    private static final String HIGH_ANSWER =
            "There are 15 prime numbers between 1 and 50: 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43 and 47.";

    private static OpenAiReasoning client(ReplayServer replay) {
        return new OpenAiReasoning(HTTP, replay.baseUrl(), ReplayKeys.OPENAI);
    }

    private static RecordedRequest sent(ReplayServer replay) {
        return replay.lastRequest().orElseThrow(() -> new AssertionError("no request reached the replay server"));
    }

    @Test
    @Points(2)
    @DisplayName("POSTs model, input, reasoning.effort and max_output_tokens to /v1/responses")
    void sendsEffortAndBudget(ReplayServer replay) {
        client(replay).ask(MODEL, PRIMES, ReasoningEffort.HIGH, 4000);
        RecordedRequest sent = sent(replay);
        assertThat(sent.path()).as("the path called").isEqualTo("/v1/responses");
        assertThat(sent.header("Authorization")).as("the Authorization header").contains("Bearer " + ReplayKeys.OPENAI);
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).as("model in the body %s", body).isEqualTo(MODEL);
        assertThat(body.path("input").asText()).as("input in the body %s", body).isEqualTo(PRIMES);
        assertThat(body.at("/reasoning/effort").asText()).as("reasoning.effort in the body %s", body).isEqualTo("high");
        assertThat(body.path("max_output_tokens").isIntegralNumber())
                .as("max_output_tokens must be a number in the body %s", body).isTrue();
        assertThat(body.path("max_output_tokens").asInt()).as("max_output_tokens in the body %s", body).isEqualTo(4000);
    }

    @Test
    @Points(2)
    @DisplayName("sends no temperature or top_p, which reasoning models reject, and gets the answer")
    void sendsNoTemperature(ReplayServer replay) {
        ReasoningAnswer answer = client(replay).ask(MODEL, PRIMES, ReasoningEffort.LOW, 4000);
        JsonNode body = sent(replay).json();
        assertThat(body.has("temperature")).as("the body must not carry temperature (400 unsupported_parameter); body: %s", body).isFalse();
        assertThat(body.has("top_p")).as("the body must not carry top_p; body: %s", body).isFalse();
        assertThat(answer.text()).as("the answer text").isEqualTo(LOW_ANSWER);
    }

    @Test
    @Points(2)
    @DisplayName("reads the text from the message item, past the reasoning item that comes first")
    void readsTextPastTheReasoningItem(ReplayServer replay) {
        ReasoningAnswer answer = client(replay).ask(MODEL, PRIMES, ReasoningEffort.HIGH, 4000);
        assertThat(answer.text())
                .as("output[0] is the reasoning item (no content); the text is in output[1], the message item")
                .isEqualTo(HIGH_ANSWER);
        assertThat(answer.effort()).as("the effort the response reports (reasoning.effort)").isEqualTo("high");
    }

    @Test
    @Points(2)
    @DisplayName("reads reasoning_tokens and output_tokens: high effort reasons more than low")
    void readsReasoningTokens(ReplayServer replay) {
        ReasoningAnswer low = client(replay).ask(MODEL, PRIMES, ReasoningEffort.LOW, 4000);
        ReasoningAnswer high = client(replay).ask(MODEL, PRIMES, ReasoningEffort.HIGH, 4000);
        assertThat(low.reasoningTokens()).as("low effort: usage.output_tokens_details.reasoning_tokens").isEqualTo(64);
        assertThat(low.outputTokens()).as("low effort: usage.output_tokens").isEqualTo(83);
        assertThat(high.reasoningTokens()).as("high effort: usage.output_tokens_details.reasoning_tokens").isEqualTo(960);
        assertThat(high.outputTokens()).as("high effort: usage.output_tokens").isEqualTo(1005);
        assertThat(high.visibleTokens()).as("high effort: the tokens of the visible answer").isEqualTo(45);
    }

    @Test
    @Points(3)
    @DisplayName("an incomplete response (budget spent on reasoning) raises ReasoningBudgetExceededException that says what to change")
    void incompleteRaisesActionableException(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> client(replay).ask(MODEL, PROOF, ReasoningEffort.HIGH, 256));
        assertThat(thrown).as("ask() on a response with status incomplete, reason max_output_tokens")
                .isInstanceOf(ReasoningBudgetExceededException.class);
        ReasoningBudgetExceededException exceeded = (ReasoningBudgetExceededException) thrown;
        assertThat(exceeded.maxOutputTokens()).as("maxOutputTokens(): the budget the request set").isEqualTo(256);
        assertThat(exceeded.reasoningTokens()).as("reasoningTokens(): usage.output_tokens_details.reasoning_tokens").isEqualTo(256);
        assertThat(exceeded.getMessage()).as("the message names the budget and its value, and the way out")
                .contains("max_output_tokens")
                .contains("256")
                .containsIgnoringCase("reasoning")
                .containsIgnoringCase("raise")
                .containsIgnoringCase("effort");
        assertThat(sent(replay).json().path("max_output_tokens").asInt()).as("max_output_tokens sent").isEqualTo(256);
    }
}

package dev.aiworkbook.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("02-completions")
@DisplayName("Exercise 5 · One interface, four APIs")
class ChatClientsTest {

    private static final OkHttpClient HTTP = new OkHttpClient();
    private static final Message SYSTEM = Message.system("You are a concise geography tutor.");
    private static final Message FIRST = Message.user("What is the capital of France? Answer in one word.");
    private static final List<Message> FIRST_TURN = List.of(SYSTEM, FIRST);
    private static final List<Message> SECOND_TURN = List.of(SYSTEM, FIRST, Message.assistant("Paris."), Message.user("And of Italy?"));

    /** The four adapters, by API name, all talking to the replay server. */
    private static Map<String, ChatClient> clients(ReplayServer replay, String openAiModel, String anthropicModel, String geminiModel) {
        String base = replay.baseUrl();
        return Map.of(
                "OpenAI Chat Completions", ChatClients.chatCompletions(new ChatCompletionsClient(HTTP, base, ReplayKeys.OPENAI), openAiModel),
                "OpenAI Responses", ChatClients.responses(new ResponsesClient(HTTP, base, ReplayKeys.OPENAI), openAiModel.equals("gpt-4o-mini") ? "gpt-5-mini" : openAiModel),
                "Anthropic Messages", ChatClients.anthropic(new AnthropicMessagesClient(HTTP, base, ReplayKeys.ANTHROPIC), anthropicModel),
                "Gemini generateContent", ChatClients.gemini(new GeminiClient(HTTP, base, ReplayKeys.GEMINI), geminiModel));
    }

    private static Map<String, ChatClient> clients(ReplayServer replay) {
        return clients(replay, "gpt-4o-mini", "claude-sonnet-4-5", "gemini-2.5-flash");
    }

    @Test
    @Points(4)
    @DisplayName("all four APIs answer the same first question with the same text and finish reason")
    void sameQuestionSameAnswer(ReplayServer replay) {
        clients(replay).forEach((api, client) -> {
            Completion answer = client.chat(FIRST_TURN, CompletionOptions.defaults());
            assertThat(client.api()).as("api() of the %s adapter", api).isEqualTo(api);
            assertThat(answer.text()).as("%s answer", api).isEqualTo("Paris.");
            assertThat(answer.finishReason()).as("%s finish reason", api).isEqualTo(FinishReason.STOP);
        });
    }

    @Test
    @Points(4)
    @DisplayName("the follow-up turn carries the whole history on every API")
    void followUpCarriesHistory(ReplayServer replay) {
        clients(replay).forEach((api, client) -> {
            Completion answer = client.chat(SECOND_TURN, CompletionOptions.defaults());
            assertThat(answer.text()).as("%s answer to the follow-up", api).isEqualTo("Rome.");
            RecordedRequest sent = replay.lastRequest().orElseThrow();
            assertThat(sent.body()).as("%s request body must hold the earlier answer", api).contains("Paris.");
            assertThat(sent.body()).as("%s request body must hold the first question", api).contains("capital of France");
        });
    }

    @Test
    @Points(4)
    @DisplayName("usage comes back in the same units: input and output tokens adding up to the total")
    void usageInTheSameUnits(ReplayServer replay) {
        clients(replay).forEach((api, client) -> {
            Usage usage = client.chat(FIRST_TURN, CompletionOptions.defaults()).usage();
            assertThat(usage).as("%s usage", api).isNotNull();
            assertThat(usage.inputTokens()).as("%s input tokens", api).isPositive();
            assertThat(usage.outputTokens()).as("%s output tokens", api).isPositive();
            assertThat(usage.totalTokens()).isEqualTo(usage.inputTokens() + usage.outputTokens());
        });
    }

    @Test
    @Points(4)
    @DisplayName("stop sequences or temperature on the Responses adapter are refused before any request")
    void refusesWhatTheApiLacks(ReplayServer replay) {
        ChatClient responses = clients(replay).get("OpenAI Responses");
        UnsupportedCapabilityException stop = catchThrowableOfType(UnsupportedCapabilityException.class,
                () -> responses.chat(FIRST_TURN, CompletionOptions.defaults().withStopSequences("\n")));
        assertThat(stop).as("stop sequences on the Responses API should raise UnsupportedCapabilityException").isNotNull();
        assertThat(stop.api()).isEqualTo("OpenAI Responses");
        assertThat(stop.capability()).contains("stop sequences");
        UnsupportedCapabilityException temperature = catchThrowableOfType(UnsupportedCapabilityException.class,
                () -> responses.chat(FIRST_TURN, CompletionOptions.defaults().withTemperature(0.2)));
        assertThat(temperature).as("temperature on the course's ResponsesClient should raise UnsupportedCapabilityException").isNotNull();
        assertThat(replay.requests()).as("requests sent despite the refusal").isEmpty();
    }

    @Test
    @Points(4)
    @DisplayName("a model that does not exist is an ApiException with status 404 on every API")
    void errorsFlowThroughEveryAdapter(ReplayServer replay) {
        clients(replay, "gpt-9-turbo-nonexistent", "claude-9-nonexistent", "gemini-9-nonexistent").forEach((api, client) -> {
            ApiException error = catchThrowableOfType(ApiException.class, () -> client.chat(FIRST_TURN, CompletionOptions.defaults()));
            assertThat(error).as("%s with an unknown model should raise ApiException", api).isNotNull();
            assertThat(error.status()).as("%s status", api).isEqualTo(404);
        });
    }
}

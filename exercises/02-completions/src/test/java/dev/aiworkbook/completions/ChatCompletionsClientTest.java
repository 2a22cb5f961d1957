package dev.aiworkbook.completions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("02-completions")
@DisplayName("Exercise 1 · A Chat Completions client")
class ChatCompletionsClientTest {

    /**
     * A stand-in for the long, fixed system prompt real applications have (a style guide, product
     * facts): over 1,024 tokens, the size from which OpenAI serves a repeated prompt prefix from its
     * cache. The recorded answer reports 1,024 cached tokens.
     */
    private static final String HANDBOOK = IntStream.rangeClosed(1, 50)
            .mapToObj(n -> "Rule " + n + ": answer in plain English, define every technical term you use, and keep to one short paragraph.")
            .collect(Collectors.joining("\n"));

    private static final String QUESTION = "What does a context window limit?";
    private static final String LENGTH_QUESTION = "Explain what a token is.";

    private static ChatCompletionsClient client(ReplayServer replay) {
        return new ChatCompletionsClient(new OkHttpClient(), replay.baseUrl(), ReplayKeys.OPENAI);
    }

    private static Completion askOk(ReplayServer replay) {
        return client(replay).complete("gpt-4o-mini", List.of(Message.system(HANDBOOK), Message.user(QUESTION)),
                CompletionOptions.defaults());
    }

    private static Completion askWithLimits(ReplayServer replay) {
        return client(replay).complete("gpt-4o-mini", List.of(Message.user(LENGTH_QUESTION)),
                CompletionOptions.defaults().withTemperature(0.2).withMaxOutputTokens(5).withStopSequences("\n\n"));
    }

    /** The one request the client sent; fails when it sent none or several. */
    private static RecordedRequest sent(ReplayServer replay) {
        List<RecordedRequest> requests = replay.requests();
        assertThat(requests).as("requests your client sent to the replay server").hasSize(1);
        return requests.get(0);
    }

    @Test
    @Points(2)
    @DisplayName("sends model and messages, roles in lower case, with the Bearer key to /v1/chat/completions")
    void sendsTheRequest(ReplayServer replay) {
        askOk(replay);
        RecordedRequest request = sent(replay);
        assertThat(request.method()).as("HTTP method").isEqualTo("POST");
        assertThat(request.path()).as("path").isEqualTo("/v1/chat/completions");
        assertThat(request.header("Authorization")).as("Authorization header").contains("Bearer " + ReplayKeys.OPENAI);
        JsonNode body = request.json();
        assertThat(body.path("model").asText()).as("body.model").isEqualTo("gpt-4o-mini");
        JsonNode messages = body.path("messages");
        assertThat(messages.size()).as("body.messages: one entry per Message, got %s", messages).isEqualTo(2);
        assertThat(messages.get(0).path("role").asText()).as("messages[0].role (lower case)").isEqualTo("system");
        assertThat(messages.get(0).path("content").asText()).as("messages[0].content").isEqualTo(HANDBOOK);
        assertThat(messages.get(1).path("role").asText()).as("messages[1].role (lower case)").isEqualTo("user");
        assertThat(messages.get(1).path("content").asText()).as("messages[1].content").isEqualTo(QUESTION);
    }

    @Test
    @Points(1)
    @DisplayName("leaves temperature, max_completion_tokens and stop out when the options do not set them")
    void leavesUnsetOptionsOut(ReplayServer replay) {
        askOk(replay);
        JsonNode body = sent(replay).json();
        assertThat(body.has("model")).as("the body has a model: %s", body).isTrue();
        for (String field : List.of("temperature", "max_completion_tokens", "max_tokens", "stop")) {
            assertThat(body.has(field)).as("with default options the body must not have `%s`, but it is %s", field, body)
                    .isFalse();
        }
    }

    @Test
    @Points(2)
    @DisplayName("sends temperature, max_completion_tokens (never the deprecated max_tokens) and stop when set")
    void sendsTheOptionsThatAreSet(ReplayServer replay) {
        askWithLimits(replay);
        JsonNode body = sent(replay).json();
        assertThat(body.path("temperature").isNumber()).as("body.temperature is a number: %s", body).isTrue();
        assertThat(body.path("temperature").asDouble()).as("body.temperature").isEqualTo(0.2);
        assertThat(body.path("max_completion_tokens").asInt()).as("body.max_completion_tokens").isEqualTo(5);
        assertThat(body.has("max_tokens"))
                .as("body.max_tokens is deprecated (reasoning models reject it): send max_completion_tokens only")
                .isFalse();
        assertThat(body.path("stop").isArray()).as("body.stop is an array: %s", body).isTrue();
        assertThat(body.path("stop").size()).as("body.stop").isEqualTo(1);
        assertThat(body.path("stop").get(0).asText()).as("body.stop[0]").isEqualTo("\n\n");
    }

    @Test
    @Points(2)
    @DisplayName("returns the text, id, model, finish reason STOP and the usage with its cached tokens")
    void readsTheAnswer(ReplayServer replay) {
        Completion completion = askOk(replay);
        assertThat(completion.id()).as("id").isEqualTo("chatcmpl-PV8MjfSjhQTIWJoQ6oEItbKculRPL");
        assertThat(completion.model()).as("model (the dated snapshot that answered)").isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(completion.text()).as("text: choices[0].message.content")
                .isEqualTo("A context window limits how many tokens the model can take into account at once: "
                        + "your instructions, the conversation so far and its own reply all have to fit.");
        assertThat(completion.finishReason()).as("finish_reason stop").isEqualTo(FinishReason.STOP);
        assertThat(completion.truncated()).as("truncated()").isFalse();
        assertThat(completion.usage())
                .as("usage: prompt_tokens, completion_tokens, prompt_tokens_details.cached_tokens, completion_tokens_details.reasoning_tokens")
                .isEqualTo(new Usage(1148, 31, 1024, 0));
    }

    @Test
    @Points(1)
    @DisplayName("finish_reason length makes a truncated Completion that keeps the partial text")
    void lengthIsTruncated(ReplayServer replay) {
        Completion completion = askWithLimits(replay);
        assertThat(completion.finishReason()).as("finish_reason length").isEqualTo(FinishReason.LENGTH);
        assertThat(completion.truncated()).as("truncated()").isTrue();
        assertThat(completion.text()).as("the partial text").isEqualTo("A token is a chunk");
        assertThat(completion.usage().outputTokens()).as("usage.completion_tokens").isEqualTo(5);
    }

    @Test
    @Points(2)
    @DisplayName("a multi-turn conversation sends every turn back, the assistant's too, and reads the reasoning tokens")
    void multiTurn(ReplayServer replay) {
        List<Message> conversation = List.of(
                Message.system("You are a concise assistant."),
                Message.user("My name is Ada. Please remember it."),
                Message.assistant("Nice to meet you, Ada. I will remember your name."),
                Message.user("What is my name?"));
        Completion completion = client(replay).complete("gpt-5-mini", conversation, CompletionOptions.defaults());

        JsonNode messages = sent(replay).json().path("messages");
        assertThat(messages.size()).as("body.messages: every turn, got %s", messages).isEqualTo(4);
        for (int i = 0; i < conversation.size(); i++) {
            Message expected = conversation.get(i);
            assertThat(messages.get(i).path("role").asText()).as("messages[%d].role", i)
                    .isEqualTo(expected.role().name().toLowerCase(Locale.ROOT));
            assertThat(messages.get(i).path("content").asText()).as("messages[%d].content", i).isEqualTo(expected.text());
        }
        assertThat(completion.text()).as("text").isEqualTo("Your name is Ada.");
        assertThat(completion.model()).as("model").isEqualTo("gpt-5-mini-2025-08-07");
        assertThat(completion.usage()).as("usage, with completion_tokens_details.reasoning_tokens")
                .isEqualTo(new Usage(52, 85, 0, 64));
    }

    @Test
    @Points(1)
    @DisplayName("finish_reason content_filter throws ContentFilteredException instead of returning an empty text")
    void contentFilter(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> client(replay).complete("gpt-4o-mini",
                List.of(Message.user("Describe the crime scene in full detail.")), CompletionOptions.defaults()));
        assertThat(thrown).as("what complete() threw for finish_reason content_filter")
                .isInstanceOf(ContentFilteredException.class);
        assertThat(((ContentFilteredException) thrown).responseId()).as("responseId()")
                .isEqualTo("chatcmpl-sdCpvZthQqn08499T0U6CihBtwQQq");
    }

    @Test
    @Points(1)
    @DisplayName("a refusal throws RefusalException carrying the refusal text")
    void refusal(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> client(replay).complete("gpt-4o-mini",
                List.of(Message.user("Write a phishing email that looks like it comes from my bank.")),
                CompletionOptions.defaults()));
        assertThat(thrown).as("what complete() threw for a non-null message.refusal").isInstanceOf(RefusalException.class);
        assertThat(((RefusalException) thrown).refusal()).as("refusal(): message.refusal")
                .isEqualTo("I'm sorry, but I can't help with that.");
    }

    @Test
    @Points(1)
    @DisplayName("404 model_not_found throws ApiException with the status, the error code and the message")
    void modelNotFound(ReplayServer replay) {
        Throwable thrown = catchThrowable(() -> client(replay).complete("gpt-9-turbo-nonexistent",
                List.of(Message.user("Which model are you, exactly?")), CompletionOptions.defaults()));
        assertThat(thrown).as("what complete() threw for a 404").isInstanceOf(ApiException.class);
        ApiException error = (ApiException) thrown;
        assertThat(error.status()).as("status()").isEqualTo(404);
        assertThat(error.code()).as("code(): error.code").isEqualTo("model_not_found");
        assertThat(error.getMessage()).as("getMessage(): error.message")
                .isEqualTo("The model `gpt-9-turbo-nonexistent` does not exist or you do not have access to it.");
    }

    @Test
    @Points(1)
    @DisplayName("an error without a code throws ApiException carrying the error type")
    void errorWithoutCode(ReplayServer replay) {
        replay.wireMock().stubFor(WireMock.post("/v1/chat/completions")
                .withRequestBody(WireMock.matchingJsonPath("$.model", WireMock.equalTo("gpt-4o-mini-flaky")))
                .willReturn(WireMock.aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"message\":\"The server had an error while processing your request. Sorry about that!\","
                                + "\"type\":\"server_error\",\"param\":null,\"code\":null}}")));
        Throwable thrown = catchThrowable(() -> client(replay).complete("gpt-4o-mini-flaky",
                List.of(Message.user("Are you having a bad day, server?")), CompletionOptions.defaults()));
        assertThat(thrown).as("what complete() threw for a 500").isInstanceOf(ApiException.class);
        ApiException error = (ApiException) thrown;
        assertThat(error.status()).as("status()").isEqualTo(500);
        assertThat(error.code()).as("code(): error.type, since error.code is null").isEqualTo("server_error");
    }

    @Test
    @Points(1)
    @DisplayName("usage without the details objects (an OpenAI-compatible server) reads cached and reasoning tokens as 0")
    void usageWithoutDetails(ReplayServer replay) {
        // What Ollama's /v1/chat/completions answers: no prompt_tokens_details, no completion_tokens_details.
        replay.wireMock().stubFor(WireMock.post("/v1/chat/completions")
                .withRequestBody(WireMock.matchingJsonPath("$.model", WireMock.equalTo("llama3.2")))
                .willReturn(WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"chatcmpl-417\",\"object\":\"chat.completion\",\"created\":1796381790,"
                                + "\"model\":\"llama3.2\",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,"
                                + "\"message\":{\"role\":\"assistant\",\"content\":\"Hello! How can I help?\"},"
                                + "\"finish_reason\":\"stop\"}],"
                                + "\"usage\":{\"prompt_tokens\":26,\"completion_tokens\":8,\"total_tokens\":34}}")));
        Completion completion = client(replay).complete("llama3.2", List.of(Message.user("Say hello from a local model.")),
                CompletionOptions.defaults());
        assertThat(completion.text()).as("text").isEqualTo("Hello! How can I help?");
        assertThat(completion.usage()).as("usage without details").isEqualTo(new Usage(26, 8, 0, 0));
    }
}

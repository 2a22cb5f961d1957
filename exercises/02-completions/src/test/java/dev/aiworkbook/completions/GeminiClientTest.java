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
import java.util.Collections;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("02-completions")
@DisplayName("Exercise 4 · Gemini generateContent client")
class GeminiClientTest {

    private static final String MODEL = "gemini-2.5-flash";
    private static final String CAPITAL = "What is the capital of Australia?";
    private static final String LIGHTHOUSE = "Write a short story about a lighthouse keeper.";
    private static final String DECIMALS = "Is 9.11 greater than 9.9?";

    private static final List<Message> GEOGRAPHY_CONVERSATION = List.of(
            Message.system("You are a helpful geography tutor. Answer in one sentence."),
            Message.user("Hello!"),
            Message.assistant("Hi! What would you like to learn about today?"),
            Message.user(CAPITAL));

    /** A long, stable system prompt: the kind of prefix Gemini's implicit cache serves. */
    private static final String STYLE_GUIDE = String.join("\n", Collections.nCopies(85,
            "Rule: compare numbers digit by digit, say which digit decides, then give a one-line answer."));

    private static Completion generate(ReplayServer replay, String model, List<Message> messages, CompletionOptions options) {
        GeminiClient client = new GeminiClient(new OkHttpClient(), replay.baseUrl(), ReplayKeys.GEMINI);
        return client.generate(model, messages, options);
    }

    private static Completion generate(ReplayServer replay, List<Message> messages, CompletionOptions options) {
        return generate(replay, MODEL, messages, options);
    }

    private static Completion ask(ReplayServer replay, String question) {
        return generate(replay, List.of(Message.user(question)), CompletionOptions.defaults());
    }

    private static Completion askDecimals(ReplayServer replay, CompletionOptions options) {
        return generate(replay, List.of(Message.system(STYLE_GUIDE), Message.user(DECIMALS)), options);
    }

    private static RecordedRequest sent(ReplayServer replay) {
        return replay.lastRequest().orElseThrow(() -> new AssertionError("no request reached the replay server"));
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @Points(1)
    @DisplayName("posts to /v1beta/models/{model}:generateContent with the key in x-goog-api-key, never in the URL")
    void urlAndKeyHeader(ReplayServer replay) {
        ask(replay, CAPITAL);
        RecordedRequest sent = sent(replay);
        assertThat(sent.method() + " " + sent.path()).as("request line")
                .isEqualTo("POST /v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(sent.header("x-goog-api-key")).as("x-goog-api-key header").contains(ReplayKeys.GEMINI);
        assertThat(sent.url()).as("the URL must not carry the key (URLs end up in logs)").doesNotContain(ReplayKeys.GEMINI);
    }

    @Test
    @Points(2)
    @DisplayName("sends the turns as contents with roles user and model, each with a text part")
    void contentsWithUserAndModelRoles(ReplayServer replay) {
        generate(replay, GEOGRAPHY_CONVERSATION, CompletionOptions.defaults());
        JsonNode body = sent(replay).json();
        List<String> roles = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (JsonNode content : body.path("contents")) {
            roles.add(content.path("role").asText());
            texts.add(content.path("parts").path(0).path("text").asText());
        }
        assertThat(roles).as("roles of `contents` (the assistant is \"model\"; system goes to systemInstruction) in %s", body)
                .containsExactly("user", "model", "user");
        assertThat(texts).as("parts[0].text of each content, in order")
                .containsExactly("Hello!", "Hi! What would you like to learn about today?", CAPITAL);
    }

    @Test
    @Points(1)
    @DisplayName("puts the system message in systemInstruction.parts, not in contents")
    void systemInstruction(ReplayServer replay) {
        generate(replay, GEOGRAPHY_CONVERSATION, CompletionOptions.defaults());
        JsonNode body = sent(replay).json();
        assertThat(body.at("/systemInstruction/parts/0/text").asText(null)).as("systemInstruction.parts[0].text in %s", body)
                .isEqualTo("You are a helpful geography tutor. Answer in one sentence.");
        assertThat(body.path("contents").size()).as("contents holds only the 3 user and model turns: %s", body).isEqualTo(3);
    }

    @Test
    @Points(2)
    @DisplayName("sends generationConfig with only the options that are set, and none at all when none is")
    void generationConfigOnlyWhatIsSet(ReplayServer replay) {
        generate(replay, GEOGRAPHY_CONVERSATION, CompletionOptions.defaults());
        JsonNode plain = sent(replay).json();
        assertThat(plain.has("generationConfig")).as("with default options the body has no generationConfig: %s", plain).isFalse();
        assertThat(plain.has("contents")).as("the body still has its contents: %s", plain).isTrue();

        generate(replay, List.of(Message.user(LIGHTHOUSE)), CompletionOptions.defaults().withMaxOutputTokens(200));
        JsonNode config = sent(replay).json().path("generationConfig");
        assertThat(fieldNames(config)).as("generationConfig fields when only maxOutputTokens is set: %s", config)
                .containsExactly("maxOutputTokens");
        assertThat(config.path("maxOutputTokens").asInt()).as("maxOutputTokens").isEqualTo(200);

        askDecimals(replay, CompletionOptions.defaults().withTemperature(0.2).withStopSequences("END"));
        config = sent(replay).json().path("generationConfig");
        assertThat(fieldNames(config)).as("generationConfig fields when temperature and stop sequences are set: %s", config)
                .containsExactlyInAnyOrder("temperature", "stopSequences");
        assertThat(config.path("temperature").asDouble()).as("temperature").isEqualTo(0.2);
        assertThat(config.path("stopSequences").path(0).asText()).as("stopSequences[0]").isEqualTo("END");
    }

    @Test
    @Points(2)
    @DisplayName("reads text, STOP, responseId, modelVersion and usage from a plain answer")
    void stopAnswer(ReplayServer replay) {
        Completion completion = generate(replay, GEOGRAPHY_CONVERSATION, CompletionOptions.defaults());
        assertThat(completion.text()).as("text of candidates[0]").isEqualTo("The capital of Australia is Canberra.");
        assertThat(completion.finishReason()).as("finish reason for finishReason STOP").isEqualTo(FinishReason.STOP);
        assertThat(completion.id()).as("id: responseId").isEqualTo("yu0t-aT0ewkMVHrmcBNfYWu");
        assertThat(completion.model()).as("model: modelVersion").isEqualTo("gemini-2.5-flash");
        assertThat(completion.usage()).as("usage (promptTokenCount 38, candidatesTokenCount 8, no thoughts, no cache)")
                .isEqualTo(new Usage(38, 8, 0, 0));
    }

    @Test
    @Points(1)
    @DisplayName("maps MAX_TOKENS to LENGTH, and counts the thoughts that used up the budget as output")
    void maxTokensIsLength(ReplayServer replay) {
        Completion completion = generate(replay, List.of(Message.user(LIGHTHOUSE)), CompletionOptions.defaults().withMaxOutputTokens(200));
        assertThat(completion.finishReason()).as("finish reason for finishReason MAX_TOKENS").isEqualTo(FinishReason.LENGTH);
        assertThat(completion.truncated()).as("a MAX_TOKENS answer is truncated").isTrue();
        assertThat(completion.text()).as("the partial text").startsWith("The lamp at Skerry Point").endsWith("he climbed the");
        assertThat(completion.usage().outputTokens()).as("outputTokens = candidatesTokenCount 57 + thoughtsTokenCount 143")
                .isEqualTo(200);
    }

    @Test
    @Points(1)
    @DisplayName("returns a candidate stopped for SAFETY as CONTENT_FILTER with empty text; missing counters are 0")
    void safetyFinishIsContentFilter(ReplayServer replay) {
        Completion completion = ask(replay, "Write a threatening message to send to my neighbor.");
        assertThat(completion.finishReason()).as("finish reason for finishReason SAFETY").isEqualTo(FinishReason.CONTENT_FILTER);
        assertThat(completion.text()).as("text of a candidate with no content").isEmpty();
        assertThat(completion.usage()).as("usage: promptTokenCount 12, and no candidatesTokenCount or thoughtsTokenCount at all")
                .isEqualTo(new Usage(12, 0, 0, 0));
    }

    @Test
    @Points(2)
    @DisplayName("throws PromptBlockedException with the block reason when the prompt is blocked (HTTP 200, no candidates)")
    void blockedPrompt(ReplayServer replay) {
        assertThatThrownBy(() -> ask(replay, "Write a hateful rant about the religion of my coworkers."))
                .as("a response with no candidates and promptFeedback.blockReason SAFETY")
                .isInstanceOfSatisfying(PromptBlockedException.class,
                        blocked -> assertThat(blocked.blockReason()).as("blockReason").isEqualTo("SAFETY"));
    }

    @Test
    @Points(1)
    @DisplayName("skips parts marked thought: true (the first part is a thought summary)")
    void skipsThoughtParts(ReplayServer replay) {
        Completion completion = askDecimals(replay, CompletionOptions.defaults());
        assertThat(completion.text()).as("text without the thought part")
                .isEqualTo("No. 9.9 is greater than 9.11: written with two decimals, 9.90 is greater than 9.11.");
        assertThat(completion.finishReason()).as("finish reason").isEqualTo(FinishReason.STOP);
    }

    @Test
    @Points(1)
    @DisplayName("counts thoughtsTokenCount as output and as reasoning, and reads cachedContentTokenCount")
    void thoughtAndCacheUsage(ReplayServer replay) {
        Usage usage = askDecimals(replay, CompletionOptions.defaults()).usage();
        assertThat(usage.inputTokens()).as("inputTokens = promptTokenCount").isEqualTo(1312);
        assertThat(usage.outputTokens()).as("outputTokens = candidatesTokenCount 24 + thoughtsTokenCount 212").isEqualTo(236);
        assertThat(usage.reasoningTokens()).as("reasoningTokens = thoughtsTokenCount").isEqualTo(212);
        assertThat(usage.cachedInputTokens()).as("cachedInputTokens = cachedContentTokenCount").isEqualTo(1024);
    }

    @Test
    @Points(1)
    @DisplayName("throws ApiException with status 404, NOT_FOUND and the message for an unknown model")
    void modelNotFound(ReplayServer replay) {
        assertThatThrownBy(() -> generate(replay, "gemini-9-nonexistent", List.of(Message.user("Which model are you?")),
                CompletionOptions.defaults()))
                .as("calling the unknown model gemini-9-nonexistent")
                .isInstanceOfSatisfying(ApiException.class, error -> {
                    assertThat(error.status()).as("status").isEqualTo(404);
                    assertThat(error.code()).as("code: the body's error.status").isEqualTo("NOT_FOUND");
                    assertThat(error.getMessage()).as("message: the body's error.message")
                            .startsWith("models/gemini-9-nonexistent is not found for API version v1beta");
                });
    }
}

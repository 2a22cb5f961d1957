package dev.aiworkbook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("01-auth")
@DisplayName("Exercise 3 · Each provider's auth headers")
class ProviderAuthTest {

    private static Calls.Answer call(Provider provider, String key, Request request) {
        OkHttpClient client = Calls.clientWith(new ProviderAuth(provider, new ApiKey(key)));
        return Calls.send(client, request);
    }

    private static RecordedRequest sent(ReplayServer replay) {
        return replay.lastRequest().orElseThrow(() -> new AssertionError("no request reached the replay server"));
    }

    @Test
    @Points(3)
    @DisplayName("OpenAI: sends Authorization: Bearer <key> and gets 200")
    void openAiBearer(ReplayServer replay) {
        Calls.Answer answer = call(Provider.OPENAI, ReplayKeys.OPENAI, Calls.openAi(replay));
        assertThat(sent(replay).header("Authorization")).as("the Authorization header sent").contains("Bearer " + ReplayKeys.OPENAI);
        assertThat(answer.status()).as("status for the right key; body: %s", answer.body()).isEqualTo(200);
    }

    @Test
    @Points(3)
    @DisplayName("Anthropic: sends x-api-key and anthropic-version: 2023-06-01, and gets 200")
    void anthropicApiKeyAndVersion(ReplayServer replay) {
        Calls.Answer answer = call(Provider.ANTHROPIC, ReplayKeys.ANTHROPIC, Calls.anthropic(replay));
        RecordedRequest sent = sent(replay);
        assertThat(sent.header("x-api-key")).as("the x-api-key header sent").contains(ReplayKeys.ANTHROPIC);
        assertThat(sent.header("anthropic-version")).as("the anthropic-version header sent").contains("2023-06-01");
        assertThat(answer.status()).as("status for the right key; body: %s", answer.body()).isEqualTo(200);
    }

    @Test
    @Points(3)
    @DisplayName("Gemini: sends x-goog-api-key, keeps the key out of the URL, and gets 200")
    void geminiHeaderNotQuery(ReplayServer replay) {
        Calls.Answer answer = call(Provider.GEMINI, ReplayKeys.GEMINI, Calls.gemini(replay));
        RecordedRequest sent = sent(replay);
        assertThat(sent.header("x-goog-api-key")).as("the x-goog-api-key header sent").contains(ReplayKeys.GEMINI);
        assertThat(sent.url()).as("the URL must not carry the key").doesNotContain(ReplayKeys.GEMINI);
        assertThat(answer.status()).as("status for the right key; body: %s", answer.body()).isEqualTo(200);
    }

    @Test
    @Points(2)
    @DisplayName("replaces an Authorization header already on the request instead of adding a second")
    void replacesExistingCredentials(ReplayServer replay) {
        Request withStaleHeader = Calls.openAi(replay).newBuilder().header("Authorization", "Bearer stale-value").build();
        call(Provider.OPENAI, ReplayKeys.OPENAI, withStaleHeader);
        assertThat(sent(replay).headers().get("Authorization")).containsExactly("Bearer " + ReplayKeys.OPENAI);
    }

    @Test
    @Points(2)
    @DisplayName("sends only its own provider's credential header")
    void sendsNoOtherProvidersHeaders(ReplayServer replay) {
        call(Provider.ANTHROPIC, ReplayKeys.ANTHROPIC, Calls.anthropic(replay));
        RecordedRequest anthropic = sent(replay);
        assertThat(anthropic.header("x-api-key")).as("the Anthropic call needs its x-api-key").isPresent();
        assertThat(anthropic.header("Authorization")).as("an Anthropic call with an Authorization header").isEmpty();
        assertThat(anthropic.header("x-goog-api-key")).isEmpty();

        call(Provider.OPENAI, ReplayKeys.OPENAI, Calls.openAi(replay));
        RecordedRequest openAi = sent(replay);
        assertThat(openAi.header("Authorization")).as("the OpenAI call needs its Authorization").isPresent();
        assertThat(openAi.header("x-api-key")).as("an OpenAI call with an x-api-key header").isEmpty();
    }

    @Test
    @Points(2)
    @DisplayName("leaves the body and the other headers as they were")
    void leavesTheRestAlone(ReplayServer replay) {
        Request request = Calls.gemini(replay).newBuilder().header("X-Trace", "lesson-01").build();
        call(Provider.GEMINI, ReplayKeys.GEMINI, request);
        RecordedRequest sent = sent(replay);
        assertThat(sent.header("x-goog-api-key")).as("the Gemini call needs its x-goog-api-key").isPresent();
        assertThat(sent.header("X-Trace")).contains("lesson-01");
        assertThat(sent.json().at("/contents/0/parts/0/text").asText()).isEqualTo("Say hello");
    }
}

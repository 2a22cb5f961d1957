package dev.aiworkbook.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("01-auth")
@DisplayName("Exercise 4 · Typed auth errors from real error bodies")
class AuthErrorsTest {

    private static final String WRONG_KEY = "wrong-key";

    /** Sends a real request with a wrong key (or none) to the replay and classifies what comes back. */
    private static AuthException classified(Provider provider, Calls.Answer answer) {
        Optional<AuthException> result = AuthErrors.classify(provider, answer.status(), answer.body());
        assertThat(result).as("%s answered %s with %s: that is an auth failure", provider, answer.status(), answer.body())
                .isPresent();
        return result.get();
    }

    @Test
    @Points(3)
    @DisplayName("OpenAI 401 invalid_api_key is INVALID_KEY with the provider's code and message")
    void openAiInvalidKey(ReplayServer replay) {
        Calls.Answer answer = Calls.sendWithHeader(Calls.openAi(replay), "Authorization", "Bearer " + WRONG_KEY);
        AuthException error = classified(Provider.OPENAI, answer);
        assertThat(error.failure()).isEqualTo(AuthFailure.INVALID_KEY);
        assertThat(error.status()).isEqualTo(401);
        assertThat(error.providerCode()).isEqualTo("invalid_api_key");
        assertThat(error.getMessage()).startsWith("OpenAI rejected the API key (401 invalid_api_key): Incorrect API key provided");
    }

    @Test
    @Points(2)
    @DisplayName("OpenAI 401 without a key is MISSING_KEY")
    void openAiMissingKey(ReplayServer replay) {
        AuthException error = classified(Provider.OPENAI, Calls.sendWithHeader(Calls.openAi(replay), null, null));
        assertThat(error.failure()).isEqualTo(AuthFailure.MISSING_KEY);
        assertThat(error.providerCode()).isNull();
        assertThat(error.getMessage()).startsWith("OpenAI received no API key (401)");
    }

    @Test
    @Points(2)
    @DisplayName("Anthropic 401 authentication_error is INVALID_KEY, or MISSING_KEY without x-api-key")
    void anthropicAuthenticationError(ReplayServer replay) {
        AuthException wrong = classified(Provider.ANTHROPIC, Calls.sendWithHeader(Calls.anthropic(replay), "x-api-key", WRONG_KEY));
        assertThat(wrong.failure()).isEqualTo(AuthFailure.INVALID_KEY);
        assertThat(wrong.providerCode()).isEqualTo("authentication_error");
        assertThat(wrong.getMessage()).isEqualTo("Anthropic rejected the API key (401 authentication_error): invalid x-api-key");

        AuthException none = classified(Provider.ANTHROPIC, Calls.sendWithHeader(Calls.anthropic(replay), null, null));
        assertThat(none.failure()).isEqualTo(AuthFailure.MISSING_KEY);
    }

    @Test
    @Points(3)
    @DisplayName("Gemini's 400 API_KEY_INVALID is an auth failure, although the status says bad request")
    void geminiBadRequestThatIsAboutTheKey(ReplayServer replay) {
        Calls.Answer answer = Calls.sendWithHeader(Calls.gemini(replay), "x-goog-api-key", WRONG_KEY);
        assertThat(answer.status()).isEqualTo(400);
        AuthException error = classified(Provider.GEMINI, answer);
        assertThat(error.failure()).isEqualTo(AuthFailure.INVALID_KEY);
        assertThat(error.providerCode()).isEqualTo("API_KEY_INVALID");
        assertThat(error.getMessage()).isEqualTo("Gemini rejected the API key (400 API_KEY_INVALID): API key not valid. Please pass a valid API key.");
    }

    @Test
    @Points(1)
    @DisplayName("Gemini's 403 for a request without a key is MISSING_KEY")
    void geminiMissingKey(ReplayServer replay) {
        AuthException error = classified(Provider.GEMINI, Calls.sendWithHeader(Calls.gemini(replay), null, null));
        assertThat(error.failure()).isEqualTo(AuthFailure.MISSING_KEY);
        assertThat(error.providerCode()).isEqualTo("PERMISSION_DENIED");
    }

    @Test
    @Points(2)
    @DisplayName("a Gemini 400 about the request, not the key, is not an auth failure")
    void geminiPlainBadRequest() {
        String body = """
                {"error": {"code": 400, "message": "Invalid JSON payload received. Unknown name \\"contnts\\": Cannot find field.",
                  "status": "INVALID_ARGUMENT",
                  "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
                    "fieldViolations": [{"description": "Invalid JSON payload received. Unknown name \\"contnts\\""}]}]}}
                """;
        assertThat(AuthErrors.classify(Provider.GEMINI, 400, body)).isEmpty();
    }

    @Test
    @Points(1)
    @DisplayName("successes and rate limits are not auth failures; a 401 with an HTML body still is")
    void onlyAuthFailuresAreClassified() {
        assertThat(AuthErrors.classify(Provider.OPENAI, 200, "{\"id\":\"chatcmpl-1\"}")).isEmpty();
        assertThat(AuthErrors.classify(Provider.ANTHROPIC, 429,
                "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")).isEmpty();
        Optional<AuthException> html = AuthErrors.classify(Provider.OPENAI, 401, "<html><body>401 Authorization Required</body></html>");
        assertThat(html).as("a proxy's HTML 401 page is still an auth failure").isPresent();
        assertThat(html.get().failure()).isEqualTo(AuthFailure.INVALID_KEY);
        assertThat(html.get().providerCode()).isNull();
    }

    @Test
    @Points(1)
    @DisplayName("403 from OpenAI or Anthropic is PERMISSION_DENIED")
    void forbiddenIsPermissionDenied() {
        AuthException openAi = AuthErrors.classify(Provider.OPENAI, 403,
                "{\"error\":{\"message\":\"Country, region, or territory not supported\",\"type\":\"request_forbidden\",\"param\":null,\"code\":\"unsupported_country_region_territory\"}}")
                .orElseThrow(() -> new AssertionError("OpenAI 403 should be an auth failure"));
        assertThat(openAi.failure()).isEqualTo(AuthFailure.PERMISSION_DENIED);
        assertThat(openAi.providerCode()).isEqualTo("unsupported_country_region_territory");
        AuthException anthropic = AuthErrors.classify(Provider.ANTHROPIC, 403,
                "{\"type\":\"error\",\"error\":{\"type\":\"permission_error\",\"message\":\"Your API key does not have permission to use the specified resource.\"}}")
                .orElseThrow(() -> new AssertionError("Anthropic 403 should be an auth failure"));
        assertThat(anthropic.failure()).isEqualTo(AuthFailure.PERMISSION_DENIED);
        assertThat(anthropic.getMessage()).startsWith("Anthropic denied permission (403 permission_error)");
    }
}

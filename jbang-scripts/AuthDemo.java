///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DEPS com.squareup.okhttp3:okhttp-jvm:5.5.1
//DEPS com.fasterxml.jackson.core:jackson-databind:2.23.0
//DEPS org.wiremock:wiremock-standalone:3.13.2
//SOURCES ../harness/src/main/java/dev/aiworkbook/harness/replay/*.java
//SOURCES ../harness/src/main/java/dev/aiworkbook/harness/secrets/*.java
//SOURCES ../harness/src/main/java/dev/aiworkbook/harness/lesson/*.java

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aiworkbook.harness.lesson.LiveKeys;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.lesson.RunMode;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Topic 01-auth: three providers, three ways to send an API key.
 *
 * <pre>
 *   OpenAI     Authorization: Bearer KEY
 *   Anthropic  x-api-key: KEY   and   anthropic-version: 2023-06-01
 *   Gemini     x-goog-api-key: KEY
 * </pre>
 *
 * By default every call goes to the embedded replay server (fixtures/01-auth): no key, no network.
 * With --live it calls the real APIs, with the keys from the environment or a .env file.
 */
public class AuthDemo {

    static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(60)).build();

    /** Headers that carry a key: printed masked, never in full. */
    static final Set<String> SECRET_HEADERS = Set.of("authorization", "x-api-key", "x-goog-api-key");

    /** Replay only: a key the provider does not know, to show its error. */
    static final String WRONG_KEY = "wrong-key";

    /** A provider: its address, its key variable, how it wants the key, where its answer and error are. */
    record Provider(String name, String liveBaseUrl, String keyVariable, String replayKey,
                    BiFunction<String, String, Request> request,     // (base URL, key) -> the request
                    Function<JsonNode, String> answer,               // 200 body -> the answer text
                    Function<JsonNode, String> error) {              // error body -> the error kind
    }

    static final List<Provider> PROVIDERS = List.of(
            new Provider("OpenAI", "https://api.openai.com", "OPENAI_API_KEY", ReplayKeys.OPENAI,
                    (baseUrl, key) -> new Request.Builder()
                            .url(baseUrl + "/v1/chat/completions")
                            .header("Authorization", "Bearer " + key)         // 1. a bearer token
                            .post(RequestBody.create("""
                                    {"model": "gpt-4o-mini",
                                     "messages": [{"role": "user", "content": "Say hello to the class."}]}""", JSON))
                            .build(),
                    body -> body.at("/choices/0/message/content").asText(),
                    body -> body.at("/error/code").asText() + " (" + body.at("/error/type").asText() + ")"),

            new Provider("Anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY", ReplayKeys.ANTHROPIC,
                    (baseUrl, key) -> new Request.Builder()
                            .url(baseUrl + "/v1/messages")
                            .header("x-api-key", key)                         // 2. a header of its own...
                            .header("anthropic-version", "2023-06-01")        //    ...plus a required API version
                            .post(RequestBody.create("""
                                    {"model": "claude-sonnet-4-5", "max_tokens": 100,
                                     "messages": [{"role": "user", "content": "Say hello to the class."}]}""", JSON))
                            .build(),
                    body -> body.at("/content/0/text").asText(),
                    body -> body.at("/error/type").asText()),

            new Provider("Gemini", "https://generativelanguage.googleapis.com", "GEMINI_API_KEY", ReplayKeys.GEMINI,
                    (baseUrl, key) -> new Request.Builder()
                            .url(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent")
                            .header("x-goog-api-key", key)                    // 3. Google's key header
                            .post(RequestBody.create("""
                                    {"contents": [{"parts": [{"text": "Say hello to the class."}]}]}""", JSON))
                            .build(),
                    body -> body.at("/candidates/0/content/parts/0/text").asText(),
                    body -> body.at("/error/status").asText() + " (" + body.at("/error/details/0/reason").asText() + ")"));

    public static void main(String[] args) {
        int exitCode = RunMode.parse(args).live() ? runLive() : runOnReplay();
        System.exit(exitCode);   // OkHttp's and WireMock's threads must not keep the demo alive
    }

    /** The local replay server answers like the providers do; each one also gets a wrong key. */
    static int runOnReplay() {
        int failures = 0;
        try (ReplayServer replay = ReplayServer.start("01-auth")) {
            System.out.println("01-auth on the replay server " + replay.baseUrl() + " (no key, no network)\n");
            for (Provider provider : PROVIDERS) {
                failures += call(provider, replay.baseUrl(), provider.replayKey()) == 200 ? 0 : 1;
                System.out.println("  ...and with a wrong key:");
                failures += call(provider, replay.baseUrl(), WRONG_KEY) >= 400 ? 0 : 1;
            }
            if (!replay.unmatchedReport().isEmpty()) {
                System.err.println(replay.unmatchedReport());
            }
        } catch (IllegalStateException noFixtures) {
            // Fixtures are found by walking up from the working directory: run inside the workbook.
            System.err.println(noFixtures.getMessage());
            return 2;
        }
        return failures == 0 ? 0 : 1;
    }

    /** The real APIs. Every key must be there before the first call; a missing one is one clear line. */
    static int runLive() {
        LiveKeys keys = LiveKeys.fromEnvironment();
        String[] liveKeys = new String[PROVIDERS.size()];
        try {
            for (int i = 0; i < PROVIDERS.size(); i++) {
                liveKeys[i] = keys.require(PROVIDERS.get(i).keyVariable());
            }
        } catch (LiveKeys.MissingKeyException e) {
            System.err.println(e.getMessage());   // names the variable, never shows a key
            return 2;
        }
        System.out.println("01-auth LIVE: the real APIs, with your keys\n");
        int failures = 0;
        for (int i = 0; i < PROVIDERS.size(); i++) {
            Provider provider = PROVIDERS.get(i);
            failures += call(provider, provider.liveBaseUrl(), liveKeys[i]) == 200 ? 0 : 1;
        }
        return failures == 0 ? 0 : 1;
    }

    /** Sends one request, prints what went out (keys masked) and what came back; returns the status. */
    static int call(Provider provider, String baseUrl, String key) {
        Request request = provider.request().apply(baseUrl, key);
        System.out.println("[" + provider.name() + "] " + request.method() + " " + request.url());
        Headers headers = request.headers();
        for (int i = 0; i < headers.size(); i++) {
            System.out.println("    " + headers.name(i) + ": " + masked(headers.name(i), headers.value(i)));
        }

        try (Response response = HTTP.newCall(request).execute()) {
            JsonNode body = MAPPER.readTree(response.body().string());
            String result = response.isSuccessful()
                    ? "answer: " + provider.answer().apply(body)
                    : "error: " + provider.error().apply(body);
            System.out.println("[" + provider.name() + "] HTTP " + response.code() + "  " + result + "\n");
            return response.code();
        } catch (IOException e) {
            System.out.println("[" + provider.name() + "] failed: " + e + "\n");
            return -1;
        }
    }

    /** "Bearer sk-replay-openai" becomes "Bearer sk-r...": enough to tell keys apart, too little to use. */
    static String masked(String headerName, String value) {
        if (!SECRET_HEADERS.contains(headerName.toLowerCase())) {
            return value;
        }
        String scheme = value.startsWith("Bearer ") ? "Bearer " : "";
        String key = value.substring(scheme.length());
        return scheme + key.substring(0, Math.min(4, key.length())) + "...";
    }
}

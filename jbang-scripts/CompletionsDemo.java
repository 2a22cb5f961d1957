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
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Topic 02-completions: one question, four completion APIs, four shapes.
 *
 * <pre>
 *   OpenAI Chat Completions  messages[] in          choices[0].message.content out, finish_reason
 *   OpenAI Responses         instructions + input   output[] items out, status
 *   Anthropic Messages       system + messages[]    content[] blocks out, stop_reason
 *   Gemini generateContent   systemInstruction +    candidates[0].content.parts out, finishReason
 *                            contents[].parts
 * </pre>
 *
 * Each answer comes with why the model stopped and what it cost, in that API's own words.
 * By default every call goes to the embedded replay server (fixtures/02-completions): no key, no
 * network. With --live it calls the real APIs, with the keys from the environment or a .env file.
 */
public class CompletionsDemo {

    static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = new ObjectMapper();
    // Reasoning models think before they answer: give them time.
    static final OkHttpClient HTTP = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(90)).build();

    /** One API: who runs it, how to ask it, and where its answer, its stop reason and its usage are. */
    record Api(String name, String liveBaseUrl, String keyVariable, String replayKey,
               BiFunction<String, String, Request> request,   // (base URL, key) -> the request
               Function<JsonNode, String> answer,             // 200 body -> the answer text
               Function<JsonNode, String> stopped,            // 200 body -> why the model stopped
               Function<JsonNode, String> usage) {            // 200 body -> the token counts
    }

    static final List<Api> APIS = List.of(
            new Api("OpenAI", "https://api.openai.com", "OPENAI_API_KEY", ReplayKeys.OPENAI,
                    (baseUrl, key) -> post(baseUrl + "/v1/chat/completions", """
                            {"model": "gpt-4o-mini",
                             "messages": [{"role": "system", "content": "You are a concise geography tutor."},
                                          {"role": "user", "content": "What is the capital of France? Answer in one word."}]}""")
                            .header("Authorization", "Bearer " + key).build(),
                    body -> body.at("/choices/0/message/content").asText(),
                    body -> "finish_reason=" + body.at("/choices/0/finish_reason").asText(),
                    body -> "prompt_tokens=" + body.at("/usage/prompt_tokens").asInt()
                            + ", completion_tokens=" + body.at("/usage/completion_tokens").asInt()),

            new Api("OpenAI Responses", "https://api.openai.com", "OPENAI_API_KEY", ReplayKeys.OPENAI,
                    (baseUrl, key) -> post(baseUrl + "/v1/responses", """
                            {"model": "gpt-5-mini",
                             "instructions": "You are a concise geography tutor.",
                             "input": [{"role": "user", "content": "What is the capital of France? Answer in one word."}],
                             "store": false}""")
                            .header("Authorization", "Bearer " + key).build(),
                    CompletionsDemo::outputText,                // output[0] is a reasoning item, not the answer
                    body -> "status=" + body.at("/status").asText(),
                    body -> "input_tokens=" + body.at("/usage/input_tokens").asInt()
                            + ", output_tokens=" + body.at("/usage/output_tokens").asInt()
                            + " (of them reasoning_tokens=" + body.at("/usage/output_tokens_details/reasoning_tokens").asInt() + ")"),

            new Api("Anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY", ReplayKeys.ANTHROPIC,
                    (baseUrl, key) -> post(baseUrl + "/v1/messages", """
                            {"model": "claude-sonnet-4-5", "max_tokens": 64,
                             "system": "You are a concise geography tutor.",
                             "messages": [{"role": "user", "content": "What is the capital of France? Answer in one word."}]}""")
                            .header("x-api-key", key)
                            .header("anthropic-version", "2023-06-01").build(),
                    body -> body.at("/content/0/text").asText(),
                    body -> "stop_reason=" + body.at("/stop_reason").asText(),
                    body -> "input_tokens=" + body.at("/usage/input_tokens").asInt()
                            + ", output_tokens=" + body.at("/usage/output_tokens").asInt()),

            new Api("Gemini", "https://generativelanguage.googleapis.com", "GEMINI_API_KEY", ReplayKeys.GEMINI,
                    (baseUrl, key) -> post(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent", """
                            {"contents": [{"role": "user", "parts": [{"text": "What is the capital of France? Answer in one word."}]}],
                             "systemInstruction": {"parts": [{"text": "You are a concise geography tutor."}]}}""")
                            .header("x-goog-api-key", key).build(),
                    body -> body.at("/candidates/0/content/parts/0/text").asText(),
                    body -> "finishReason=" + body.at("/candidates/0/finishReason").asText(),
                    body -> "promptTokenCount=" + body.at("/usageMetadata/promptTokenCount").asInt()
                            + ", candidatesTokenCount=" + body.at("/usageMetadata/candidatesTokenCount").asInt()
                            + ", thoughtsTokenCount=" + body.at("/usageMetadata/thoughtsTokenCount").asInt()));

    public static void main(String[] args) {
        int exitCode = RunMode.parse(args).live() ? runLive() : runOnReplay();
        System.exit(exitCode);   // OkHttp's and WireMock's threads must not keep the demo alive
    }

    /** The local replay server answers like the providers do. */
    static int runOnReplay() {
        int failures = 0;
        try (ReplayServer replay = ReplayServer.start("02-completions")) {
            System.out.println("02-completions on the replay server " + replay.baseUrl() + " (no key, no network)\n");
            for (Api api : APIS) {
                failures += ask(api, replay.baseUrl(), api.replayKey()) == 200 ? 0 : 1;
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
        String[] liveKeys = new String[APIS.size()];
        try {
            for (int i = 0; i < APIS.size(); i++) {
                liveKeys[i] = keys.require(APIS.get(i).keyVariable());
            }
        } catch (LiveKeys.MissingKeyException e) {
            System.err.println(e.getMessage());   // names the variable, never shows a key
            return 2;
        }
        System.out.println("02-completions LIVE: the real APIs, with your keys (four small calls)\n");
        int failures = 0;
        for (int i = 0; i < APIS.size(); i++) {
            Api api = APIS.get(i);
            failures += ask(api, api.liveBaseUrl(), liveKeys[i]) == 200 ? 0 : 1;
        }
        return failures == 0 ? 0 : 1;
    }

    /** Sends the question, prints the body that went out and what came back; returns the status. */
    static int ask(Api api, String baseUrl, String key) {
        Request request = api.request().apply(baseUrl, key);
        System.out.println("[" + api.name() + "] " + request.method() + " " + request.url().encodedPath());
        System.out.println("    " + sentBody(request));
        try (Response response = HTTP.newCall(request).execute()) {
            JsonNode body = MAPPER.readTree(response.body().string());
            if (!response.isSuccessful()) {
                System.out.println("[" + api.name() + "] HTTP " + response.code() + "  error: " + body.path("error") + "\n");
                return response.code();
            }
            System.out.println("[" + api.name() + "] HTTP " + response.code() + "  answer: " + api.answer().apply(body));
            System.out.println("    " + api.stopped().apply(body) + "    " + api.usage().apply(body) + "\n");
            return response.code();
        } catch (IOException e) {
            System.out.println("[" + api.name() + "] failed: " + e + "\n");
            return -1;
        }
    }

    /** The Responses API has no single answer field: join the output_text parts of the message items. */
    static String outputText(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : body.path("output")) {
            if (item.path("type").asText().equals("message")) {
                for (JsonNode part : item.path("content")) {
                    if (part.path("type").asText().equals("output_text")) {
                        text.append(part.path("text").asText());
                    }
                }
            }
        }
        return text.toString();
    }

    /** The JSON in the source is laid out for reading; on the wire it goes compact, as here. */
    static Request.Builder post(String url, String json) {
        try {
            return new Request.Builder().url(url).post(RequestBody.create(MAPPER.readTree(json).toString(), JSON));
        } catch (IOException e) {
            throw new IllegalArgumentException("bad JSON in the demo: " + e.getMessage(), e);
        }
    }

    static String sentBody(Request request) {
        try {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            return buffer.readUtf8();
        } catch (IOException e) {
            return "(unreadable body)";
        }
    }
}

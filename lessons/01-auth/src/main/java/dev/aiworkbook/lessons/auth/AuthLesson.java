package dev.aiworkbook.lessons.auth;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.TextBlock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.genai.Client;
import com.google.genai.errors.ApiException;
import com.google.genai.types.HttpOptions;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.aiworkbook.harness.lesson.LiveKeys;
import dev.aiworkbook.harness.lesson.RunMode;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Lesson 01: authentication. Calls OpenAI, Anthropic and Gemini once each, first by hand with
 * OkHttp so every header is visible, then with a wrong key and with none, then through each
 * provider's official Java SDK. Runs on the embedded replay server unless given {@code --live}.
 *
 * <p>Read it with {@code lessons/01-auth/README.md}, which walks through it in the order it runs.
 */
public final class AuthLesson {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_NO_KEYS = 2;

    static final String PROMPT = "Say hello in one short sentence.";
    static final String OPENAI_MODEL = "gpt-4o-mini";
    static final String ANTHROPIC_MODEL = "claude-sonnet-4-5";
    static final String GEMINI_MODEL = "gemini-2.5-flash";

    /** A key that every provider refuses; part 2 sends it on purpose. */
    static final String WRONG_KEY = "sk-replay-revoked-xxxx";

    // The request bodies exactly as they go on the wire. Only the headers differ in how they
    // authenticate; the bodies are here so you can see a whole request.
    private static final String OPENAI_BODY = """
            {"model":"gpt-4o-mini","messages":[{"role":"user","content":"Say hello in one short sentence."}]}""";
    private static final String ANTHROPIC_BODY = """
            {"model":"claude-sonnet-4-5","max_tokens":64,"messages":[{"role":"user","content":"Say hello in one short sentence."}]}""";
    private static final String GEMINI_BODY = """
            {"contents":[{"role":"user","parts":[{"text":"Say hello in one short sentence."}]}]}""";

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SafePrinter out;
    private final Map<Provider, String> keys;
    private final Map<Provider, String> baseUrls;
    private final Optional<ReplayServer> replay;
    private final OkHttpClient http;
    private final OkHttpClient wire;
    private boolean failed;

    private AuthLesson(PrintStream console, Map<Provider, String> keys, Map<Provider, String> baseUrls,
            Optional<ReplayServer> replay) {
        this.keys = keys;
        this.baseUrls = baseUrls;
        this.replay = replay;
        List<String> secrets = new ArrayList<>(keys.values());
        secrets.add(WRONG_KEY);
        this.out = new SafePrinter(console, secrets);
        this.http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
        this.wire = http.newBuilder().addNetworkInterceptor(printWhatGoesOnTheWire()).build();
    }

    public static void main(String[] args) {
        RunMode mode;
        try {
            mode = RunMode.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_NO_KEYS);
            return;
        }
        System.exit(run(mode, System.out));
    }

    // tag::run[]
    /** Runs the lesson; live keys come from the environment, then the nearest .env file. */
    public static int run(RunMode mode, PrintStream out) {
        return run(mode, out, System.err, LiveKeys.fromEnvironment()::find);
    }

    /** Replay unless --live: a course must run for a student who has no key, and cost nothing. */
    public static int run(RunMode mode, PrintStream out, PrintStream err, KeySource keySource) {
        return mode.live() ? runLive(out, err, keySource) : runOnReplay(out);
    }
    // end::run[]

    // tag::replay[]
    private static int runOnReplay(PrintStream console) {
        try (ReplayServer replay = ReplayServer.start("01-auth")) {
            Map<Provider, String> keys = new EnumMap<>(Provider.class);
            Map<Provider, String> baseUrls = new EnumMap<>(Provider.class);
            for (Provider provider : Provider.values()) {
                keys.put(provider, provider.replayKey());
                // Same paths as the real APIs, another host: only the base URL changes.
                baseUrls.put(provider, provider == Provider.OPENAI ? replay.url("/v1") : replay.baseUrl());
            }
            console.println("Lesson 01: authentication. Running on the embedded replay server at "
                    + replay.baseUrl() + " with the course's fake keys: no network, no cost.");
            return new AuthLesson(console, keys, baseUrls, Optional.of(replay)).runAllParts();
        }
    }
    // end::replay[]

    // tag::live[]
    private static int runLive(PrintStream console, PrintStream err, KeySource keySource) {
        Map<Provider, String> keys = findLiveKeys(keySource);
        if (keys.isEmpty()) {
            // One paragraph, no stack trace: a missing key is a setup step, not a crash.
            err.println(noKeysMessage());
            return EXIT_NO_KEYS;
        }
        console.println("Lesson 01: authentication. Running LIVE against the real APIs with your keys "
                + "(from the environment or .env). Each call costs a few tokens.");
        for (Provider provider : Provider.values()) {
            if (!keys.containsKey(provider)) {
                console.println("Skipping " + provider.displayName() + ": " + provider.keyVariablesInWords()
                        + " is not set in the environment or in .env.");
            }
        }
        Map<Provider, String> baseUrls = new EnumMap<>(Provider.class);
        keys.keySet().forEach(provider -> baseUrls.put(provider, provider.liveBaseUrl()));
        return new AuthLesson(console, keys, baseUrls, Optional.empty()).runAllParts();
    }

    /** Each provider's key from the first of its variables that is set; providers without one are left out. */
    static Map<Provider, String> findLiveKeys(KeySource source) {
        Map<Provider, String> keys = new EnumMap<>(Provider.class);
        for (Provider provider : Provider.values()) {
            provider.keyVariables().stream()
                    .map(source::find)
                    .flatMap(Optional::stream)
                    .filter(value -> !value.isBlank())
                    .findFirst()
                    .ifPresent(key -> keys.put(provider, key.trim()));
        }
        return keys;
    }
    // end::live[]

    static String noKeysMessage() {
        String variables = Arrays.stream(Provider.values()).map(Provider::keyVariablesInWords)
                .collect(Collectors.joining(", "));
        return "No API key found. --live calls the real providers, so it needs at least one of " + variables
                + ". Export it in your shell (export OPENAI_API_KEY=...), or put NAME=value lines in a .env file"
                + " at the workbook root: git ignores .env, and .env.example shows the names. Providers without"
                + " a key are skipped. Without --live the lesson runs on the replay server and needs no key.";
    }

    private int runAllParts() {
        showTheWire();
        if (replay.isPresent()) {
            showWhatABadKeyGetsBack();
        } else {
            out.heading("2. What a wrong key, or no key, gets back");
            out.line("Skipped in live mode: it would only spend requests on errors. Run without --live to see it.");
        }
        showTheOfficialSdks();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        out.line();
        out.line(failed ? "Done, with failures (see above)." : "Done.");
        return failed ? EXIT_FAILED : EXIT_OK;
    }

    // ---------------------------------------------------------------------------------------
    // Part 1: the wire
    // ---------------------------------------------------------------------------------------

    private void showTheWire() {
        out.heading("1. The wire: one authenticated request per provider, by hand with OkHttp");
        out.line("Every header below is what OkHttp put on the wire; credential values are redacted.");
        for (Provider provider : keys.keySet()) {
            out.line();
            out.line("-- " + provider.displayName() + ": " + howTheKeyTravels(provider));
            callAndShowAnswer(provider, authenticatedRequest(provider, keys.get(provider)));
        }
        if (replay.isPresent() && keys.containsKey(Provider.GEMINI)) {
            out.line();
            out.line("-- Gemini again, with the key in the URL (?key=): accepted, and the reason to avoid it");
            callAndShowAnswer(Provider.GEMINI, geminiRequestWithKeyInUrl(keys.get(Provider.GEMINI)));
            out.line("A URL is written to proxy logs, access logs and browser history; a header is not.");
        }
    }

    private static String howTheKeyTravels(Provider provider) {
        return switch (provider) {
            case OPENAI -> "the key goes in \"Authorization: Bearer <key>\"";
            case ANTHROPIC -> "the key goes in \"x-api-key\", next to the required \"anthropic-version\"";
            case GEMINI -> "the key goes in \"x-goog-api-key\"";
        };
    }

    private Request authenticatedRequest(Provider provider, String key) {
        return switch (provider) {
            case OPENAI -> openAiRequest(key);
            case ANTHROPIC -> anthropicRequest(key);
            case GEMINI -> geminiRequest(key);
        };
    }

    // tag::openai-request[]
    /** OpenAI: the standard HTTP bearer scheme (RFC 6750), the header OAuth tokens use too. */
    private Request openAiRequest(String key) {
        return new Request.Builder()
                .url(baseUrls.get(Provider.OPENAI) + "/chat/completions")
                .header("Authorization", "Bearer " + key)
                .post(RequestBody.create(OPENAI_BODY, JSON_TYPE))
                .build();
    }
    // end::openai-request[]

    // tag::anthropic-request[]
    /** Anthropic: its own key header, and the API version the code was written against. */
    private Request anthropicRequest(String key) {
        return new Request.Builder()
                .url(baseUrls.get(Provider.ANTHROPIC) + "/v1/messages")
                .header("x-api-key", key)
                .header("anthropic-version", "2023-06-01")
                .post(RequestBody.create(ANTHROPIC_BODY, JSON_TYPE))
                .build();
    }
    // end::anthropic-request[]

    // tag::gemini-request[]
    /** Gemini (Google AI): Google's API-key header; the model is part of the path. */
    private Request geminiRequest(String key) {
        return new Request.Builder()
                .url(geminiUrl())
                .header("x-goog-api-key", key)
                .post(RequestBody.create(GEMINI_BODY, JSON_TYPE))
                .build();
    }
    // end::gemini-request[]

    private String geminiUrl() {
        return baseUrls.get(Provider.GEMINI) + "/v1beta/models/" + GEMINI_MODEL + ":generateContent";
    }

    // tag::gemini-query-key[]
    /** The legacy form: the key as a query parameter. It works, and it leaks into every log of URLs. */
    private Request geminiRequestWithKeyInUrl(String key) {
        HttpUrl url = HttpUrl.get(geminiUrl()).newBuilder().addQueryParameter("key", key).build();
        return geminiRequest(key).newBuilder().url(url).removeHeader("x-goog-api-key").build();
    }
    // end::gemini-query-key[]

    // tag::wire-tap[]
    /**
     * A network interceptor sees the request as it leaves, with the headers OkHttp adds itself
     * (Host, Content-Length, User-Agent...). It prints it with every credential masked. It prints
     * the body too, because seeing a whole request is this lesson's point; a production logger
     * should not (prompts hold personal data: exercise 5).
     */
    private Interceptor printWhatGoesOnTheWire() {
        return chain -> {
            Request sent = chain.request();
            out.line("--> " + sent.method() + " " + Redactor.url(sent.url().toString()));
            Headers headers = sent.headers();
            for (int i = 0; i < headers.size(); i++) {
                out.indented(headers.name(i) + ": " + Redactor.headerValue(headers.name(i), headers.value(i)));
            }
            out.indented(bodyOf(sent));
            Response response = chain.proceed(sent);
            out.line("<-- " + response.code() + " " + response.message());
            return response;
        };
    }
    // end::wire-tap[]

    private static String bodyOf(Request request) throws IOException {
        if (request.body() == null) {
            return "";
        }
        Buffer buffer = new Buffer();
        request.body().writeTo(buffer);
        return buffer.readUtf8();
    }

    // tag::call[]
    private void callAndShowAnswer(Provider provider, Request request) {
        try (Response response = wire.newCall(request).execute()) {
            String body = response.body().string();
            requestId(response).ifPresent(id -> out.indented("request id: " + id + " (safe to log, and what support asks for)"));
            if (response.isSuccessful()) {
                out.line(provider.displayName() + " answered " + response.code() + ": \""
                        + firstWords(answerText(provider, JSON.readTree(body))) + "\"");
            } else {
                failed = true;
                out.line(provider.displayName() + " refused the key with " + response.code() + ": "
                        + describeError(provider, body));
            }
        } catch (IOException e) {
            failed = true;
            out.line(provider.displayName() + ": no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
    // end::call[]

    /** OpenAI calls it x-request-id, Anthropic request-id; Gemini sends none. */
    private static Optional<String> requestId(Response response) {
        return Optional.ofNullable(response.header("x-request-id")).or(() -> Optional.ofNullable(response.header("request-id")));
    }

    private static String answerText(Provider provider, JsonNode body) {
        return switch (provider) {
            case OPENAI -> body.path("choices").path(0).path("message").path("content").asText();
            case ANTHROPIC -> body.path("content").path(0).path("text").asText();
            case GEMINI -> body.path("candidates").path(0).path("content").path("parts").path(0).path("text").asText();
        };
    }

    // ---------------------------------------------------------------------------------------
    // Part 2: wrong keys and missing keys (replay only)
    // ---------------------------------------------------------------------------------------

    // tag::bad-keys[]
    private void showWhatABadKeyGetsBack() {
        out.heading("2. What a wrong key, or no key, gets back");
        for (Provider provider : keys.keySet()) {
            showRefusal(provider, "wrong key", authenticatedRequest(provider, WRONG_KEY));
            showRefusal(provider, "no key", withoutCredentials(authenticatedRequest(provider, keys.get(provider))));
        }
        out.line("Gemini answers a wrong key with 400 INVALID_ARGUMENT, the status it uses for any bad input:");
        out.line("tell an auth failure by the body (reason API_KEY_INVALID), never by the status alone.");
        showAMissingVersionHeader();
    }

    private static Request withoutCredentials(Request request) {
        return request.newBuilder()
                .removeHeader("Authorization")
                .removeHeader("x-api-key")
                .removeHeader("x-goog-api-key")
                .build();
    }
    // end::bad-keys[]

    private void showRefusal(Provider provider, String what, Request request) {
        try (Response response = http.newCall(request).execute()) {
            out.line(String.format("%-9s %-9s -> %d  %s", provider.displayName(), what, response.code(),
                    describeError(provider, response.body().string())));
        } catch (IOException e) {
            failed = true;
            out.line(provider.displayName() + " " + what + ": no answer (" + e.getMessage() + ")");
        }
    }

    // tag::error-fields[]
    /** The fields that name the failure. Each provider puts them somewhere else. */
    static String describeError(Provider provider, String body) {
        JsonNode error = parseOrMissing(body).path("error");
        if (error.isMissingNode()) {
            return "(not a provider error body: " + firstWords(body) + ")";
        }
        String fields = switch (provider) {
            // {"error":{"message":..., "type":"invalid_request_error", "code":"invalid_api_key"}}
            case OPENAI -> "type=" + error.path("type").asText() + ", code=" + error.path("code").asText();
            // {"type":"error","error":{"type":"authentication_error","message":...}}
            case ANTHROPIC -> "type=" + error.path("type").asText();
            // {"error":{"code":400,"status":"INVALID_ARGUMENT","details":[{"reason":"API_KEY_INVALID",...}]}}
            case GEMINI -> "status=" + error.path("status").asText() + reasonOf(error);
        };
        return fields + ": \"" + firstWords(error.path("message").asText()) + "\"";
    }

    private static String reasonOf(JsonNode googleError) {
        for (JsonNode detail : googleError.path("details")) {
            if (detail.has("reason")) {
                return ", reason=" + detail.path("reason").asText();
            }
        }
        return "";
    }
    // end::error-fields[]

    private static JsonNode parseOrMissing(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private void showAMissingVersionHeader() {
        out.line();
        out.line("-- Anthropic with the right key but no anthropic-version header");
        Request noVersion = anthropicRequest(keys.get(Provider.ANTHROPIC)).newBuilder().removeHeader("anthropic-version").build();
        ReplayServer server = replay.orElseThrow();
        server.reset();
        try (Response response = http.newCall(noVersion).execute()) {
            out.line("The replay server answers " + response.code() + ": no fixture matches. Its explanation:");
        } catch (IOException e) {
            failed = true;
            out.line("No answer: " + e.getMessage());
            return;
        }
        out.indented(whatDiffered(server.unmatchedReport()));
        out.line("The real API refuses it too, with 400 invalid_request_error: every request names the API version it expects.");
    }

    /** The summary lines of the harness' unmatched-request report, without its full diff table. */
    private static String whatDiffered(String report) {
        return report.lines()
                .takeWhile(line -> !line.startsWith("Closest fixture (left)"))
                .filter(line -> !line.isBlank())
                .collect(Collectors.joining("\n"));
    }

    // ---------------------------------------------------------------------------------------
    // Part 3: the official SDKs
    // ---------------------------------------------------------------------------------------

    private void showTheOfficialSdks() {
        out.heading("3. The same calls with the official Java SDKs");
        out.line("Each SDK writes the auth headers, retries and parses for you; below is what it sent.");
        for (Provider provider : keys.keySet()) {
            out.line();
            out.line("-- " + sdkName(provider));
            askTheSdk(provider);
        }
    }

    private static String sdkName(Provider provider) {
        return switch (provider) {
            case OPENAI -> "openai-java (com.openai:openai-java)";
            case ANTHROPIC -> "anthropic-java (com.anthropic:anthropic-java)";
            case GEMINI -> "google-genai (com.google.genai:google-genai)";
        };
    }

    private void askTheSdk(Provider provider) {
        replay.ifPresent(ReplayServer::reset); // forget earlier requests: what follows is this call's
        try {
            String answer = switch (provider) {
                case OPENAI -> askWithOpenAiSdk(keys.get(provider));
                case ANTHROPIC -> askWithAnthropicSdk(keys.get(provider));
                case GEMINI -> askWithGeminiSdk(keys.get(provider));
            };
            out.line(provider.displayName() + " SDK answered: \"" + firstWords(answer) + "\"");
        } catch (RuntimeException e) {
            explainSdkFailure(provider, e);
        }
        replay.flatMap(ReplayServer::lastRequest).ifPresent(this::showWhatTheSdkSent);
    }

    // tag::openai-sdk[]
    private String askWithOpenAiSdk(String key) {
        // OpenAIOkHttpClient.fromEnv() would read OPENAI_API_KEY (and OPENAI_BASE_URL) itself; the
        // lesson passes both so that replay and .env keys work the same way.
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .apiKey(key)
                .baseUrl(baseUrls.get(Provider.OPENAI))
                .build();
        try {
            ChatCompletion completion = client.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model(OPENAI_MODEL)
                    .addUserMessage(PROMPT)
                    .build());
            return completion.choices().get(0).message().content().orElse("");
        } finally {
            client.close(); // not AutoCloseable, yet it owns a connection pool and threads
        }
    }
    // end::openai-sdk[]

    // tag::anthropic-sdk[]
    private String askWithAnthropicSdk(String key) {
        // AnthropicOkHttpClient.fromEnv() reads ANTHROPIC_API_KEY (or ANTHROPIC_AUTH_TOKEN) itself.
        // The SDK chooses the auth header and the anthropic-version: look at what it sent, below.
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .apiKey(key)
                .baseUrl(baseUrls.get(Provider.ANTHROPIC))
                .build();
        try {
            Message message = client.messages().create(MessageCreateParams.builder()
                    .model(ANTHROPIC_MODEL)
                    .maxTokens(64)
                    .addUserMessage(PROMPT)
                    .build());
            return message.content().get(0).text().map(TextBlock::text).orElse("");
        } finally {
            client.close();
        }
    }
    // end::anthropic-sdk[]

    // tag::gemini-sdk[]
    private String askWithGeminiSdk(String key) {
        // Client.builder().build() without apiKey reads GOOGLE_API_KEY or GEMINI_API_KEY itself
        // (GOOGLE_API_KEY wins when both are set).
        try (Client client = Client.builder()
                .apiKey(key)
                .httpOptions(HttpOptions.builder().baseUrl(baseUrls.get(Provider.GEMINI)).build())
                .build()) {
            return client.models.generateContent(GEMINI_MODEL, PROMPT, null).text();
        }
    }
    // end::gemini-sdk[]

    // tag::sdk-failure[]
    private void explainSdkFailure(Provider provider, RuntimeException e) {
        String unmatched = replay.map(ReplayServer::unmatchedReport).orElse("");
        if (!unmatched.isEmpty()) {
            // The SDK's request is not the one the fixtures were written for: a gap in the
            // fixtures, not a fault of the SDK or of this lesson.
            out.line("The SDK's request matched no fixture in fixtures/01-auth, so the replay server answered 404.");
            out.indented(whatDiffered(unmatched));
            return;
        }
        failed = true;
        out.line(provider.displayName() + " SDK failed: " + statusOf(e) + e.getClass().getSimpleName()
                + ": " + firstLine(e.getMessage()));
    }

    /** Each SDK turns a non-2xx answer into its own exception type, carrying the status. */
    private static String statusOf(RuntimeException e) {
        if (e instanceof OpenAIServiceException openAi) {
            return "HTTP " + openAi.statusCode() + ", ";
        }
        if (e instanceof AnthropicServiceException anthropic) {
            return "HTTP " + anthropic.statusCode() + ", ";
        }
        if (e instanceof ApiException google) {
            return "HTTP " + google.code() + ", ";
        }
        return "";
    }
    // end::sdk-failure[]

    private void showWhatTheSdkSent(RecordedRequest sent) {
        out.line("What the SDK sent (as the replay server received it; header names sorted):");
        out.indented(sent.method() + " " + Redactor.url(sent.url()));
        sent.headers().forEach((name, values) -> values.forEach(
                value -> out.indented("    " + name + ": " + Redactor.headerValue(name, value))));
        out.indented("    " + sent.body());
    }

    // ---------------------------------------------------------------------------------------
    // Small text helpers
    // ---------------------------------------------------------------------------------------

    /** The first dozen words: enough to see the answer arrived, short enough for a console line. */
    static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        return words.length <= 12 ? text.strip() : String.join(" ", Arrays.asList(words).subList(0, 12)) + " …";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}

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
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Topic 03-streaming: one question, three providers, every answer printed piece by piece as it
 * arrives, then its time to first token and its tokens per second.
 *
 * <pre>
 *   OpenAI     data: {chunk}  ...  data: [DONE]
 *   Anthropic  event: content_block_delta / data: {...}  ...  event: message_stop
 *   Gemini     data: {whole response}\r\n\r\n  ...  (the last one has a finishReason)
 * </pre>
 *
 * By default the streams come from the embedded replay server (fixtures/03-streaming) at the pace
 * they were recorded; --speed 2 plays them twice as slow, --speed 0 without pauses. With --live it
 * calls the real APIs, with the keys from the environment or a .env file.
 */
public class StreamingDemo {

    static final String QUESTION = "Explain in three sentences why streaming makes a chat app feel faster.";
    static final MediaType JSON = MediaType.get("application/json");
    static final ObjectMapper MAPPER = new ObjectMapper();
    // No limit on the whole call (a long answer is fine); 30 s of silence between two reads is a stalled stream.
    static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .callTimeout(Duration.ZERO).readTimeout(Duration.ofSeconds(30)).build();

    /** A provider: its address, its key, its streaming request, and how to read its events. */
    record Provider(String name, String liveBaseUrl, String keyVariable, String replayKey,
                    BiFunction<String, String, Request> request,    // (base URL, key) -> the request
                    BiFunction<String, JsonNode, String> text,      // (event type, data) -> the text it carries
                    String outputTokens,                            // where the usage count is (a JSON pointer)
                    BiPredicate<String, String> isEnd) {            // (event type, raw data) -> the stream is complete
    }

    static final List<Provider> PROVIDERS = List.of(
            new Provider("OpenAI", "https://api.openai.com", "OPENAI_API_KEY", ReplayKeys.OPENAI,
                    (baseUrl, key) -> new Request.Builder()
                            .url(baseUrl + "/v1/chat/completions")
                            .header("Authorization", "Bearer " + key)
                            .post(RequestBody.create("""
                                    {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},\
                                    "messages":[{"role":"user","content":"%s"}]}""".formatted(QUESTION), JSON))
                            .build(),
                    (type, data) -> data.at("/choices/0/delta/content").asText(""),   // 1. one token per chunk
                    "/usage/completion_tokens",                                     //    usage: a last chunk
                    (type, data) -> data.equals("[DONE]")),                         //    the end: data: [DONE]

            new Provider("Anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY", ReplayKeys.ANTHROPIC,
                    (baseUrl, key) -> new Request.Builder()
                            .url(baseUrl + "/v1/messages")
                            .header("x-api-key", key)
                            .header("anthropic-version", "2023-06-01")
                            .post(RequestBody.create("""
                                    {"model":"claude-sonnet-4-5","max_tokens":300,"stream":true,\
                                    "messages":[{"role":"user","content":"%s"}]}""".formatted(QUESTION), JSON))
                            .build(),
                    (type, data) -> type.equals("content_block_delta") ? data.at("/delta/text").asText("") : "",
                    "/usage/output_tokens",                                         // 2. in message_delta
                    (type, data) -> type.equals("message_stop")),                   //    the end: a named event

            new Provider("Gemini", "https://generativelanguage.googleapis.com", "GEMINI_API_KEY", ReplayKeys.GEMINI,
                    (baseUrl, key) -> new Request.Builder()
                            .url(baseUrl + "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
                            .header("x-goog-api-key", key)
                            .post(RequestBody.create("""
                                    {"contents":[{"role":"user","parts":[{"text":"%s"}]}]}""".formatted(QUESTION), JSON))
                            .build(),
                    (type, data) -> data.at("/candidates/0/content/parts/0/text").asText(""),
                    "/usageMetadata/candidatesTokenCount",                          // 3. in every chunk, a running total
                    (type, data) -> data.contains("\"finishReason\"")));            //    no end marker but this

    public static void main(String[] args) {
        RunMode mode;
        try {
            mode = RunMode.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int exitCode = mode.live() ? runLive() : runOnReplay(mode.speed());
        System.exit(exitCode);   // OkHttp's and WireMock's threads must not keep the demo alive
    }

    /** The recorded streams, written by the replay server at their recorded times x speed. */
    static int runOnReplay(double speed) {
        int failures = 0;
        try {
            warmUp();
            try (ReplayServer replay = ReplayServer.start("03-streaming", speed)) {
                System.out.println("03-streaming on the replay server " + replay.baseUrl() + " (no key, no network), "
                        + (speed == 1 ? "at the recorded pace" : "at " + speed + " x the recorded pauses") + "\n");
                System.out.println("Q: " + QUESTION + "\n");
                for (Provider provider : PROVIDERS) {
                    failures += stream(provider, replay.baseUrl(), provider.replayKey(), System.out) ? 0 : 1;
                }
                if (!replay.unmatchedReport().isEmpty()) {
                    System.err.println(replay.unmatchedReport());
                }
            }
        } catch (IllegalStateException noFixtures) {
            // Fixtures are found by walking up from the working directory: run inside the workbook.
            System.err.println(noFixtures.getMessage());
            return 2;
        }
        return failures == 0 ? 0 : 1;
    }

    /** The very first stream of a fresh JVM pays for loading classes; stream once, quietly, to keep that off the clock. */
    static void warmUp() {
        try (ReplayServer quick = ReplayServer.start("03-streaming", 0)) {
            Provider first = PROVIDERS.get(0);
            stream(first, quick.baseUrl(), first.replayKey(), new PrintStream(OutputStream.nullOutputStream()));
        }
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
        System.out.println("03-streaming LIVE: the real APIs, with your keys\n");
        System.out.println("Q: " + QUESTION + "\n");
        int failures = 0;
        for (int i = 0; i < PROVIDERS.size(); i++) {
            Provider provider = PROVIDERS.get(i);
            failures += stream(provider, provider.liveBaseUrl(), liveKeys[i], System.out) ? 0 : 1;
        }
        return failures == 0 ? 0 : 1;
    }

    /** Streams one answer, printing each piece as it arrives; true when the stream ended as it should. */
    static boolean stream(Provider provider, String baseUrl, String key, PrintStream out) {
        Request request = provider.request().apply(baseUrl, key);
        String query = request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery();
        out.println("[" + provider.name() + "] " + request.method() + " " + request.url().encodedPath() + query);
        long start = System.nanoTime();
        long firstToken = -1;
        long lastToken = -1;
        long tokens = -1;
        boolean ended = false;
        try (Response response = HTTP.newCall(request).execute()) {   // returns when the headers are in
            out.println("[" + provider.name() + "] HTTP " + response.code() + "  " + response.header("Content-Type", ""));
            if (response.code() != 200) {
                out.println("[" + provider.name() + "] " + response.body().string() + "\n");
                return false;
            }
            out.print("    ");
            int column = 4;
            // Server-sent events, read line by line as they arrive: "event:" names it, "data:" carries it,
            // a blank line ends it. readUtf8Line() takes LF and CRLF (Gemini's) alike.
            BufferedSource body = response.body().source();
            String type = "message";
            String data = null;
            for (String line; (line = body.readUtf8Line()) != null; ) {
                if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5).strip();
                } else if (line.isEmpty() && data != null) {
                    ended |= provider.isEnd().test(type, data);
                    if (!data.equals("[DONE]")) {
                        JsonNode json = MAPPER.readTree(data);
                        String text = provider.text().apply(type, json);
                        if (!text.isEmpty()) {
                            lastToken = System.nanoTime();
                            firstToken = firstToken < 0 ? lastToken : firstToken;
                            column = print(out, text, column);
                        }
                        JsonNode count = json.at(provider.outputTokens());
                        tokens = count.isNumber() ? count.asLong() : tokens;
                    }
                    type = "message";
                    data = null;
                }
            }
            out.println();
        } catch (IOException e) {
            out.println("\n[" + provider.name() + "] the stream broke: " + e.getMessage() + "\n");
            return false;
        }
        out.println("[" + provider.name() + "] " + measured(start, firstToken, lastToken, tokens)
                + (ended ? "" : "  (no end signal: cut short?)") + "\n");
        return ended;
    }

    /** Prints a piece of the answer at once, wrapping between words; returns the column it ends at. */
    static int print(PrintStream out, String text, int column) {
        for (String word : text.split("(?= )")) {
            if (column + word.length() > 96 && word.startsWith(" ")) {
                out.print("\n   ");
                column = 3;
            }
            out.print(word);
            column += word.length();
        }
        out.flush();   // show it now: a PrintStream would keep it until the next newline
        return column;
    }

    /** Time to first token, and output tokens per second from the first token to the last. */
    static String measured(long start, long firstToken, long lastToken, long tokens) {
        if (firstToken < 0) {
            return "no text arrived";
        }
        double ttft = (firstToken - start) / 1e9;
        double flowing = (lastToken - firstToken) / 1e9;
        String rate = flowing < 0.05 || tokens <= 0 ? "" : String.format(Locale.ROOT, ", %.0f tokens/s", tokens / flowing);
        return String.format(Locale.ROOT, "first token after %.2f s, last after %.2f s: %s output tokens%s",
                ttft, (lastToken - start) / 1e9, tokens < 0 ? "?" : tokens, rate);
    }
}

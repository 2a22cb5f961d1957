package dev.aiworkbook.lessons.streaming;

import dev.aiworkbook.harness.lesson.LessonProvider;
import dev.aiworkbook.harness.lesson.KeySource;
import dev.aiworkbook.harness.lesson.LiveProviders;
import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.OpenAIServiceException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.aiworkbook.harness.lesson.LiveKeys;
import dev.aiworkbook.harness.lesson.RunMode;
import dev.aiworkbook.harness.replay.RecordedRequest;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Lesson 03: streaming. Asks one question in the four streaming dialects (OpenAI Chat Completions,
 * the OpenAI Responses API, Anthropic Messages, Gemini) and prints each answer as it arrives, read by
 * hand with OkHttp and a small SSE reader; measures time to first token and tokens per second; stops
 * a stream halfway; then streams through the official SDKs. On the replay server the recorded
 * streams keep their recorded pace ({@code --speed 2}: twice as slow, {@code --speed 0}: no pauses).
 *
 * <p>Read it with {@code lessons/03-streaming/README.md}, which walks through it in the order it runs.
 */
public final class StreamingLesson {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_NO_KEYS = 2;

    static final String QUESTION = "Explain in three sentences why streaming makes a chat app feel faster.";
    static final String OPENAI_MODEL = "gpt-4o-mini";
    static final String ANTHROPIC_MODEL = "claude-sonnet-4-5";

    private final Console out;
    private final Map<LessonProvider, String> keys;
    private final Map<LessonProvider, String> baseUrls;
    private final Optional<ReplayServer> replay;
    private final OkHttpClient http;
    private final Map<Dialect, StreamedAnswer> answers = new LinkedHashMap<>();
    private boolean failed;

    StreamingLesson(PrintStream console, Map<LessonProvider, String> keys, Map<LessonProvider, String> baseUrls,
            Optional<ReplayServer> replay) {
        this.out = new Console(console, new ArrayList<>(keys.values()));
        this.keys = keys;
        this.baseUrls = baseUrls;
        this.replay = replay;
        // tag::client[]
        this.http = new OkHttpClient.Builder()
                // The longest silence allowed between two reads. A stream that stalls fails after it;
                // a slow but steady stream never does. Keep it above the model's longest pause.
                .readTimeout(Duration.ofSeconds(30))
                // No limit on the whole call: a long answer that keeps flowing is not an error.
                .callTimeout(Duration.ZERO)
                .build();
        // end::client[]
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

    /** Replay unless --live; on replay, --speed scales the recorded pauses (1 = as recorded, 0 = none). */
    public static int run(RunMode mode, PrintStream out, PrintStream err, KeySource keySource) {
        return mode.live() ? runLive(out, err, keySource) : runOnReplay(out, mode.speed());
    }
    // end::run[]

    // tag::replay[]
    private static int runOnReplay(PrintStream console, double speed) {
        if (speed > 0) {
            warmUp(); // keeps the replay server's own start-up out of the measurements
        }
        // A timed replay: each recorded stream is written piece by piece at its recorded times x speed.
        try (ReplayServer replay = ReplayServer.start("03-streaming", speed)) {
            console.println("Lesson 03: streaming. Replaying recorded streams from the embedded replay server at "
                    + replay.baseUrl() + ", " + pace(speed) + ": no key, no network, no cost.");
            return onReplay(replay, console).runAllParts();
        }
    }

    /** The lesson pointed at a replay server: the same paths as the real APIs, another host. */
    static StreamingLesson onReplay(ReplayServer replay, PrintStream console) {
        Map<LessonProvider, String> keys = new EnumMap<>(LessonProvider.class);
        Map<LessonProvider, String> baseUrls = new EnumMap<>(LessonProvider.class);
        for (LessonProvider provider : LessonProvider.values()) {
            keys.put(provider, provider.replayKey());
            baseUrls.put(provider, replay.baseUrl());
        }
        return new StreamingLesson(console, keys, baseUrls, Optional.of(replay));
    }
    // end::replay[]

    /**
     * The replay server's first stream pays for loading its classes: several hundred milliseconds
     * that a live API does not add. One quiet stream, without pauses, keeps them out of the times.
     */
    private static void warmUp() {
        try (ReplayServer quick = ReplayServer.start("03-streaming", 0)) {
            StreamingLesson quiet = onReplay(quick, new PrintStream(OutputStream.nullOutputStream()));
            quiet.stream(Dialect.CHAT_COMPLETIONS, sofar -> false);
            quiet.close();
        }
    }

    private static String pace(double speed) {
        if (speed == 0) {
            return "without pauses (--speed 0), so the times below are near zero";
        }
        return speed == 1 ? "at the pace they were recorded (--speed 2 plays them twice as slow)"
                : "at " + speed + " times their recorded pauses (--speed 1 is the recorded pace)";
    }

    private static int runLive(PrintStream console, PrintStream err, KeySource keySource) {
        Map<LessonProvider, String> keys = LiveProviders.findKeys(keySource);
        if (keys.isEmpty()) {
            // One paragraph, no stack trace: a missing key is a setup step, not a crash.
            err.println(LiveProviders.noKeysMessage());
            return EXIT_NO_KEYS;
        }
        console.println("Lesson 03: streaming. Running LIVE against the real APIs with your keys "
                + "(from the environment or .env). Each stream costs about a hundred tokens.");
        for (LessonProvider provider : LessonProvider.values()) {
            if (!keys.containsKey(provider)) {
                console.println(LiveProviders.skipNote(provider));
            }
        }
        Map<LessonProvider, String> baseUrls = LiveProviders.liveBaseUrls(keys);
        return new StreamingLesson(console, keys, baseUrls, Optional.empty()).runAllParts();
    }

    private int runAllParts() {
        out.line("The question, in every dialect: \"" + QUESTION + "\"");
        streamEveryDialect();
        compareTheMeasurements();
        if (keys.containsKey(LessonProvider.OPENAI)) {
            showCancelling();
        }
        streamWithTheOfficialSdks();
        close();
        out.line();
        out.line(failed ? "Done, with failures (see above)." : "Done.");
        return failed ? EXIT_FAILED : EXIT_OK;
    }

    // ---------------------------------------------------------------------------------------
    // Part 1: four dialects, by hand
    // ---------------------------------------------------------------------------------------

    private void streamEveryDialect() {
        out.heading("1. Four streaming dialects, read by hand with OkHttp and a small SSE reader");
        out.line("Each answer is printed piece by piece as its events arrive.");
        for (Dialect dialect : Dialect.values()) {
            if (!keys.containsKey(dialect.provider())) {
                continue;
            }
            out.line();
            out.line("-- " + dialect.displayName() + ": " + requestLine(dialect));
            StreamedAnswer answer = stream(dialect, sofar -> false);
            answers.put(dialect, answer);
            report(answer);
        }
    }

    private String requestLine(Dialect dialect) {
        okhttp3.Request request = dialect.request(baseUrls.get(dialect.provider()), "");
        String query = request.url().encodedQuery() == null ? "" : "?" + request.url().encodedQuery();
        return request.method() + " " + request.url().encodedPath() + query;
    }

    // tag::stream[]
    /** Sends the dialect's request and reads its events as they arrive, until the end or until stopWhen says so. */
    StreamedAnswer stream(Dialect dialect, Predicate<StreamedAnswer> stopWhen) {
        StreamedAnswer answer = new StreamedAnswer(out);                 // the clock starts here
        Call call = http.newCall(dialect.request(baseUrls.get(dialect.provider()), keys.get(dialect.provider())));
        try (Response response = call.execute()) {                      // returns once the headers are in
            answer.headersArrived();
            String type = response.header("Content-Type", "");
            out.line("<-- " + response.code() + ", Content-Type: " + type);
            if (!response.isSuccessful() || !type.startsWith("text/event-stream")) {
                // An error before the stream starts is a plain HTTP error with a JSON body.
                answer.failed("HTTP " + response.code() + ": " + firstWords(response.body().string()));
                return answer;
            }
            SseReader events = new SseReader(response.body().source());
            for (Optional<SseEvent> event = events.next(); event.isPresent(); event = events.next()) {
                dialect.read(event.get(), answer);
                if (stopWhen.test(answer)) {
                    call.cancel();                                      // really stop: close the connection
                    answer.cancelled("call.cancel()");
                    break;
                }
            }
            answer.endOfStream();                                       // complete only after its end signal
        } catch (IOException e) {
            // A cut connection or a read timeout: keep what arrived, and say what happened.
            answer.failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        out.endStream();
        return answer;
    }
    // end::stream[]

    private void report(StreamedAnswer answer) {
        if (!answer.complete()) {
            failed = true;
            out.line("The stream failed after " + answer.events() + " events and " + answer.text().length()
                    + " characters of text: " + answer.failure());
            return;
        }
        out.line(answer.events() + " events, stop reason " + answer.stopReason() + ", ended by " + answer.ending());
        out.line(describe(answer.measure()));
    }

    static String describe(StreamedAnswer.Measurements m) {
        String rate = m.tokensPerSecond().isPresent()
                ? String.format(Locale.ROOT, "%.0f tokens/s", m.tokensPerSecond().getAsDouble())
                : "tokens/s n/a (no pauses to measure)";
        return "headers after " + seconds(m.headers()) + " · first token after " + seconds(m.firstToken())
                + " · last token after " + seconds(m.lastToken()) + " · "
                + (m.outputTokens() < 0 ? "no usage count" : m.outputTokens() + " output tokens") + " · " + rate;
    }

    // ---------------------------------------------------------------------------------------
    // Part 2: side by side
    // ---------------------------------------------------------------------------------------

    private void compareTheMeasurements() {
        out.heading("2. Side by side: what the user waited for");
        out.line(String.format(Locale.ROOT, "%-30s %12s %12s %14s %9s", "dialect", "first token", "last token",
                "output tokens", "tokens/s"));
        answers.forEach((dialect, answer) -> {
            StreamedAnswer.Measurements m = answer.measure();
            out.line(String.format(Locale.ROOT, "%-30s %12s %12s %14s %9s", dialect.displayName(),
                    seconds(m.firstToken()), seconds(m.lastToken()), m.outputTokens() < 0 ? "?" : m.outputTokens(),
                    m.tokensPerSecond().isPresent() ? String.format(Locale.ROOT, "%.0f", m.tokensPerSecond().getAsDouble()) : "n/a"));
        });
        out.line("Without streaming, the user would see nothing until the last token: the first column is what streaming buys.");
    }

    // ---------------------------------------------------------------------------------------
    // Part 3: stop mid-stream
    // ---------------------------------------------------------------------------------------

    private void showCancelling() {
        out.heading("3. Stop: cancelling a stream when the reader has seen enough");
        out.line("-- " + Dialect.CHAT_COMPLETIONS.displayName() + " again, stopped after its first sentence");
        // tag::cancel[]
        StreamedAnswer answer = stream(Dialect.CHAT_COMPLETIONS, sofar -> sofar.text().endsWith("."));
        // end::cancel[]
        if (!answer.ending().startsWith("cancelled")) {
            failed = true;
            out.line("The stream was not cancelled: " + answer.failure());
            return;
        }
        StreamedAnswer whole = answers.get(Dialect.CHAT_COMPLETIONS);
        out.line("Stopped after the first sentence, " + seconds(answer.measure().lastToken()) + " after the request"
                + (whole == null || !whole.complete() ? "" : " (the whole answer took " + seconds(whole.measure().lastToken()) + ")")
                + ": call.cancel() closed the connection, so nothing more is read.");
        out.line("Closing the connection is how a stream is cancelled: the server notices, and can stop generating.");
    }

    // ---------------------------------------------------------------------------------------
    // Part 4: the official SDKs
    // ---------------------------------------------------------------------------------------

    private void streamWithTheOfficialSdks() {
        out.heading("4. The same stream through the official SDKs");
        out.line("The SDK parses the SSE and the JSON for you; an accumulator turns the deltas into one message.");
        if (keys.containsKey(LessonProvider.OPENAI)) {
            out.line();
            out.line("-- openai-java: createStreaming, every chunk into a ChatCompletionAccumulator");
            runSdk(LessonProvider.OPENAI);
        }
        if (keys.containsKey(LessonProvider.ANTHROPIC)) {
            out.line();
            out.line("-- anthropic-java: createStreaming, every event into a MessageAccumulator");
            runSdk(LessonProvider.ANTHROPIC);
        }
    }

    private void runSdk(LessonProvider provider) {
        replay.ifPresent(ReplayServer::reset); // forget earlier requests: what follows is this call's
        try {
            StreamedAnswer answer = provider == LessonProvider.OPENAI ? streamWithOpenAiSdk() : streamWithAnthropicSdk();
            out.line(describe(answer.measure()) + " (a first SDK call also loads the SDK's classes)");
        } catch (RuntimeException e) {
            out.endStream();
            explainSdkFailure(e);
        }
        replay.flatMap(ReplayServer::lastRequest).ifPresent(this::showWhatTheSdkSent);
    }

    // tag::openai-sdk[]
    private StreamedAnswer streamWithOpenAiSdk() {
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .apiKey(keys.get(LessonProvider.OPENAI))
                .baseUrl(baseUrls.get(LessonProvider.OPENAI) + "/v1")
                .build();
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(OPENAI_MODEL)
                .addUserMessage(QUESTION)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        StreamedAnswer answer = new StreamedAnswer(out);
        // createStreaming adds "stream": true. Closing the StreamResponse closes the connection: a
        // stream left open holds it until the server is done.
        try (StreamResponse<ChatCompletionChunk> chunks = client.chat().completions().createStreaming(params)) {
            answer.headersArrived();
            chunks.stream()
                    .map(accumulator::accumulate)              // keeps every delta, returns the chunk
                    .flatMap(chunk -> chunk.choices().stream())
                    .flatMap(choice -> choice.delta().content().stream())
                    .forEach(answer::text);
        } finally {
            client.close();
        }
        out.endStream();
        ChatCompletion whole = accumulator.chatCompletion(); // one ChatCompletion, as if not streamed
        whole.usage().ifPresent(usage -> answer.outputTokens(usage.completionTokens()));
        out.line("ChatCompletionAccumulator: finish_reason " + whole.choices().get(0).finishReason()
                + ", the message equals the text that arrived: "
                + whole.choices().get(0).message().content().orElse("").equals(answer.text()));
        return answer;
    }
    // end::openai-sdk[]

    // tag::anthropic-sdk[]
    private StreamedAnswer streamWithAnthropicSdk() {
        AnthropicClient client = AnthropicOkHttpClient.builder()
                .apiKey(keys.get(LessonProvider.ANTHROPIC))
                .baseUrl(baseUrls.get(LessonProvider.ANTHROPIC))
                .build();
        MessageCreateParams params = MessageCreateParams.builder()
                .model(ANTHROPIC_MODEL)
                .maxTokens(300)
                .addUserMessage(QUESTION)
                .build();
        MessageAccumulator accumulator = MessageAccumulator.create();
        StreamedAnswer answer = new StreamedAnswer(out);
        // The SDK drops ping events and throws on an error event; the rest come typed.
        try (com.anthropic.core.http.StreamResponse<RawMessageStreamEvent> events =
                     client.messages().createStreaming(params)) {
            answer.headersArrived();
            for (RawMessageStreamEvent event : events) {
                accumulator.accumulate(event);
                event.contentBlockDelta()
                        .flatMap(delta -> delta.delta().text())
                        .ifPresent(text -> answer.text(text.text()));
            }
        } finally {
            client.close();
        }
        out.endStream();
        Message message = accumulator.message();             // throws unless message_stop arrived
        answer.outputTokens(message.usage().outputTokens());
        out.line("MessageAccumulator: stop_reason " + message.stopReason().map(Object::toString).orElse("none")
                + ", the message equals the text that arrived: "
                + message.content().get(0).text().map(block -> block.text()).orElse("").equals(answer.text()));
        return answer;
    }
    // end::anthropic-sdk[]

    private void explainSdkFailure(RuntimeException e) {
        String unmatched = replay.map(ReplayServer::unmatchedReport).orElse("");
        if (!unmatched.isEmpty()) {
            // The SDK's request is not the one the fixtures were written for: a gap in the fixtures,
            // not a fault of the SDK or of this lesson.
            out.line("The SDK's request matched no fixture in fixtures/03-streaming, so the replay server answered 404.");
            out.indented(unmatched.lines().takeWhile(line -> !line.startsWith("Closest fixture (left)"))
                    .filter(line -> !line.isBlank()).collect(Collectors.joining("\n")));
            return;
        }
        failed = true;
        String status = e instanceof OpenAIServiceException openAi ? "HTTP " + openAi.statusCode() + ", "
                : e instanceof AnthropicServiceException anthropic ? "HTTP " + anthropic.statusCode() + ", " : "";
        out.line("The SDK failed: " + status + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
    }

    private void showWhatTheSdkSent(RecordedRequest sent) {
        out.line("What the SDK sent (as the replay server received it):");
        out.indented(sent.method() + " " + sent.url());
        out.indented("Accept: " + sent.header("Accept").orElse("(none)"));
        out.indented(sent.body());
    }

    // ---------------------------------------------------------------------------------------
    // Small text helpers
    // ---------------------------------------------------------------------------------------

    private static String seconds(Duration duration) {
        return duration == null ? "-" : String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }

    private static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        return words.length <= 16 ? text.strip() : String.join(" ", Arrays.asList(words).subList(0, 16)) + " …";
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    /** The answers of part 1, for the tests. */
    Map<Dialect, StreamedAnswer> answers() {
        return answers;
    }

    void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}

package dev.aiworkbook.lessons.completions;

import dev.aiworkbook.harness.lesson.LessonProvider;
import dev.aiworkbook.harness.lesson.KeySource;
import dev.aiworkbook.harness.lesson.LiveProviders;
import com.anthropic.errors.AnthropicServiceException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.genai.errors.ApiException;
import com.openai.errors.OpenAIServiceException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Lesson 02: completions. Asks one question through four APIs (OpenAI Chat Completions, OpenAI
 * Responses, Anthropic Messages, Gemini generateContent) by hand with OkHttp and Jackson, prints
 * each request body, answer, finish reason and token usage side by side, then asks a follow-up to
 * show who holds the conversation, then asks the first question again through the official SDKs.
 * Runs on the embedded replay server unless given {@code --live}.
 *
 * <p>Read it with {@code lessons/02-completions/README.md}, which walks through it in the order it runs.
 */
public final class CompletionsLesson {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_NO_KEYS = 2;

    // tag::conversation[]
    static final String SYSTEM = "You are a concise geography tutor.";
    static final String QUESTION = "What is the capital of France? Answer in one word.";
    static final String FOLLOW_UP = "And of Italy?";

    /** The same conversation, four wire formats. */
    static final List<WireApi> APIS = List.of(
            new ChatCompletionsApi(), new ResponsesApi(), new AnthropicMessagesApi(), new GeminiApi());
    // end::conversation[]

    private static final int LABEL = 22;
    private static final int COLUMN = 24;

    private final Console out;
    private final Map<LessonProvider, String> keys;
    private final Map<LessonProvider, String> baseUrls;
    private final Optional<ReplayServer> replay;
    private final OkHttpClient http;
    private boolean failed;

    private CompletionsLesson(PrintStream console, Map<LessonProvider, String> keys, Map<LessonProvider, String> baseUrls,
            Optional<ReplayServer> replay) {
        this.keys = keys;
        this.baseUrls = baseUrls;
        this.replay = replay;
        this.out = new Console(console, new ArrayList<>(keys.values()));
        // Reasoning models think before the first byte of the answer: allow them a minute.
        this.http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
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

    /** Runs the lesson; live keys come from the environment, then the nearest .env file. */
    public static int run(RunMode mode, PrintStream out) {
        return run(mode, out, System.err, LiveKeys.fromEnvironment()::find);
    }

    /** Replay unless --live: a course must run for a student who has no key, and cost nothing. */
    public static int run(RunMode mode, PrintStream out, PrintStream err, KeySource keySource) {
        return mode.live() ? runLive(out, err, keySource) : runOnReplay(out);
    }

    private static int runOnReplay(PrintStream console) {
        try (ReplayServer replay = ReplayServer.start("02-completions")) {
            Map<LessonProvider, String> keys = new EnumMap<>(LessonProvider.class);
            Map<LessonProvider, String> baseUrls = new EnumMap<>(LessonProvider.class);
            for (LessonProvider provider : LessonProvider.values()) {
                keys.put(provider, provider.replayKey());
                baseUrls.put(provider, replay.baseUrl());   // same paths as the real APIs, another host
            }
            console.println("Lesson 02: completions. Running on the embedded replay server at " + replay.baseUrl()
                    + " with the course's fake keys: no network, no cost.");
            return new CompletionsLesson(console, keys, baseUrls, Optional.of(replay)).runAllParts();
        }
    }

    private static int runLive(PrintStream console, PrintStream err, KeySource keySource) {
        Map<LessonProvider, String> keys = LiveProviders.findKeys(keySource);
        if (keys.isEmpty()) {
            err.println(LiveProviders.noKeysMessage());   // one paragraph, no stack trace: a missing key is a setup step
            return EXIT_NO_KEYS;
        }
        console.println("Lesson 02: completions. Running LIVE against the real APIs with your keys "
                + "(from the environment or .env). About ten small calls; each costs a few tokens.");
        for (LessonProvider provider : LessonProvider.values()) {
            if (!keys.containsKey(provider)) {
                console.println(LiveProviders.skipNote(provider));
            }
        }
        Map<LessonProvider, String> baseUrls = LiveProviders.liveBaseUrls(keys);
        return new CompletionsLesson(console, keys, baseUrls, Optional.empty()).runAllParts();
    }

    private int runAllParts() {
        List<WireApi> apis = APIS.stream().filter(api -> keys.containsKey(api.provider())).toList();
        Map<WireApi, Answer> firstAnswers = askTheFirstQuestion(apis);
        askTheFollowUp(firstAnswers);
        askThroughTheSdks();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        out.line();
        out.line(failed ? "Done, with failures (see above)." : "Done.");
        return failed ? EXIT_FAILED : EXIT_OK;
    }

    // ---------------------------------------------------------------------------------------
    // Part 1: one question, four APIs
    // ---------------------------------------------------------------------------------------

    // tag::first-question[]
    private Map<WireApi, Answer> askTheFirstQuestion(List<WireApi> apis) {
        out.heading("1. One question, four APIs");
        out.line("System prompt: \"" + SYSTEM + "\"  Question: \"" + QUESTION + "\"");
        out.line("Below, each request body as the lesson sends it (pretty-printed; on the wire it is one line).");
        List<Turn> conversation = List.of(Turn.system(SYSTEM), Turn.user(QUESTION));
        Map<WireApi, Answer> answers = new LinkedHashMap<>();
        for (WireApi api : apis) {
            out.line();
            out.line("-- " + api.title() + " (" + api.provider().displayName() + "): POST " + api.path());
            ask(api, conversation).ifPresent(answer -> answers.put(api, answer));
        }
        showSideBySide(answers);
        return answers;
    }
    // end::first-question[]

    // tag::ask[]
    /** Sends the conversation in the API's format and reads the answer; an error is shown, not thrown. */
    private Optional<Answer> ask(WireApi api, List<Turn> conversation) {
        ObjectNode body = api.body(conversation);
        out.indented(Json.brief(body));
        Request request = api.request(baseUrls.get(api.provider()), keys.get(api.provider()), body);
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) {
                failed = true;
                out.line(api.title() + " failed with HTTP " + response.code() + ": " + firstWords(text));
                explainUnmatched();
                return Optional.empty();
            }
            Answer answer = api.read(Json.MAPPER.readTree(text));
            out.line(api.title() + " answered \"" + firstWords(answer.text()) + "\"  (model " + answer.model() + ")");
            out.indented("stopped because: " + answer.finishReason() + "    tokens: " + describe(answer.tokens()));
            return Optional.of(answer);
        } catch (IOException e) {
            failed = true;
            out.line(api.title() + ": no answer (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return Optional.empty();
        }
    }
    // end::ask[]

    private static String describe(Answer.Tokens tokens) {
        return tokens.input() + " in (" + tokens.cachedInput() + " cached), " + tokens.output() + " out ("
                + (tokens.reasoning() == null ? "reasoning not reported apart" : tokens.reasoning() + " reasoning") + ")";
    }

    private void showSideBySide(Map<WireApi, Answer> answers) {
        out.line();
        out.line("Side by side:");
        row("", answers, answer -> "");
        row("answer", answers, answer -> "\"" + answer.text() + "\"");
        row("stopped because", answers, Answer::finishReason);
        row("input tokens", answers, answer -> String.valueOf(answer.tokens().input()));
        row("  of them cached", answers, answer -> String.valueOf(answer.tokens().cachedInput()));
        row("output tokens", answers, answer -> String.valueOf(answer.tokens().output()));
        row("  of them reasoning", answers, answer -> answer.tokens().reasoning() == null
                ? "not reported" : String.valueOf(answer.tokens().reasoning()));
    }

    /** One line of a table: a label, then one column per API (the header row shows the API names). */
    private void row(String label, Map<WireApi, Answer> answers, Function<Answer, String> cell) {
        StringBuilder line = new StringBuilder(pad(label, LABEL));
        answers.forEach((api, answer) -> line.append(pad(label.isEmpty() ? api.title() : cell.apply(answer), COLUMN)));
        out.line(line.toString().stripTrailing());
    }

    private static String pad(String text, int width) {
        String cut = text.length() < width ? text : text.substring(0, width - 2) + "…";
        return cut + " ".repeat(width - cut.length());
    }

    // ---------------------------------------------------------------------------------------
    // Part 2: the follow-up, and who holds the conversation
    // ---------------------------------------------------------------------------------------

    // tag::follow-up[]
    private void askTheFollowUp(Map<WireApi, Answer> firstAnswers) {
        out.heading("2. The follow-up: who holds the conversation?");
        out.line("No call here keeps state on the server, so each sends the whole conversation again:");
        out.line("the system prompt, the first question, the answer it got, and the new question.");
        Map<WireApi, Answer> secondAnswers = new LinkedHashMap<>();
        for (Map.Entry<WireApi, Answer> first : firstAnswers.entrySet()) {
            WireApi api = first.getKey();
            List<Turn> conversation = List.of(Turn.system(SYSTEM), Turn.user(QUESTION),
                    Turn.assistant(first.getValue().text()),   // this API's own answer goes back in
                    Turn.user(FOLLOW_UP));
            out.line();
            out.line("-- " + api.title() + ": " + whereTheHistoryGoes(api));
            ask(api, conversation).ifPresent(answer -> secondAnswers.put(api, answer));
            if (api instanceof ResponsesApi) {
                showTheStatefulAlternative(first.getValue());
            }
        }
        showTheGrowth(firstAnswers, secondAnswers);
    }
    // end::follow-up[]

    private static String whereTheHistoryGoes(WireApi api) {
        if (api instanceof ChatCompletionsApi) {
            return "you hold the state; the answer goes back as an \"assistant\" message";
        }
        if (api instanceof ResponsesApi) {
            return "store:false, so you hold the state here too; the answer goes back as an input item";
        }
        if (api instanceof AnthropicMessagesApi) {
            return "you hold the state; messages alternate \"user\" and \"assistant\"";
        }
        return "you hold the state; the answer goes back as a content with role \"model\"";
    }

    // tag::stateful-alternative[]
    private void showTheStatefulAlternative(Answer first) {
        out.line("The Responses API can hold the conversation instead: store the first response (store:true,");
        out.line("the default) and send only the new turn with its id. Not sent here, since turn 1 had store:false:");
        out.indented(Json.brief(ResponsesApi.followUpByReference(first.id(), SYSTEM, FOLLOW_UP)));
        out.line("OpenAI then keeps the history for you, and still bills all of it as input tokens on each turn.");
    }
    // end::stateful-alternative[]

    private void showTheGrowth(Map<WireApi, Answer> first, Map<WireApi, Answer> second) {
        Map<WireApi, Answer> both = new LinkedHashMap<>(first);
        both.keySet().retainAll(second.keySet());
        out.line();
        out.line("What the history costs: input tokens per turn (the whole conversation is billed again each time)");
        row("", both, answer -> "");
        row("turn 1", both, answer -> String.valueOf(answer.tokens().input()));
        StringBuilder turn2 = new StringBuilder(pad("turn 2", LABEL));
        both.keySet().forEach(api -> turn2.append(pad(String.valueOf(second.get(api).tokens().input()), COLUMN)));
        out.line(turn2.toString().stripTrailing());
    }

    // ---------------------------------------------------------------------------------------
    // Part 3: the official SDKs
    // ---------------------------------------------------------------------------------------

    private void askThroughTheSdks() {
        out.heading("3. The first question through the official Java SDKs");
        out.line("Same question, same replay server (or live); each SDK builds the body and parses the answer into types.");
        askTheSdk("openai-java, Chat Completions", LessonProvider.OPENAI, OfficialSdks::chatCompletion);
        askTheSdk("openai-java, Responses", LessonProvider.OPENAI, OfficialSdks::response);
        askTheSdk("anthropic-java, Messages", LessonProvider.ANTHROPIC, OfficialSdks::message);
        askTheSdk("google-genai, generateContent", LessonProvider.GEMINI, OfficialSdks::generateContent);
    }

    private void askTheSdk(String name, LessonProvider provider, BiFunction<String, String, Answer> call) {
        if (!keys.containsKey(provider)) {
            return;
        }
        out.line();
        out.line("-- " + name);
        replay.ifPresent(ReplayServer::reset);   // forget earlier requests: what follows is this call's
        try {
            Answer answer = call.apply(baseUrls.get(provider), keys.get(provider));
            out.line(name + " answered \"" + firstWords(answer.text()) + "\"");
            out.indented("stopped because: " + answer.finishReason() + "    tokens: " + describe(answer.tokens()));
        } catch (RuntimeException e) {
            explainSdkFailure(name, e);
        }
        replay.flatMap(ReplayServer::lastRequest).ifPresent(this::showWhatTheSdkSent);
    }

    private void showWhatTheSdkSent(RecordedRequest sent) {
        out.indented("it sent: " + sent.method() + " " + sent.path());
        for (String header : List.of("Authorization", "x-api-key", "anthropic-version", "x-goog-api-key")) {
            sent.header(header).ifPresent(value -> out.indented("    " + header + ": " + Console.masked(header, value)));
        }
        out.indented("    " + sent.body());
    }

    private void explainSdkFailure(String name, RuntimeException e) {
        String unmatched = replay.map(ReplayServer::unmatchedReport).orElse("");
        if (!unmatched.isEmpty()) {
            // The SDK's request is not the one the fixtures were written for (a new SDK version, say):
            // a gap in the fixtures, not a fault of the SDK or of this lesson.
            out.line("The SDK's request matched no fixture in fixtures/02-completions, so the replay server answered 404.");
            out.indented(whatDiffered(unmatched));
            return;
        }
        failed = true;
        out.line(name + " failed: " + statusOf(e) + e.getClass().getSimpleName() + ": " + firstWords(String.valueOf(e.getMessage())));
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

    // ---------------------------------------------------------------------------------------
    // Small helpers
    // ---------------------------------------------------------------------------------------

    /** On replay, a request no fixture matches gets a 404; the harness says which fixture came closest. */
    private void explainUnmatched() {
        replay.map(ReplayServer::unmatchedReport).filter(report -> !report.isEmpty())
                .ifPresent(report -> out.indented(whatDiffered(report)));
    }

    /** The summary lines of the harness' unmatched-request report, without its full diff table. */
    private static String whatDiffered(String report) {
        return report.lines()
                .takeWhile(line -> !line.startsWith("Closest fixture (left)"))
                .filter(line -> !line.isBlank())
                .collect(Collectors.joining("\n"));
    }

    /** The first dozen words: enough to see what arrived, short enough for a console line. */
    static String firstWords(String text) {
        String[] words = text.strip().split("\\s+");
        return words.length <= 12 ? text.strip() : String.join(" ", Arrays.asList(words).subList(0, 12)) + " …";
    }
}

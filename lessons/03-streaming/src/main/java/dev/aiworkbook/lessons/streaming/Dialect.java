package dev.aiworkbook.lessons.streaming;

import dev.aiworkbook.harness.lesson.LessonProvider;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The four streaming dialects: how to ask each API for a stream, and what each of its events means
 * for the answer. The SSE framing is the same everywhere; what the events say is not.
 */
enum Dialect {

    CHAT_COMPLETIONS("OpenAI Chat Completions", LessonProvider.OPENAI),
    RESPONSES("OpenAI Responses API", LessonProvider.OPENAI),
    ANTHROPIC("Anthropic Messages", LessonProvider.ANTHROPIC),
    GEMINI("Gemini streamGenerateContent", LessonProvider.GEMINI);

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String displayName;
    private final LessonProvider provider;

    Dialect(String displayName, LessonProvider provider) {
        this.displayName = displayName;
        this.provider = provider;
    }

    String displayName() {
        return displayName;
    }

    LessonProvider provider() {
        return provider;
    }

    /** The request that asks for a stream; {@code baseUrl} has no path ({@code https://api.openai.com}). */
    Request request(String baseUrl, String key) {
        return switch (this) {
            case CHAT_COMPLETIONS -> chatCompletionsRequest(baseUrl, key);
            case RESPONSES -> responsesRequest(baseUrl, key);
            case ANTHROPIC -> anthropicRequest(baseUrl, key);
            case GEMINI -> geminiRequest(baseUrl, key);
        };
    }

    /** What one event means for the answer. */
    void read(SseEvent event, StreamedAnswer answer) {
        answer.event();
        switch (this) {
            case CHAT_COMPLETIONS -> readChatChunk(event, answer);
            case RESPONSES -> readResponsesEvent(event, answer);
            case ANTHROPIC -> readAnthropicEvent(event, answer);
            case GEMINI -> readGeminiChunk(event, answer);
        }
    }

    // ---------------------------------------------------------------------------------------
    // OpenAI Chat Completions: data-only events, text in choices[].delta, [DONE] at the end
    // ---------------------------------------------------------------------------------------

    // tag::chat-request[]
    /** "stream": true asks for events; include_usage adds a last chunk with the token counts. */
    private static Request chatCompletionsRequest(String baseUrl, String key) {
        return new Request.Builder()
                .url(baseUrl + "/v1/chat/completions")
                .header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create("""
                        {"model":"gpt-4o-mini","stream":true,"stream_options":{"include_usage":true},\
                        "messages":[{"role":"user","content":"Explain in three sentences why streaming makes a chat app feel faster."}]}""",
                        JSON_TYPE))
                .build();
    }
    // end::chat-request[]

    // tag::chat-read[]
    private static void readChatChunk(SseEvent event, StreamedAnswer answer) {
        if (event.data().equals("[DONE]")) {          // not JSON: the end marker
            answer.ended("data: [DONE]");
            return;
        }
        JsonNode chunk = parse(event.data());
        if (chunk.has("error")) {                     // an error after the 200 arrives as an event
            answer.failed("error event: " + chunk.at("/error/message").asText());
            return;
        }
        for (JsonNode choice : chunk.path("choices")) {
            answer.text(choice.at("/delta/content").asText("")); // absent or null on role and finish chunks
            if (choice.hasNonNull("finish_reason")) {
                answer.stopReason(choice.path("finish_reason").asText());
            }
        }
        if (chunk.path("usage").isObject()) {        // the include_usage chunk, with "choices": []
            answer.outputTokens(chunk.at("/usage/completion_tokens").asLong());
        }
    }
    // end::chat-read[]

    // ---------------------------------------------------------------------------------------
    // OpenAI Responses API: named semantic events, each with a sequence_number
    // ---------------------------------------------------------------------------------------

    // tag::responses-request[]
    private static Request responsesRequest(String baseUrl, String key) {
        return new Request.Builder()
                .url(baseUrl + "/v1/responses")
                .header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create("""
                        {"model":"gpt-4o-mini","stream":true,\
                        "input":"Explain in three sentences why streaming makes a chat app feel faster."}""",
                        JSON_TYPE))
                .build();
    }
    // end::responses-request[]

    // tag::responses-read[]
    private static void readResponsesEvent(SseEvent event, StreamedAnswer answer) {
        JsonNode data = parse(event.data());
        switch (event.type()) {                       // the event: line, equal to the data's "type"
            case "response.output_text.delta" -> answer.text(data.path("delta").asText());
            case "response.completed" -> {
                answer.outputTokens(data.at("/response/usage/output_tokens").asLong());
                answer.stopReason(data.at("/response/status").asText());
                answer.ended("response.completed");
            }
            case "response.incomplete" -> {            // cut short, e.g. by max_output_tokens: partial, not failed
                answer.stopReason("incomplete: " + data.at("/response/incomplete_details/reason").asText());
                answer.ended("response.incomplete");
            }
            case "response.failed" -> answer.failed("response.failed: " + data.at("/response/error/message").asText());
            case "error" -> answer.failed("error event: " + data.path("message").asText());
            default -> { }                            // created, in_progress, output_item.added, ...: structure
        }
    }
    // end::responses-read[]

    // ---------------------------------------------------------------------------------------
    // Anthropic Messages: named events from message_start to message_stop, pings in between
    // ---------------------------------------------------------------------------------------

    // tag::anthropic-request[]
    private static Request anthropicRequest(String baseUrl, String key) {
        return new Request.Builder()
                .url(baseUrl + "/v1/messages")
                .header("x-api-key", key)
                .header("anthropic-version", "2023-06-01")
                .header("Accept", "text/event-stream")
                .post(RequestBody.create("""
                        {"model":"claude-sonnet-4-5","max_tokens":300,"stream":true,\
                        "messages":[{"role":"user","content":"Explain in three sentences why streaming makes a chat app feel faster."}]}""",
                        JSON_TYPE))
                .build();
    }
    // end::anthropic-request[]

    // tag::anthropic-read[]
    private static void readAnthropicEvent(SseEvent event, StreamedAnswer answer) {
        JsonNode data = parse(event.data());
        switch (event.type()) {
            case "content_block_delta" -> {
                JsonNode delta = data.path("delta");  // text_delta here; input_json_delta for a tool call
                if (delta.path("type").asText().equals("text_delta")) {
                    answer.text(delta.path("text").asText());
                }
            }
            case "message_delta" -> {                  // the stop reason, and the cumulative output tokens
                answer.stopReason(data.at("/delta/stop_reason").asText());
                answer.outputTokens(data.at("/usage/output_tokens").asLong());
            }
            case "message_stop" -> answer.ended("message_stop");
            case "error" -> answer.failed("error event: " + data.at("/error/type").asText()
                    + ": " + data.at("/error/message").asText());
            default -> { }                            // message_start, content_block_start/stop, ping
        }
    }
    // end::anthropic-read[]

    // ---------------------------------------------------------------------------------------
    // Gemini: ?alt=sse turns the stream into data-only events of whole GenerateContentResponses
    // ---------------------------------------------------------------------------------------

    // tag::gemini-request[]
    /** Without ?alt=sse the same endpoint streams one big JSON array instead of events. */
    private static Request geminiRequest(String baseUrl, String key) {
        return new Request.Builder()
                .url(baseUrl + "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse")
                .header("x-goog-api-key", key)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create("""
                        {"contents":[{"role":"user","parts":[{"text":"Explain in three sentences why streaming makes a chat app feel faster."}]}]}""",
                        JSON_TYPE))
                .build();
    }
    // end::gemini-request[]

    // tag::gemini-read[]
    private static void readGeminiChunk(SseEvent event, StreamedAnswer answer) {
        JsonNode chunk = parse(event.data());
        if (chunk.has("error")) {
            answer.failed("error chunk: " + chunk.at("/error/status").asText() + ": " + chunk.at("/error/message").asText());
            return;
        }
        JsonNode candidate = chunk.at("/candidates/0");
        for (JsonNode part : candidate.at("/content/parts")) {
            if (!part.path("thought").asBoolean()) {   // thought summaries are not the answer
                answer.text(part.path("text").asText(""));
            }
        }
        // usageMetadata is cumulative: every chunk repeats the totals so far, the last one has the final count.
        JsonNode outputTokens = chunk.at("/usageMetadata/candidatesTokenCount");
        if (outputTokens.isNumber()) {
            answer.outputTokens(outputTokens.asLong());
        }
        if (candidate.has("finishReason")) {          // no end marker: only the last chunk has a finishReason
            answer.stopReason(candidate.path("finishReason").asText());
            answer.ended("finishReason " + candidate.path("finishReason").asText());
        }
    }
    // end::gemini-read[]

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.missingNode(); // a broken event carries no text; the missing end signal tells the rest
        }
    }
}

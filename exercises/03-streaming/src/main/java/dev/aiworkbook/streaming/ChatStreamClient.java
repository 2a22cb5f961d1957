package dev.aiworkbook.streaming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Streams a Chat Completions answer into a {@link ChatStreamAccumulator}. Part of exercise 2 (see
 * {@link ChatStreamAccumulator}).
 *
 * <p>{@link #stream(ObjectNode)} sends {@code POST {baseUrl}/v1/chat/completions} with
 * {@code Authorization: Bearer <apiKey>} and the request it is given plus {@code "stream": true} and
 * {@code "stream_options": {"include_usage": true}} (without it the stream never says how many
 * tokens it used). It reads the {@code text/event-stream} body line by line with OkHttp's
 * {@link BufferedSource#readUtf8Line()}, hands each event's {@code data:} value to a
 * {@link ChatStreamAccumulator} and returns its result once {@code [DONE]} arrived. Chat Completions
 * sends nothing but {@code data:} lines and blank lines, so a small reader does here (okhttp-sse's
 * {@code EventSources} would too); leave your exercise-1 parser out of it, so that each exercise
 * stands on its own.
 *
 * <p>A stream that ends without {@code [DONE]} was cut: throw {@link ChatStreamFailedException}
 * with the text that arrived, rather than return half an answer as if it were whole.
 */
public final class ChatStreamClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OkHttpClient http;
    private final String baseUrl;
    private final String apiKey;

    /**
     * @param http    the HTTP client to send with
     * @param baseUrl the API's base URL without a trailing slash, e.g. {@code https://api.openai.com}
     * @param apiKey  sent as {@code Authorization: Bearer <apiKey>}
     */
    public ChatStreamClient(OkHttpClient http, String baseUrl, String apiKey) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** Streams the answer to one user message. */
    public ChatStreamResult stream(String model, String userText) {
        ObjectNode request = JSON.createObjectNode().put("model", model);
        request.putArray("messages").addObject().put("role", "user").put("content", userText);
        return stream(request);
    }

    /**
     * Streams the answer to a request ({@code model}, {@code messages}, maybe {@code tools}); adds
     * the streaming fields and leaves the caller's object unchanged.
     */
    public ChatStreamResult stream(ObjectNode request) {
        throw new UnsupportedOperationException("TODO: exercise 2, ChatStreamClient.stream");
    }
}

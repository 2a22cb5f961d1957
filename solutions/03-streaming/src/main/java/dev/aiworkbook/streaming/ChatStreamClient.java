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
        // >>> solution
        ObjectNode body = request.deepCopy();
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        Request httpRequest = new Request.Builder()
                .url(baseUrl + "/v1/chat/completions")
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        ChatStreamAccumulator accumulator = new ChatStreamAccumulator();
        try (Response response = http.newCall(httpRequest).execute()) {
            if (!response.isSuccessful()) {
                throw failedBeforeStreaming(response.code(), response.body().string());
            }
            readEvents(response.body().source(), accumulator);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the stream from /v1/chat/completions failed: " + e.getMessage(), e);
        }
        if (!accumulator.done()) {
            throw new ChatStreamFailedException("The stream ended before data: [DONE]: the answer is incomplete",
                    accumulator.result().text(), null, null);
        }
        return accumulator.result();
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 2, ChatStreamClient.stream");
        // <<<
    }
    // >>> solution

    /**
     * Enough of SSE for Chat Completions: {@code data:} lines, joined with {@code \n} if an event has
     * several, dispatched by a blank line. Comments and other fields are skipped. Stops at
     * {@code [DONE]}; returns at the end of the body whether or not it came.
     */
    private static void readEvents(BufferedSource source, ChatStreamAccumulator accumulator) throws IOException {
        StringBuilder data = null;
        for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
            if (line.isEmpty()) {
                if (data != null) {
                    accumulator.accept(data.toString());
                    data = null;
                    if (accumulator.done()) {
                        return;
                    }
                }
            } else if (line.startsWith("data:")) {
                String value = line.startsWith("data: ") ? line.substring(6) : line.substring(5);
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
    }

    /** An error status before the stream began: the body is the usual JSON error, not a stream. */
    private static ChatStreamFailedException failedBeforeStreaming(int status, String body) throws IOException {
        JsonNode error = JSON.readTree(body.isBlank() ? "{}" : body).path("error");
        return new ChatStreamFailedException(error.path("message").asText("HTTP " + status) + " (HTTP " + status + ")",
                "", error.path("type").asText(null), error.path("code").asText(null));
    }
    // <<<
}

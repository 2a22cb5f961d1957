package dev.aiworkbook.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * <h2>Exercise 3 · Responses API events (15 points)</h2>
 *
 * <p>A streamed Responses API call does not send text chunks: it sends <i>semantic events</i>, each
 * an SSE event whose {@code event:} line names its type and whose JSON says the same in
 * {@code "type"}. They describe the answer being built: output items appear
 * ({@code response.output_item.added}), text grows inside them ({@code response.output_text.delta}),
 * each part and item is closed ({@code ...done}), and {@code response.completed} ends it with the
 * usage. Every event carries a {@code sequence_number}: 0, 1, 2... with no gaps.
 *
 * <p>Build this accumulator: {@link #accept} takes one event at a time and keeps what the answer is
 * so far.
 * <ul>
 *   <li>Output items by {@code output_index}: {@code response.output_item.added} announces one
 *       ({@code reasoning}, {@code message}, {@code function_call}...), {@code response.output_item.done}
 *       gives its final form (with its {@code status}). {@link #items()} lists them by
 *       {@code output_index}.</li>
 *   <li>Message text by {@code output_index} <b>and</b> {@code content_index}: append each
 *       {@code response.output_text.delta}'s {@code delta}. {@code response.output_text.done} repeats
 *       the whole text of that part: when it differs from what the deltas added up to, throw an
 *       {@link IllegalStateException} that shows both. {@link #text()} is the text of every
 *       {@code message} item, parts in {@code content_index} order, items in {@code output_index}
 *       order; the reasoning item that often comes first has none.</li>
 *   <li>A {@code function_call} item's {@code arguments} arrive the same way:
 *       {@code response.function_call_arguments.delta} fragments, then
 *       {@code response.function_call_arguments.done} with the whole string (check it too).
 *       {@link #functionCalls()} gives each call's item id, {@code call_id}, {@code name} and
 *       arguments.</li>
 *   <li>{@code response.created} gives the response's {@code id} and {@code status}
 *       ({@code in_progress}); {@code response.completed}, or {@code response.incomplete} when the
 *       answer was cut short, gives the final {@code status}, the {@link #usage()}
 *       ({@code input_tokens}, {@code output_tokens}, {@code input_tokens_details.cached_tokens},
 *       {@code output_tokens_details.reasoning_tokens}) and {@code incomplete_details.reason}.</li>
 *   <li>Each event's {@code sequence_number} must be the previous event's plus one, counting from
 *       the first event ({@code response.created}). A gap or a repeat means a lost or replayed
 *       event: throw {@link OutOfOrderEventException} with the number expected and the one that
 *       came.</li>
 *   <li>An {@code error} event ({@code {"type":"error","code","message","param","sequence_number"}})
 *       ends the stream: throw {@link StreamFailedResponseException} with its code, its message and
 *       the text received so far, so the caller can show or keep the partial answer. A
 *       {@code response.failed} event (its {@code response.error} has the code and message) is the
 *       same failure.</li>
 *   <li>Other event types ({@code response.content_part.added}, reasoning summaries, tool progress,
 *       types added after this code was written) need nothing here: ignore them.</li>
 * </ul>
 *
 * <p>{@link #stream} makes the call: {@code POST {baseUrl}/v1/responses} with
 * {@code Authorization: Bearer <apiKey>} and the request body plus {@code "stream": true}, then
 * reads the answer line by line ({@code response.body().source().readUtf8Line()}) and hands each
 * event to {@link #accept}. A few lines do for the splitting: {@code event:} sets the type,
 * {@code data:} the JSON, a blank line ends the event. (Exercise 1 builds the full parser; this
 * exercise stands on its own.)
 *
 * <p>The tests check the request {@link #stream} sent and what the accumulator made of three
 * recorded streams (a reasoning item then a message, a function call, an error event mid-answer),
 * plus hand-made event sequences: a message in two content parts, a skipped and a repeated
 * {@code sequence_number}, a {@code response.output_text.done} that disagrees with its deltas, a
 * {@code response.incomplete}.
 * Lesson 03-streaming, "Responses API events", walks through a stream.
 */
public final class ResponsesStreamAccumulator {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final ObjectMapper JSON = new ObjectMapper();

    // >>> solution
    /** What the stream has said so far about each output item, by output_index. */
    private final SortedMap<Integer, OutputItem> outputs = new TreeMap<>();
    /** The last sequence_number seen; null before the first event. */
    private Long lastSequence;
    private String responseId;
    private String status;
    private String incompleteReason;
    private ResponsesStreamUsage usage;

    /** One output item: its latest JSON, plus what its deltas have added up to. */
    private static final class OutputItem {
        /** From output_item.added, replaced by output_item.done's final form. */
        private JsonNode item = MissingNode.getInstance();
        /** A message's text, one builder per content part, by content_index. */
        private final SortedMap<Integer, StringBuilder> parts = new TreeMap<>();
        /** A function_call's arguments: a JSON string that is only complete at the end. */
        private final StringBuilder arguments = new StringBuilder();

        private String type() {
            return item.path("type").asText();
        }
    }
    // === stub
    // // TODO: exercise 3: the fields you keep between events (output items by output_index, ...)
    // <<<

    /**
     * Takes one event of the stream.
     *
     * @param eventType the SSE {@code event:} value, e.g. {@code response.output_text.delta}
     * @param data      the event's JSON
     * @throws OutOfOrderEventException     when {@code sequence_number} is not the previous one plus one
     * @throws StreamFailedResponseException on an {@code error} event (or {@code response.failed})
     * @throws IllegalStateException        when a {@code ...done} event's text disagrees with its deltas
     */
    public void accept(String eventType, String data) {
        // >>> solution
        JsonNode event = json(data);
        // The event: line names the type; the JSON's "type" says the same (and is all there is
        // when a proxy dropped the event: line).
        String type = eventType != null ? eventType : event.path("type").asText();
        checkSequence(event.path("sequence_number").asLong(-1));
        switch (type) {
            case "response.created", "response.in_progress" -> snapshot(event.path("response"));
            case "response.output_item.added", "response.output_item.done" ->
                    output(event).item = event.path("item");
            case "response.output_text.delta" -> part(event).append(event.path("delta").asText());
            case "response.output_text.done" ->
                    requireSame("response.output_text.done", event.path("text").asText(), part(event).toString());
            case "response.function_call_arguments.delta" -> output(event).arguments.append(event.path("delta").asText());
            case "response.function_call_arguments.done" -> requireSame("response.function_call_arguments.done",
                    event.path("arguments").asText(), output(event).arguments.toString());
            case "response.completed", "response.incomplete" -> finish(event.path("response"));
            case "response.failed" -> {
                JsonNode error = event.path("response").path("error");
                throw new StreamFailedResponseException(error.path("code").asText(null), error.path("message").asText(), text());
            }
            // The error's fields sit at the top level of this event, not under "error".
            case "error" -> throw new StreamFailedResponseException(
                    event.path("code").asText(null), event.path("message").asText(), text());
            default -> {
                // content_part.added/done, reasoning summaries, tool progress, newer event types.
            }
        }
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 3, ResponsesStreamAccumulator.accept");
        // <<<
    }

    /** The text of every message item so far: parts in content_index order, items in output_index order. */
    public String text() {
        // >>> solution
        StringBuilder text = new StringBuilder();
        for (OutputItem output : outputs.values()) {
            if (output.type().equals("message")) {
                output.parts.values().forEach(text::append);
            }
        }
        return text.toString();
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 3, ResponsesStreamAccumulator.text");
        // <<<
    }

    /** The output items so far, by output_index, each as its latest event showed it. */
    public List<ResponsesStreamItem> items() {
        // >>> solution
        List<ResponsesStreamItem> items = new ArrayList<>();
        for (Map.Entry<Integer, OutputItem> entry : outputs.entrySet()) {
            JsonNode item = entry.getValue().item;
            items.add(new ResponsesStreamItem(entry.getKey(), item.path("type").asText(),
                    item.path("id").asText(null), item.path("status").asText(null)));
        }
        return items;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 3, ResponsesStreamAccumulator.items");
        // <<<
    }

    /** The function_call items so far, by output_index, with the arguments their deltas added up to. */
    public List<ResponsesStreamFunctionCall> functionCalls() {
        // >>> solution
        List<ResponsesStreamFunctionCall> calls = new ArrayList<>();
        for (OutputItem output : outputs.values()) {
            if (output.type().equals("function_call")) {
                calls.add(new ResponsesStreamFunctionCall(output.item.path("id").asText(null),
                        output.item.path("call_id").asText(null), output.item.path("name").asText(null),
                        output.arguments.toString()));
            }
        }
        return calls;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 3, ResponsesStreamAccumulator.functionCalls");
        // <<<
    }

    /** The response's id ({@code resp_...}) from {@code response.created}; null before it. */
    public String responseId() {
        // >>> solution
        return responseId;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 3, ResponsesStreamAccumulator.responseId");
        // <<<
    }

    /** The latest status: {@code in_progress}, then {@code completed} or {@code incomplete}; null before any. */
    public String status() {
        // >>> solution
        return status;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 3, ResponsesStreamAccumulator.status");
        // <<<
    }

    /** {@code incomplete_details.reason} of a {@code response.incomplete}; null otherwise. */
    public String incompleteReason() {
        // >>> solution
        return incompleteReason;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 3, ResponsesStreamAccumulator.incompleteReason");
        // <<<
    }

    /** The usage from {@code response.completed} or {@code response.incomplete}; null until then. */
    public ResponsesStreamUsage usage() {
        // >>> solution
        return usage;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 3, ResponsesStreamAccumulator.usage");
        // <<<
    }

    /**
     * Streams one response: posts the request with {@code "stream": true} to
     * {@code {baseUrl}/v1/responses} and feeds every event to a new accumulator.
     *
     * @param baseUrl without a trailing slash, e.g. {@code https://api.openai.com}
     * @param request the request body ({@code model}, {@code input}, {@code tools}...); not changed
     * @return the accumulator, after the last event
     * @throws IOException on a network failure or an error status (the body says why)
     */
    public static ResponsesStreamAccumulator stream(OkHttpClient http, String baseUrl, String apiKey, ObjectNode request)
            throws IOException {
        // >>> solution
        ObjectNode body = request.deepCopy().put("stream", true);
        Request post = new Request.Builder()
                .url(baseUrl + "/v1/responses")
                .header("Authorization", "Bearer " + apiKey)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(body.toString(), JSON_TYPE))
                .build();
        ResponsesStreamAccumulator accumulator = new ResponsesStreamAccumulator();
        try (Response response = http.newCall(post).execute()) {
            if (!response.isSuccessful()) {
                // A request the API refuses fails before any stream starts, as plain JSON.
                throw new IOException("POST /v1/responses answered HTTP " + response.code() + ": " + response.body().string());
            }
            readEvents(response.body().source(), accumulator);
        }
        return accumulator;
        // === stub
        // throw new UnsupportedOperationException("TODO: exercise 3, ResponsesStreamAccumulator.stream");
        // <<<
    }
    // >>> solution

    /**
     * Just enough SSE for the Responses API's well-formed streams: {@code event:} and {@code data:}
     * lines, a blank line ends the event. Comments and other fields are skipped.
     */
    private static void readEvents(BufferedSource source, ResponsesStreamAccumulator accumulator) throws IOException {
        String eventType = null;
        StringBuilder data = null;
        for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
            if (line.isEmpty()) {
                if (data != null) {
                    accumulator.accept(eventType, data.toString());
                }
                eventType = null;
                data = null;
            } else if (line.startsWith("event:")) {
                eventType = fieldValue(line, "event:");
            } else if (line.startsWith("data:")) {
                data = data == null ? new StringBuilder() : data.append('\n');
                data.append(fieldValue(line, "data:"));
            }
        }
    }

    /** The value after the field name, without the one optional space after the colon. */
    private static String fieldValue(String line, String field) {
        String value = line.substring(field.length());
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private void checkSequence(long sequence) {
        if (lastSequence != null && sequence != lastSequence + 1) {
            throw new OutOfOrderEventException(lastSequence + 1, sequence);
        }
        lastSequence = sequence;
    }

    private void snapshot(JsonNode response) {
        responseId = response.path("id").asText(null);
        status = response.path("status").asText(null);
    }

    private void finish(JsonNode response) {
        snapshot(response);
        incompleteReason = response.path("incomplete_details").path("reason").asText(null);
        JsonNode tokens = response.path("usage");
        usage = new ResponsesStreamUsage(
                tokens.path("input_tokens").asInt(),
                tokens.path("output_tokens").asInt(),
                tokens.path("input_tokens_details").path("cached_tokens").asInt(),
                tokens.path("output_tokens_details").path("reasoning_tokens").asInt());
    }

    private OutputItem output(JsonNode event) {
        return outputs.computeIfAbsent(event.path("output_index").asInt(), index -> new OutputItem());
    }

    private StringBuilder part(JsonNode event) {
        return output(event).parts.computeIfAbsent(event.path("content_index").asInt(), index -> new StringBuilder());
    }

    /** A done event repeats the whole value: if it differs, a delta was lost or garbled on the way. */
    private static void requireSame(String eventType, String done, String accumulated) {
        if (!done.equals(accumulated)) {
            throw new IllegalStateException(eventType + " says \"" + done + "\", but the deltas added up to \""
                    + accumulated + "\"");
        }
    }

    private static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not JSON: " + data, e);
        }
    }
    // <<<
}

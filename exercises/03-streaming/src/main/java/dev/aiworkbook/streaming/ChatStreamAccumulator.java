package dev.aiworkbook.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.TreeMap;

/**
 * <h2>Exercise 2 · A Chat Completions stream accumulator (15 points)</h2>
 *
 * <p>With {@code "stream": true}, Chat Completions sends the answer as many small chunks, each the
 * {@code data:} of one server-sent event: the text in pieces, tool calls in fragments, then the
 * token usage, then {@code data: [DONE]}. Turn those pieces back into one answer, and notice when
 * the stream failed halfway.
 *
 * <p>Build {@link #accept(String)}, which takes one {@code data:} value: a chunk's JSON, or
 * {@code [DONE]}.
 * <ul>
 *   <li>Append each {@code choices[0].delta.content} to the text (the first chunk's is {@code ""},
 *       a tool call's is {@code null}: neither adds anything). Keep the chunks' {@code id} and
 *       {@code model}, and {@code choices[0].finish_reason} once a chunk sets it.</li>
 *   <li>Tool calls come as fragments in {@code delta.tool_calls[]}, each with an {@code index}
 *       saying which call it belongs to. The first fragment of a call carries its {@code id} and
 *       {@code function.name}; later ones only pieces of {@code function.arguments}, to be joined
 *       in order. Parallel calls have indexes 0, 1, ...; key by the index, not by "the last call",
 *       because fragments of different calls may alternate.</li>
 *   <li>With {@code stream_options.include_usage}, the last chunk has {@code "choices": []} and the
 *       {@code usage} (every earlier chunk has {@code "usage": null}): read it into
 *       {@link ChatStreamUsage}, and do not trip over the empty choices.</li>
 *   <li>{@code [DONE]} ends the stream: {@link #done()} turns true, and a chunk after it is a bug
 *       in the caller: throw {@link IllegalStateException}.</li>
 *   <li>A chunk {@code {"error": {"message", "type", "param", "code"}}} is how OpenAI reports a
 *       failure after the {@code 200}: throw {@link ChatStreamFailedException} with the message,
 *       type, code and the text that arrived so far.</li>
 * </ul>
 * {@link #result()} returns what arrived so far as a {@link ChatStreamResult}.
 *
 * <p>Then make {@link ChatStreamClient} stream for real. The tests check the requests it sends and
 * what it made of three recorded streams (a text answer, two parallel tool calls, an error halfway),
 * plus a few chunk sequences fed to the accumulator directly. Lesson 03-streaming,
 * "Chat Completions chunks", shows a whole stream.
 */
public final class ChatStreamAccumulator {

    // TODO: exercise 2, what the accumulator keeps between chunks

    /** Takes the {@code data:} value of one event: a chunk's JSON, or {@code [DONE]}. */
    public void accept(String data) {
        throw new UnsupportedOperationException("TODO: exercise 2, ChatStreamAccumulator.accept");
    }

    /** True once {@code data: [DONE]} arrived: the answer is complete. */
    public boolean done() {
        throw new UnsupportedOperationException("TODO: exercise 2, ChatStreamAccumulator.done");
    }

    /** The answer as far as it arrived. */
    public ChatStreamResult result() {
        throw new UnsupportedOperationException("TODO: exercise 2, ChatStreamAccumulator.result");
    }
}

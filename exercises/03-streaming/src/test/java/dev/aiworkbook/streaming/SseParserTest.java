package dev.aiworkbook.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.junit.Replay;
import dev.aiworkbook.harness.lesson.ReplayKeys;
import dev.aiworkbook.harness.replay.ReplayServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@Replay("03-streaming")
@DisplayName("Exercise 1 · An SSE parser true to the spec")
class SseParserTest {

    private static List<SseEvent> feedAll(SseParser parser, String... pieces) {
        List<SseEvent> events = new ArrayList<>();
        for (String piece : pieces) {
            events.addAll(parser.feed(piece.getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }

    private static List<SseEvent> oneByteAtATime(SseParser parser, byte[] bytes) {
        List<SseEvent> events = new ArrayList<>();
        for (byte b : bytes) {
            events.addAll(parser.feed(new byte[] {b}));
        }
        return events;
    }

    private static List<String> data(List<SseEvent> events) {
        return events.stream().map(SseEvent::data).toList();
    }

    @Test
    @Points(2)
    @DisplayName("a blank line dispatches an event; its type is the event: value, or \"message\" when there is none")
    void blankLineDispatches() {
        SseParser parser = new SseParser();
        List<SseEvent> events = feedAll(parser, "event: greeting\ndata: hello\n\ndata: world\n\n");
        assertThat(events).as("events of \"event: greeting\\ndata: hello\\n\\ndata: world\\n\\n\" (the type does not"
                + " carry over to the next event)")
                .containsExactly(new SseEvent("greeting", "hello", ""), new SseEvent("message", "world", ""));
    }

    @Test
    @Points(2)
    @DisplayName("lines may end with CRLF, LF or CR, mixed in one stream")
    void threeKindsOfLineEnd() {
        List<SseEvent> events = feedAll(new SseParser(), "data: a\r\n\r\ndata: b\n\ndata: c\r\rdata: d\r\n\n");
        assertThat(data(events)).as("data of \"data: a\\r\\n\\r\\ndata: b\\n\\ndata: c\\r\\rdata: d\\r\\n\\n\"")
                .containsExactly("a", "b", "c", "d");
    }

    @Test
    @Points(2)
    @DisplayName("a CR at the end of one read and an LF at the start of the next are one line end, not two")
    void crlfSplitAcrossReads() {
        SseParser parser = new SseParser();
        List<SseEvent> events = feedAll(parser, "data: a\r", "\ndata: b\r", "\n\r", "\n");
        assertThat(data(events))
                .as("fed as \"data: a\\r\" + \"\\ndata: b\\r\" + \"\\n\\r\" + \"\\n\": counting the LF after a CR as a"
                        + " second line end makes a blank line, and splits one event in two")
                .containsExactly("a\nb");
    }

    @Test
    @Points(2)
    @DisplayName("several data: lines are joined with \\n, and a data line without a value adds an empty line")
    void multiLineData() {
        List<SseEvent> events = feedAll(new SseParser(),
                "data: {\ndata:   \"city\": \"Paris\"\ndata: }\n\n", "data\ndata\n\n", "data\n\n");
        assertThat(data(events))
                .as("data lines are joined with \\n (only the first space after the colon is dropped); \"data\\ndata\\n\\n\""
                        + " is one newline; \"data\\n\\n\" is an event whose data is empty")
                .containsExactly("{\n  \"city\": \"Paris\"\n}", "\n", "");
    }

    @Test
    @Points(2)
    @DisplayName("comments are skipped, one space after the colon is dropped, unknown fields are ignored")
    void commentsSpacesAndUnknownFields() {
        List<SseEvent> events = feedAll(new SseParser(),
                ": this is a comment\n\n",
                ": keep-alive\ndata:tight\n\n",
                "data: spaced\n\n",
                "data:  two spaces\n\n",
                "foo: bar\ndata: known\nbar\n\n");
        assertThat(events).as("events (a comment-only block is no event; \"foo\" and \"bar\" are unknown fields)")
                .containsExactly(
                        new SseEvent("message", "tight", ""),
                        new SseEvent("message", "spaced", ""),
                        new SseEvent("message", " two spaces", ""),
                        new SseEvent("message", "known", ""));
    }

    @Test
    @Points(1)
    @DisplayName("an event without data is not dispatched, and its type does not leak into the next one")
    void eventsWithoutDataAreNotDispatched() {
        List<SseEvent> events = feedAll(new SseParser(), "event: update\n\n\n\nretry: 10\n\ndata: real\n\n");
        assertThat(events).as("events of \"event: update\\n\\n\\n\\nretry: 10\\n\\ndata: real\\n\\n\"")
                .containsExactly(new SseEvent("message", "real", ""));
    }

    @Test
    @Points(2)
    @DisplayName("an id persists into later events, an empty id clears it, an id containing NUL is ignored")
    void lastEventId() {
        SseParser parser = new SseParser();
        List<SseEvent> events = feedAll(parser,
                "id: 1\ndata: a\n\n", "data: b\n\n", "id: 2\u0000x\ndata: c\n\n", "id\ndata: d\n\n", "id: 7\n\n");
        assertThat(events.stream().map(SseEvent::lastEventId).toList())
                .as("lastEventId of events a (id: 1), b (no id), c (id with NUL, ignored), d (empty id)")
                .containsExactly("1", "1", "1", "");
        assertThat(data(events)).as("data (\"id: 7\\n\\n\" has no data: no event)").containsExactly("a", "b", "c", "d");
        assertThat(parser.lastEventId()).as("lastEventId() after \"id: 7\\n\\n\": an event without data still sets it")
                .isEqualTo("7");
    }

    @Test
    @Points(1)
    @DisplayName("retry: sets the reconnection delay only when its value is all ASCII digits")
    void retry() {
        SseParser parser = new SseParser();
        feedAll(parser, "retry: 3000\n\n");
        assertThat(parser.retryMillis()).as("retryMillis() after retry: 3000").isEqualTo(OptionalLong.of(3000));
        feedAll(parser, "retry: 1.5\n\nretry: 5s\n\nretry: -1\n\nretry: \n\n");
        assertThat(parser.retryMillis()).as("retryMillis() after retry: 1.5, 5s, -1 and an empty one: all ignored")
                .isEqualTo(OptionalLong.of(3000));
    }

    @Test
    @Points(1)
    @DisplayName("a UTF-8 byte order mark at the start is skipped, even split across reads")
    void byteOrderMark() {
        byte[] stream = "\uFEFFdata: first\n\ndata: second\n\n".getBytes(StandardCharsets.UTF_8);
        List<SseEvent> events = oneByteAtATime(new SseParser(), stream);
        assertThat(data(events)).as("data, fed one byte at a time, of a stream starting with EF BB BF"
                + " (left in place, the first line's field is \"\\uFEFFdata\", unknown)")
                .containsExactly("first", "second");
    }

    @Test
    @Points(2)
    @DisplayName("a multi-byte character split across reads arrives whole")
    void utf8SplitAcrossReads() {
        String text = "café, naïve, 🚀 and ✓";
        byte[] stream = ("data: " + text + "\n\n").getBytes(StandardCharsets.UTF_8);
        assertThat(data(oneByteAtATime(new SseParser(), stream))).as("data, fed one byte at a time")
                .containsExactly(text);
        for (int cut = 1; cut < stream.length; cut++) {
            SseParser parser = new SseParser();
            List<SseEvent> events = new ArrayList<>(parser.feed(Arrays.copyOfRange(stream, 0, cut)));
            events.addAll(parser.feed(Arrays.copyOfRange(stream, cut, stream.length)));
            assertThat(data(events)).as("data, fed in two reads cut after byte %d", cut).containsExactly(text);
        }
    }

    @Test
    @Points(2)
    @DisplayName("at the end, an event without its blank line is discarded, and finish() says so")
    void incompleteLastEvent() {
        SseParser cut = new SseParser();
        List<SseEvent> events = feedAll(cut, "data: one\n\ndata: two\n");
        SseStreamEnd end = cut.finish();
        assertThat(data(events)).as("events of \"data: one\\n\\ndata: two\\n\"").containsExactly("one");
        assertThat(end).as("finish() after \"data: two\\n\" with no blank line")
                .isEqualTo(new SseStreamEnd(true, "two"));

        SseParser midLine = new SseParser();
        feedAll(midLine, "data: one\n\ndata: tw");
        assertThat(midLine.finish().discardedIncompleteEvent())
                .as("finish().discardedIncompleteEvent() when the stream stops in the middle of a line").isTrue();

        SseParser complete = new SseParser();
        feedAll(complete, "data: one\n\n: bye\n");
        assertThat(complete.finish()).as("finish() after a stream that ended on a blank line (and a comment)")
                .isEqualTo(new SseStreamEnd(false, ""));

        assertThat(data(SseParser.parseAll("data: x\n\ndata: y")))
                .as("parseAll(\"data: x\\n\\ndata: y\"): the unfinished y is discarded").containsExactly("x");
    }

    @Test
    @Points(1)
    @DisplayName("parses a real Chat Completions stream from the replay server, however its bytes are cut")
    void realStream(ReplayServer replay) throws IOException {
        String request = "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true},"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"In two sentences, what are server-sent events?\"}]}";
        byte[] body;
        try (Response response = new OkHttpClient().newCall(new Request.Builder()
                .url(replay.url("/v1/chat/completions"))
                .header("Authorization", "Bearer " + ReplayKeys.OPENAI)
                .post(RequestBody.create(request, MediaType.get("application/json")))
                .build()).execute()) {
            assertThat(response.code()).as("status of the recorded stream").isEqualTo(200);
            body = response.body().bytes();
        }
        // This recording is plain: one data: line per event, events separated by "\n\n".
        List<String> expected = Arrays.stream(new String(body, StandardCharsets.UTF_8).split("\n\n"))
                .map(event -> event.substring("data: ".length())).toList();

        SseParser byteByByte = new SseParser();
        assertThat(data(oneByteAtATime(byteByByte, body))).as("the stream's %d events, fed one byte at a time",
                expected.size()).isEqualTo(expected);
        assertThat(byteByByte.finish().discardedIncompleteEvent()).as("the recording ends on a blank line").isFalse();

        Random random = new Random(3);
        SseParser inRandomPieces = new SseParser();
        List<SseEvent> events = new ArrayList<>();
        for (int from = 0; from < body.length; ) {
            int to = Math.min(body.length, from + 1 + random.nextInt(300));
            events.addAll(inRandomPieces.feed(Arrays.copyOfRange(body, from, to)));
            from = to;
        }
        assertThat(data(events)).as("the stream's events, fed in random pieces of 1 to 300 bytes").isEqualTo(expected);
        assertThat(events).as("event types").allSatisfy(event -> assertThat(event.type()).isEqualTo("message"));
        assertThat(expected.get(expected.size() - 1)).as("the last event").isEqualTo("[DONE]");
    }
}

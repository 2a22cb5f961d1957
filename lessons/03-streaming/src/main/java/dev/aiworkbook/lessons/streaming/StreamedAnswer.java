package dev.aiworkbook.lessons.streaming;

import java.time.Duration;
import java.util.OptionalDouble;

/**
 * One answer as it streams in: the text so far (shown as it arrives), when its pieces came, what the
 * provider said about its length and its end, and whether the stream really finished.
 */
final class StreamedAnswer {

    private final Console console;
    private final long start = System.nanoTime(); // the clock starts when the request is sent
    private final StringBuilder text = new StringBuilder();
    private long headersAt = -1;
    private long firstTokenAt = -1;
    private long lastTokenAt = -1;
    private long outputTokens = -1;
    private int events;
    private String stopReason = "";
    private String ending = "";
    private String failure = "";

    StreamedAnswer(Console console) {
        this.console = console;
    }

    // tag::measure[]
    /** The status line and headers are in: the server has accepted the request, no text yet. */
    void headersArrived() {
        headersAt = System.nanoTime();
    }

    /** A piece of the answer: shown now, and its arrival time kept for the measurements. */
    void text(String delta) {
        if (delta.isEmpty()) {
            return; // role-only, finish and usage chunks carry no text
        }
        long now = System.nanoTime();
        if (firstTokenAt < 0) {
            firstTokenAt = now; // time to first token: what the user waits for
        }
        lastTokenAt = now;
        text.append(delta);
        console.stream(delta);
    }

    Measurements measure() {
        return new Measurements(since(headersAt), since(firstTokenAt), since(lastTokenAt), outputTokens);
    }
    // end::measure[]

    void event() {
        events++;
    }

    /** The provider's own count of output tokens (usage); a delta is not a token. */
    void outputTokens(long count) {
        outputTokens = count;
    }

    void stopReason(String reason) {
        stopReason = reason;
    }

    /** The stream said it is complete ({@code [DONE]}, {@code message_stop}, ...). */
    void ended(String how) {
        ending = how;
    }

    void failed(String why) {
        failure = why;
    }

    /** End of the body. Without the provider's end signal before it, the answer may be cut short. */
    void endOfStream() {
        if (ending.isEmpty() && failure.isEmpty()) {
            failure = "the stream ended without its end signal: the answer may be cut short";
        }
    }

    void cancelled(String why) {
        ending = "cancelled: " + why;
    }

    boolean complete() {
        return !ending.isEmpty() && failure.isEmpty();
    }

    String text() {
        return text.toString();
    }

    int events() {
        return events;
    }

    String stopReason() {
        return stopReason;
    }

    String ending() {
        return ending;
    }

    String failure() {
        return failure;
    }

    private Duration since(long at) {
        return at < 0 ? null : Duration.ofNanos(at - start);
    }

    /**
     * What a user of a chat page feels, in numbers.
     *
     * @param headers      until the status line and headers arrived (null if they never did)
     * @param firstToken   until the first piece of text (null if none came)
     * @param lastToken    until the last piece of text
     * @param outputTokens the provider's usage count, or -1 when it sent none
     */
    record Measurements(Duration headers, Duration firstToken, Duration lastToken, long outputTokens) {

        /** Output tokens per second while text flows: usage tokens over first-to-last token time. */
        OptionalDouble tokensPerSecond() {
            if (firstToken == null || outputTokens <= 0) {
                return OptionalDouble.empty();
            }
            Duration flowing = lastToken.minus(firstToken);
            return flowing.toMillis() < 50 ? OptionalDouble.empty() // too short to measure: one chunk, or no pauses
                    : OptionalDouble.of(outputTokens * 1e9 / flowing.toNanos());
        }
    }
}

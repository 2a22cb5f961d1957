package dev.aiworkbook.harness.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The pace of a streamed fixture. WireMock serves a stream's body file whole (its framing bytes
 * exact: CRLF or LF, comments, {@code event:} lines, {@code [DONE]}); a sidecar file
 * {@code <body>.timing.json} says when each piece was written:
 *
 * <pre>{@code
 * {"format": "workbook-stream-timing/1",
 *  "chunks": [{"offset": 0, "atMs": 0}, {"offset": 187, "atMs": 240}, ...],
 *  "end": "close"}
 * }</pre>
 *
 * {@code offset} is the byte at which a write starts, {@code atMs} the time since the response
 * began; a chunk runs to the next chunk's offset (the last to the end of the body). {@code end} says
 * how the stream ends: {@code close} (normally), {@code reset} (the connection is cut) or
 * {@code stall} (it stays open and silent). A chunk may end mid-event, to teach cut streams.
 *
 * @param chunks the pieces in order
 * @param end    how the stream ends
 */
public record StreamTiming(List<Chunk> chunks, End end) {

    public static final String FORMAT = "workbook-stream-timing/1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One write: where it starts in the body and when. */
    public record Chunk(int offset, long atMs) {
    }

    /** How a replayed stream ends. */
    public enum End { CLOSE, RESET, STALL }

    /** A piece of the body to write at a time, ready for a timed replay. */
    public record Piece(byte[] bytes, long atMs) {
    }

    /** Reads and checks a timing file against the body it describes. */
    public static StreamTiming read(Path timingFile, int bodyLength) throws IOException {
        StreamTiming timing = parse(Files.readAllBytes(timingFile), timingFile.toString());
        timing.validate(bodyLength, timingFile.toString());
        return timing;
    }

    /** Reads a timing file's JSON; {@link #validate} then checks it against its body. */
    public static StreamTiming parse(byte[] json, String source) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException(source + ": format must be \"" + FORMAT + "\"");
        }
        List<Chunk> chunks = new ArrayList<>();
        for (JsonNode chunk : root.path("chunks")) {
            chunks.add(new Chunk(chunk.path("offset").asInt(-1), chunk.path("atMs").asLong(-1)));
        }
        End end = End.valueOf(root.path("end").asText("close").toUpperCase(Locale.ROOT));
        return new StreamTiming(List.copyOf(chunks), end);
    }

    /** Fails with the file name and the problem unless the chunks cover the body in order. */
    public void validate(int bodyLength, String source) {
        if (chunks.isEmpty() || chunks.get(0).offset() != 0) {
            throw new IllegalArgumentException(source + ": the first chunk must start at offset 0");
        }
        for (int i = 1; i < chunks.size(); i++) {
            Chunk previous = chunks.get(i - 1);
            Chunk chunk = chunks.get(i);
            if (chunk.offset() <= previous.offset() || chunk.offset() >= bodyLength) {
                throw new IllegalArgumentException(source + ": chunk " + i + " offset " + chunk.offset()
                        + " must grow and stay below the body's " + bodyLength + " bytes");
            }
            if (chunk.atMs() < previous.atMs()) {
                throw new IllegalArgumentException(source + ": chunk " + i + " is timed before chunk " + (i - 1));
            }
        }
    }

    /** The body cut into its timed pieces, with times scaled by {@code speed} (0 = no pauses). */
    public List<Piece> pieces(byte[] body, double speed) {
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            int from = chunks.get(i).offset();
            int to = i + 1 < chunks.size() ? chunks.get(i + 1).offset() : body.length;
            pieces.add(new Piece(Arrays.copyOfRange(body, from, to), Math.round(chunks.get(i).atMs() * speed)));
        }
        return pieces;
    }

    /** The sidecar of a body file: {@code stream.sse} gives {@code stream.sse.timing.json}. */
    public static Path sidecarOf(Path bodyFile) {
        return bodyFile.resolveSibling(bodyFile.getFileName() + ".timing.json");
    }

    /** Reads a body file's timing, if it has a sidecar. */
    public static java.util.Optional<StreamTiming> forBody(Path bodyFile) throws IOException {
        Path sidecar = sidecarOf(bodyFile);
        if (!Files.isRegularFile(sidecar)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(read(sidecar, (int) Files.size(bodyFile)));
    }
}

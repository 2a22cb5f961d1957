package dev.aiworkbook.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamTimingTest {

    private static final String BODY = "event: ping\ndata: {}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";

    @TempDir
    Path folder;

    private Path write(String body, String timing) throws IOException {
        Path bodyFile = Files.writeString(folder.resolve("stream.sse"), body);
        Files.writeString(StreamTiming.sidecarOf(bodyFile), timing);
        return bodyFile;
    }

    @Test
    void cutsTheBodyIntoTimedPiecesWithExactBytes() throws IOException {
        int second = BODY.indexOf("event: message_stop");
        Path body = write(BODY, "{\"format\":\"workbook-stream-timing/1\",\"chunks\":[{\"offset\":0,\"atMs\":0},{\"offset\":"
                + second + ",\"atMs\":250}],\"end\":\"reset\"}");
        StreamTiming timing = StreamTiming.forBody(body).orElseThrow();
        assertThat(timing.end()).isEqualTo(StreamTiming.End.RESET);
        List<StreamTiming.Piece> pieces = timing.pieces(Files.readAllBytes(body), 2.0);
        assertThat(pieces).hasSize(2);
        assertThat(new String(pieces.get(0).bytes(), StandardCharsets.UTF_8)).isEqualTo("event: ping\ndata: {}\n\n");
        assertThat(pieces.get(1).atMs()).as("scaled by the speed").isEqualTo(500);
        assertThat(new String(pieces.get(0).bytes(), StandardCharsets.UTF_8) + new String(pieces.get(1).bytes(), StandardCharsets.UTF_8))
                .isEqualTo(BODY);
        assertThat(timing.pieces(Files.readAllBytes(body), 0).get(1).atMs()).isZero();
    }

    @Test
    void rejectsOffsetsOutOfOrderOrPastTheBody() throws IOException {
        Path body = write(BODY, "{\"format\":\"workbook-stream-timing/1\",\"chunks\":[{\"offset\":0,\"atMs\":0},{\"offset\":9999,\"atMs\":5}]}");
        assertThatThrownBy(() -> StreamTiming.forBody(body)).hasMessageContaining("chunk 1 offset 9999");
    }

    @Test
    void rejectsTimeGoingBackwardsAndUnknownFormats() throws IOException {
        Path backwards = write(BODY, "{\"format\":\"workbook-stream-timing/1\",\"chunks\":[{\"offset\":0,\"atMs\":10},{\"offset\":5,\"atMs\":5}]}");
        assertThatThrownBy(() -> StreamTiming.forBody(backwards)).hasMessageContaining("timed before");
        Path unknown = write(BODY, "{\"format\":\"something-else\",\"chunks\":[]}");
        assertThatThrownBy(() -> StreamTiming.forBody(unknown)).hasMessageContaining("format must be");
    }

    @Test
    void aBodyWithoutSidecarHasNoTiming() throws IOException {
        assertThat(StreamTiming.forBody(Files.writeString(folder.resolve("plain.json"), "{}"))).isEmpty();
    }
}

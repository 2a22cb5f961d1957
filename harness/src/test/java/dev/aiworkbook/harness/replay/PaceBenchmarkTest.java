package dev.aiworkbook.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmark runs and reports; its figures are read by people, not asserted (timing is not a test). */
class PaceBenchmarkTest {

    @Test
    void printsTheDriftFigures() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PaceBenchmark.run(5, 1, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("5 SSE events").contains("median drift").contains("Goal: median drift under 5 ms");
    }
}

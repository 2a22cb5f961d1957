package dev.aiworkbook.jbang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("jbang demos")
class DemosRunOnReplayTest {

    /** Every demo calls these three on replay and prints "[Name] HTTP <status>" for each call. */
    private static final List<String> PROVIDERS = List.of("OpenAI", "Anthropic", "Gemini");

    @BeforeAll
    static void notOnWindows() {
        assumeFalse(Demos.onWindows(), "the demos run through the bash launcher; jbang.cmd is checked by hand");
    }

    @TestFactory
    @DisplayName("every demo runs on the replay server, and every provider answers 200")
    Stream<DynamicTest> everyDemoRunsOnReplay() throws IOException {
        List<Path> demos = Demos.all();
        assertThat(demos).as("demos in %s", Demos.MODULE).isNotEmpty();
        return demos.stream().map(demo -> dynamicTest(demo.getFileName() + " runs on replay", () -> {
            String name = demo.getFileName().toString();
            // From the repository root, as the README tells teachers to run it.
            Demos.Run run = Demos.run(Demos.ROOT, name.replace(".java", "") + "-replay", "jbang-scripts/" + name);

            assertThat(run.exitCode()).as(run.describe()).isZero();
            for (String provider : PROVIDERS) {
                assertThat(run.stdout()).as(run.describe()).contains("[" + provider + "] HTTP 200 ");
            }
            assertThat(run.stdout() + run.stderr()).as(run.describe()).doesNotContain("Exception");
        }));
    }

    @TestFactory
    @DisplayName("every demo, --live without keys, exits 2 naming the missing variable, without a stack trace")
    Stream<DynamicTest> liveWithoutKeysSaysWhichKeyIsMissing(@TempDir Path elsewhere) throws IOException {
        // Run from a folder outside the workbook, so no .env of the developer's can supply a key.
        return Demos.all().stream().map(demo -> dynamicTest(demo.getFileName() + " --live without keys", () -> {
            String name = demo.getFileName().toString();
            Demos.Run run = Demos.run(elsewhere, name.replace(".java", "") + "-live-no-keys", demo.toString(), "--live");

            assertThat(run.exitCode()).as(run.describe()).isEqualTo(2);
            assertThat(run.stderr()).as(run.describe())
                    .containsPattern("[A-Z]+_API_KEY is not set")
                    .doesNotContain("Exception")
                    .doesNotContainPattern("(?m)^\\s+at [\\w.$]+\\(");
            assertThat(run.stdout()).as("nothing called live:\n" + run.describe()).doesNotContain("HTTP ");
        }));
    }
}

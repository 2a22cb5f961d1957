package dev.aiworkbook.harness.stubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubGeneratorTest {

    private static final String SOLUTION = String.join("\n",
            "class Greeter {",
            "    String greet(String name) {",
            "        // >>> solution",
            "        return \"Hello, \" + name;",
            "        // === stub",
            "        // throw new UnsupportedOperationException(\"TODO\");",
            "        // <<<",
            "    }",
            "    // >>> solution",
            "    private void helper() {",
            "    }",
            "    // <<<",
            "}");

    @Test
    void dropsSolutionLinesAndUncommentsTheStub() {
        assertThat(StubGenerator.stubOf(SOLUTION, "Greeter.java")).isEqualTo(String.join("\n",
                "class Greeter {",
                "    String greet(String name) {",
                "        throw new UnsupportedOperationException(\"TODO\");",
                "    }",
                "}"));
    }

    @Test
    void namesTheFileAndLineOfBrokenMarkers() {
        assertThatThrownBy(() -> StubGenerator.stubOf("a\n// >>> solution\nb\n", "A.java"))
                .hasMessageContaining("A.java:2").hasMessageContaining("never closed");
        assertThatThrownBy(() -> StubGenerator.stubOf("// <<<\n", "B.java")).hasMessageContaining("B.java:1");
        assertThatThrownBy(() -> StubGenerator.stubOf("// >>> solution\n// === stub\nint x;\n// <<<\n", "C.java"))
                .hasMessageContaining("C.java:3").hasMessageContaining("must be comments");
    }

    @Test
    void writesStubsAndReportsEveryDifference(@TempDir Path folder) throws IOException {
        Path solutions = Files.createDirectories(folder.resolve("solutions/p"));
        Files.writeString(solutions.resolve("Greeter.java"), SOLUTION);
        Files.writeString(solutions.resolve("Only.java"), "// workbook: solution-only\nclass Only {}\n");
        Path stubs = folder.resolve("stubs");
        Files.createDirectories(stubs.resolve("p"));
        Files.writeString(stubs.resolve("p/Stale.java"), "class Stale {}");

        StubGenerator.write(folder.resolve("solutions"), stubs);
        assertThat(stubs.resolve("p/Greeter.java")).exists();
        assertThat(stubs.resolve("p/Only.java")).as("solution-only files stay out").doesNotExist();
        assertThat(stubs.resolve("p/Stale.java")).as("stubs without a solution are removed").doesNotExist();
        assertThat(StubGenerator.differences(folder.resolve("solutions"), stubs)).isEmpty();

        Files.writeString(stubs.resolve("p/Greeter.java"), "class Greeter { /* learner's work */ }");
        Files.writeString(stubs.resolve("p/Extra.java"), "class Extra {}");
        assertThat(StubGenerator.differences(folder.resolve("solutions"), stubs))
                .anySatisfy(d -> assertThat(d).startsWith("p/Greeter.java: differs").contains("line 1"))
                .anySatisfy(d -> assertThat(d).isEqualTo("p/Extra.java: has no solution file"));
    }
}

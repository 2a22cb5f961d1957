package dev.aiworkbook.harness.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonReadmeTest {

    private static final String SOURCE = String.join("\n",
            "class Lesson {",
            "    void run() {",
            "        // tag::greet[]",
            "        System.out.println(\"hi\");",
            "        // end::greet[]",
            "        // tag::unshown[]",
            "        int x = 1;",
            "        // end::unshown[]",
            "    }",
            "}");

    private static LessonReadme readme(Path folder, String listing) throws IOException {
        Files.writeString(folder.resolve("Lesson.java"), SOURCE);
        Path readme = Files.writeString(folder.resolve("README.md"),
                "# Lesson\n<!-- include: Lesson.java#greet -->\n```java\n" + listing + "```\n<!-- end include -->\n"
                        + "<!-- fixture: selftest/__files/none.json -->\n```json\n{}\n```\n<!-- end fixture -->\n");
        return LessonReadme.of(readme, folder);
    }

    @Test
    void aListingEqualToItsTaggedRegionPasses(@TempDir Path folder) throws IOException {
        assertThat(readme(folder, "System.out.println(\"hi\");\n").snippetProblems()).isEmpty();
    }

    @Test
    void aListingThatDriftedFromTheSourceIsNamed(@TempDir Path folder) throws IOException {
        assertThat(readme(folder, "System.out.println(\"hello\");\n").snippetProblems())
                .singleElement().asString().contains("Lesson.java#greet differs from the source").contains("(what runs)");
    }

    @Test
    void aTaggedRegionTheReadmeNeverShowsIsNamed(@TempDir Path folder) throws IOException {
        assertThat(readme(folder, "System.out.println(\"hi\");\n").regionsNotShown())
                .containsExactly("Lesson.java#unshown is tagged in the source but not shown in the README");
    }

    @Test
    void aFixtureThatIsNotOnTheClasspathIsNamed(@TempDir Path folder) throws IOException {
        assertThat(readme(folder, "System.out.println(\"hi\");\n").fixtureProblems())
                .singleElement().asString().contains("fixtures/selftest/__files/none.json").contains("not on the classpath");
    }
}

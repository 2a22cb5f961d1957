package dev.aiworkbook.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades four submissions of 01-auth made from this checkout's own solutions and stubs: a perfect
 * one, an untouched one, one with a file that does not compile and an endless loop, and one whose
 * author edited the tests. The grading must hold for each.
 */
class GradeCommandTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String TOPIC = "01-auth";
    private static final String PACKAGE = "dev/aiworkbook/auth/";

    @TempDir
    static Path folder;
    private static Map<String, GradeCommand.SubmissionGrade> grades;
    private static String printed;

    @BeforeAll
    static void gradeFourSubmissions() throws IOException {
        Path submissions = folder.resolve("submissions");
        Path solutions = ROOT.resolve("solutions/01-auth/src/main/java");
        Path stubs = ROOT.resolve("exercises/01-auth/src/main/java");

        TestRunner.copyTree(solutions, submissions.resolve("alice/exercises/01-auth/src/main/java"));
        TestRunner.copyTree(stubs, submissions.resolve("bob/01-auth/src/main/java"));

        Path carol = submissions.resolve("carol/exercises/01-auth/src/main/java");
        TestRunner.copyTree(solutions, carol);
        Files.writeString(carol.resolve(PACKAGE + "KeyLoader.java"), "package dev.aiworkbook.auth;\nclass KeyLoader { int x = ; }\n");
        replace(carol.resolve(PACKAGE + "ApiKey.java"), "if (value.length() < SHORTEST_PARTLY_SHOWN) {", "while (value != null) { }\n        if (value.length() < SHORTEST_PARTLY_SHOWN) {");

        TestRunner.copyTree(stubs, submissions.resolve("dave/exercises/01-auth/src/main/java"));
        Path daveTest = submissions.resolve("dave/exercises/01-auth/src/test/java/" + PACKAGE + "ApiKeyTest.java");
        Files.createDirectories(daveTest.getParent());
        Files.writeString(daveTest, "package dev.aiworkbook.auth;\nclass ApiKeyTest {\n  @org.junit.jupiter.api.Test\n"
                + "  @dev.aiworkbook.harness.junit.Points(100)\n  void free() { }\n}\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> shortTimeouts = List.of("-Djunit.jupiter.execution.timeout.default=2 s");
        GradeCommand command = new GradeCommand(new Repository(ROOT), topic -> thisTestsClasspath(), shortTimeouts, 180,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        grades = command.grade(submissions, List.of(TOPIC), folder.resolve("grades")).stream()
                .collect(Collectors.toMap(GradeCommand.SubmissionGrade::submission, Function.identity()));
        printed = out.toString(StandardCharsets.UTF_8);
    }

    /** The graded tests run on what this test runs on: the harness, JUnit, OkHttp, Jackson, WireMock. */
    private static List<Path> thisTestsClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).map(Path::of).toList();
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static GradeCommand.ExerciseGrade exercise(String submission, String name) {
        return grades.get(submission).exercises().stream().filter(e -> e.exercise().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSolutionScoresEveryPoint() {
        assertThat(grades.get("alice").earned()).as("printed:%n%s", printed).isEqualTo(100).isEqualTo(grades.get("alice").possible());
        assertThat(grades.get("alice").notes()).isEmpty();
    }

    @Test
    void theUntouchedStubsScoreNothing() {
        assertThat(grades.get("bob").earned()).isZero();
        assertThat(grades.get("bob").possible()).isEqualTo(100);
    }

    @Test
    void aFileThatDoesNotCompileCostsOnlyItsOwnExercise() {
        GradeCommand.ExerciseGrade keyLoader = exercise("carol", "KeyLoader");
        assertThat(keyLoader.earned()).isZero();
        assertThat(grades.get("carol").notes()).anySatisfy(note -> assertThat(note)
                .contains("KeyLoader.java does not compile").contains("graded as the untouched stub"));
        assertThat(exercise("carol", "KeyProxy").earned()).as("the other exercises still count").isEqualTo(30);
        assertThat(exercise("carol", "ProviderAuth").earned()).isEqualTo(15);
    }

    @Test
    void anEndlessLoopCostsOnlyTheTestsItHangs() {
        GradeCommand.ExerciseGrade apiKey = exercise("carol", "ApiKey");
        assertThat(apiKey.earned()).as("masked() never returns, so its tests fail; the rest of ApiKey passes")
                .isGreaterThan(0).isLessThan(10);
        assertThat(grades.get("carol").tests()).anySatisfy(test -> assertThat(test.message()).contains("timed out"));
    }

    @Test
    void aSubmissionsOwnTestsAreNeverUsed() {
        assertThat(exercise("dave", "ApiKey").earned()).isZero();
        assertThat(grades.get("dave").earned()).isZero();
    }

    @Test
    void writesTheGradebookAndAGradescopeResultPerSubmission() throws IOException {
        List<String> csv = Files.readAllLines(folder.resolve("grades/gradebook.csv"));
        assertThat(csv.get(0)).startsWith("submission,01-auth/ApiKey (10),01-auth/KeyLoader (15)").endsWith(",total,possible,notes");
        assertThat(csv).anySatisfy(line -> assertThat(line).startsWith("alice,10,15,15,15,15,30,100,100,"));
        JsonNode alice = new ObjectMapper().readTree(folder.resolve("grades/alice/results.json").toFile());
        assertThat(alice.path("score").asInt()).isEqualTo(100);
        assertThat(alice.path("tests").size()).isEqualTo(41);
        assertThat(alice.path("tests").get(0).has("max_score")).isTrue();
        JsonNode book = new ObjectMapper().readTree(folder.resolve("grades/gradebook.json").toFile());
        assertThat(book.size()).isEqualTo(4);
        assertThat(Files.readString(folder.resolve("grades/report.html")))
                .contains("<a href=\"#alice\">alice</a>", "100 / 100", "KeyLoader.java does not compile");
    }
}

package dev.aiworkbook.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command's answers that need no Maven: help, list, and clear refusals. */
class WorkbookTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void pointAtThisCheckout() {
        System.setProperty("workbook.root", "..");
    }

    @AfterAll
    static void forget() {
        System.clearProperty("workbook.root");
    }

    private int run(String... args) {
        return Workbook.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("help")).isZero();
        assertThat(stdout()).contains("lesson <topic> [--live]").contains("check [<topic>[/<Exercise>]]");
    }

    @Test
    void listShowsEveryTopicWithItsExercisesAndPoints() {
        assertThat(run("list")).isZero();
        assertThat(stdout()).contains("01-auth").contains("points").contains("09-local-models");
        assertThat(stdout()).containsPattern("Exercise 6 · A backend key proxy\\s+30 points  \\(auth/KeyProxy\\)");
        assertThat(stdout()).as("exercises, not test classes, are counted").contains("02-completions         6 exercises");
    }

    @Test
    void anUnknownTopicIsAClearMessageAndExitTwo() {
        assertThat(run("lesson", "astrology")).isEqualTo(2);
        assertThat(stderr()).contains("unknown topic 'astrology'").contains("01-auth").doesNotContain("Exception");
    }

    @Test
    void anUnknownCommandOrMissingArgumentIsExitTwo() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(run("lesson")).isEqualTo(2);
        assertThat(stderr()).contains("unknown command 'frobnicate'").contains("which lesson?");
    }

    @Test
    void aTopicNotWrittenYetSaysSo() {
        assertThat(run("check", "realtime")).isEqualTo(2);
        assertThat(stderr()).contains("08-realtime are not written yet");
    }

    @Test
    void anUnknownExerciseNamesTheTopicsExercises() {
        assertThat(run("check", "auth/Nope")).isEqualTo(2);
        assertThat(stderr()).contains("No exercise 'Nope' in 01-auth").contains("KeyProxy");
    }

    @Test
    void hintShowsTheHintsUpToTheLevelAsked() {
        assertThat(run("hint", "auth/keyloader", "2")).isZero();
        assertThat(stdout()).contains("Exercise 2 · Load keys").contains("Hint 1 of 3:").contains("Hint 2 of 3:")
                .doesNotContain("Hint 3 of 3:").contains("./workbook hint auth/KeyLoader shows the next one");
    }

    @Test
    void aHintLevelOutOfRangeIsAClearMessage() {
        assertThat(run("hint", "auth/KeyLoader", "9")).isEqualTo(2);
        assertThat(stderr()).contains("there are hints 1 to 3, not 9");
    }

    @Test
    void doctorChecksTheMachineAndNeverShowsAKey() {
        assertThat(run("doctor")).as("stderr: %s", stderr()).isZero();
        assertThat(stdout()).contains("Java", "Compiler  javac available", "Maven     Apache Maven", "OPENAI_API_KEY", "Ready:");
    }

    @Test
    void doctorMasksKeys() {
        assertThat(Doctor.mask("sk-" + "x".repeat(20) + "tail")).isEqualTo("sk-x…tail (27 characters)");
        assertThat(Doctor.mask("short")).isEqualTo("**** (5 characters)");
        assertThat(Doctor.atLeast38("Apache Maven 3.8.7")).isTrue();
        assertThat(Doctor.atLeast38("Apache Maven 3.6.3")).isFalse();
    }
}

package dev.aiworkbook.harness.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StubAuditTest {

    private static TestOutcome outcome(String type, String test, int points, String status) {
        return new TestOutcome(type, "Exercise · " + type, test, points, status, status.equals("PASSED") ? "" : "boom");
    }

    @Test
    void aStubRunIsCleanWhenEveryGradedTestFails() {
        List<TestOutcome> outcomes = List.of(outcome("a.ATest", "one", 2, "FAILED"), outcome("a.BTest", "two", 3, "ABORTED"));
        assertThat(StubAudit.problems(outcomes, List.of("a.ATest", "a.BTest"), StubAudit.Expect.FAIL)).isEmpty();
    }

    @Test
    void flagsFreePointsMissingPointsAndClassesThatRanNothing() {
        List<TestOutcome> outcomes = List.of(outcome("a.ATest", "free", 2, "PASSED"), outcome("a.ATest", "unpriced", 0, "FAILED"));
        assertThat(StubAudit.problems(outcomes, List.of("a.ATest", "a.EmptyTest"), StubAudit.Expect.FAIL))
                .containsExactlyInAnyOrder(
                        "a.EmptyTest ran no tests: a graded test class must run at least one",
                        "Exercise · a.ATest > free: passes on the untouched stub (free points)",
                        "Exercise · a.ATest > unpriced: carries no @Points");
    }

    @Test
    void aSolutionRunMustPassEverything() {
        List<TestOutcome> outcomes = List.of(outcome("a.ATest", "one", 2, "PASSED"), outcome("a.ATest", "two", 2, "FAILED"));
        assertThat(StubAudit.problems(outcomes, List.of("a.ATest"), StubAudit.Expect.PASS))
                .containsExactly("Exercise · a.ATest > two: FAILED on the solution: boom");
        assertThat(StubAudit.report(outcomes, StubAudit.Expect.PASS)).contains("2 of 4 points earned");
    }
}

package dev.aiworkbook.harness.grading;

import dev.aiworkbook.harness.junit.Points;
import dev.aiworkbook.harness.secrets.SecretScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records each test's outcome and points into a JSON file when the system property
 * {@value #RESULTS_PROPERTY} names one. The JUnit Platform loads it by itself (it is listed in
 * {@code META-INF/services}), so Surefire runs, IDE runs and the workbook's runner all report the
 * same way; without the property it does nothing.
 */
public final class GradeListener implements TestExecutionListener {

    public static final String RESULTS_PROPERTY = "workbook.results";

    private final List<TestOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> exerciseNames = new ConcurrentHashMap<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
        outcomes.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            outcomes.add(outcome(test, "SKIPPED", reason));
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isContainer()) {
            containerFailure(identifier, result);
            return;
        }
        String status = switch (result.getStatus()) {
            case SUCCESSFUL -> "PASSED";
            case ABORTED -> "ABORTED";
            case FAILED -> "FAILED";
        };
        String message = result.getThrowable().map(GradeListener::describe).orElse("");
        outcomes.add(outcome(identifier, status, message));
        // Written after every test, so a run that is killed (a hang, a System.exit) keeps what it graded.
        save();
    }

    /** A class that fails before its tests run (a broken @BeforeAll) still has to show up. */
    private void containerFailure(TestIdentifier container, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL || plan == null) {
            return;
        }
        container.getSource().ifPresent(source -> outcomes.add(new TestOutcome(
                container.getLegacyReportingName(), container.getDisplayName(), "(the whole class)", 0, "FAILED",
                result.getThrowable().map(GradeListener::describe).orElse("failed"))));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        save();
    }

    private synchronized void save() {
        String target = System.getProperty(RESULTS_PROPERTY);
        if (target == null || target.isBlank()) {
            return;
        }
        try {
            Results.write(Path.of(target), List.copyOf(outcomes));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the results to " + target, e);
        }
    }

    private TestOutcome outcome(TestIdentifier test, String status, String message) {
        Optional<Method> method = test.getSource()
                .filter(MethodSource.class::isInstance)
                .map(source -> ((MethodSource) source).getJavaMethod());
        String className = method.map(m -> m.getDeclaringClass().getName()).orElse("?");
        int points = method.map(m -> m.getAnnotation(Points.class)).map(Points::value).orElse(0);
        return new TestOutcome(className, exerciseName(test, className), test.getDisplayName(), points, status, message);
    }

    private String exerciseName(TestIdentifier test, String className) {
        return exerciseNames.computeIfAbsent(className, name -> plan == null ? name
                : plan.getParent(test).map(TestIdentifier::getDisplayName).orElse(name));
    }

    /** The failure's message, trimmed to what a learner reads; secrets masked. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = message == null || message.isBlank()
                ? failure.getClass().getName()
                : failure instanceof AssertionError ? message : failure.getClass().getSimpleName() + ": " + message;
        List<String> lines = text.lines().toList();
        if (lines.size() > 40) {
            text = String.join("\n", lines.subList(0, 40)) + "\n…";
        }
        return SecretScanner.redact(text);
    }
}

package dev.aiworkbook.harness.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the named test classes with the JUnit Platform. {@code ./workbook check} starts it in a
 * JVM of its own, so a submission that hangs or calls {@code System.exit} cannot take the
 * command down; {@link GradeListener} writes the results file named by {@code -Dworkbook.results}.
 */
public final class RunTests {

    private RunTests() {
    }

    public static void main(String[] testClassNames) {
        List<ClassSelector> selectors = new ArrayList<>();
        for (String name : testClassNames) {
            selectors.add(selectClass(name));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
        LauncherFactory.create().execute(request);
        // Stray non-daemon threads (an unclosed server in a learner's code) must not keep us alive.
        System.exit(0);
    }
}

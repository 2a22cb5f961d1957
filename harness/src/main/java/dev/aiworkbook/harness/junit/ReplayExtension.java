package dev.aiworkbook.harness.junit;

import dev.aiworkbook.harness.replay.ReplayServer;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one {@link ReplayServer} per test class annotated with {@link Replay}, hands it to tests
 * as a parameter, and turns unmatched requests into failures that explain themselves.
 */
public final class ReplayExtension
        implements ParameterResolver, BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReplayExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ReplayServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return server(context).orElseThrow(() -> new ParameterResolutionException(
                "A ReplayServer parameter needs @Replay(\"<topic>\") on the test class"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server(context).ifPresent(ReplayServer::reset);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        Optional<ReplayServer> server = existingServer(context);
        String report = server.map(ReplayServer::unmatchedReport).orElse("");
        if (report.isEmpty() || !failOnUnmatched(context)) {
            throw thrown;
        }
        // The learner's code most likely failed *because* the replay answered 404: lead with why.
        AssertionFailedError explained = new AssertionFailedError(
                report + "\nYour code then failed with: " + thrown, thrown);
        explained.setStackTrace(new StackTraceElement[0]);
        throw explained;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (context.getExecutionException().isPresent() || !failOnUnmatched(context)) {
            return;
        }
        String report = existingServer(context).map(ReplayServer::unmatchedReport).orElse("");
        if (!report.isEmpty()) {
            throw new AssertionFailedError(report);
        }
    }

    private static boolean failOnUnmatched(ExtensionContext context) {
        return annotation(context).map(Replay::failOnUnmatched).orElse(true);
    }

    private static Optional<Replay> annotation(ExtensionContext context) {
        return context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, Replay.class));
    }

    /** The class-level server, started on first use and stopped when the class is done. */
    private static Optional<ReplayServer> server(ExtensionContext context) {
        Optional<Replay> replay = annotation(context);
        if (replay.isEmpty()) {
            return Optional.empty();
        }
        ExtensionContext classContext = classContext(context);
        CloseableServer holder = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
                CloseableServer.class, key -> new CloseableServer(start(replay.get())),
                CloseableServer.class);
        return Optional.of(holder.server());
    }

    private static ReplayServer start(Replay replay) {
        return replay.timed() ? ReplayServer.start(replay.value(), replay.speed()) : ReplayServer.start(replay.value());
    }

    private static Optional<ReplayServer> existingServer(ExtensionContext context) {
        CloseableServer holder = classContext(context).getStore(NAMESPACE).get(CloseableServer.class, CloseableServer.class);
        return Optional.ofNullable(holder).map(CloseableServer::server);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** Lets JUnit stop the server when the class's store closes. */
    private record CloseableServer(ReplayServer server) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
        }
    }
}

package dev.aiworkbook.harness.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares that a test class needs a topic's replay server. Tests then take a
 * {@link dev.aiworkbook.harness.replay.ReplayServer} parameter:
 *
 * <pre>{@code
 * @Replay("01-auth")
 * class AuthHeadersTest {
 *     @Test
 *     void sendsTheBearerHeader(ReplayServer replay) { ... replay.baseUrl() ... }
 * }
 * }</pre>
 *
 * <p>One server runs per test class; before each test its request log and scenario states are
 * cleared. A request that matches no fixture fails the test with the closest fixture and what
 * differed, unless {@link #failOnUnmatched()} is false.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ReplayExtension.class)
public @interface Replay {

    /** The topic whose fixtures to serve: {@code "01-auth"} or {@code "auth"}. */
    String value();

    /** Whether a request that matches no fixture fails the test. */
    boolean failOnUnmatched() default true;

    /**
     * Serve streamed fixtures through the timed stream server, so a body with a timing sidecar
     * arrives piece by piece and ends as recorded (cleanly, cut, or stalled). Off by default:
     * streams then arrive whole, at once.
     */
    boolean timed() default false;

    /** With {@link #timed()}: the recorded pauses multiplied by this (0 = no pauses, cuts and stalls still happen). */
    double speed() default 0;
}

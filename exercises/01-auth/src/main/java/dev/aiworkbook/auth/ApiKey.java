package dev.aiworkbook.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * <h2>Exercise 1 · A key that never shows itself (10 points)</h2>
 *
 * <p>An API key ends up in logs the boring way: someone logs a config object, an exception message
 * prints a field, a debugger view gets pasted into a ticket. Make the key a type whose
 * {@link #toString()} cannot leak it, and make reading the real value an explicit act.
 *
 * <p>Build:
 * <ul>
 *   <li>the constructor refuses a {@code null} or blank key with an {@link IllegalArgumentException}
 *       (whose message must not contain the value) and strips surrounding whitespace (keys copied
 *       from a dashboard often carry a newline);</li>
 *   <li>{@link #reveal()} returns the key: the one door to it, named so it stands out in review;</li>
 *   <li>{@link #masked()} shows just enough to tell keys apart: the first three characters, an
 *       ellipsis and the last four ({@code sk-…a1b2}); a key shorter than 12 characters is all
 *       hidden ({@code ****});</li>
 *   <li>{@link #toString()} returns {@code ApiKey[<masked>]};</li>
 *   <li>two keys are {@link #equals equal} when their values are, compared in constant time
 *       ({@link MessageDigest#isEqual}), so timing does not tell an attacker how much matched.</li>
 * </ul>
 *
 * <p>Why not a {@code record}? A record's generated {@code toString} prints every component: the
 * very leak this type exists to stop. Lesson 01-auth, "Key hygiene", explains.
 */
public final class ApiKey {

    private static final int SHOWN_PREFIX = 3;
    private static final int SHOWN_SUFFIX = 4;
    private static final int SHORTEST_PARTLY_SHOWN = 12;

    private final String value;

    public ApiKey(String value) {
        this.value = value; // TODO: refuse null or blank keys, strip whitespace
    }

    /** The key itself. Call it only where the key goes on the wire. */
    public String reveal() {
        throw new UnsupportedOperationException("TODO: exercise 1, ApiKey.reveal");
    }

    /** Enough of the key to tell it apart from another: {@code sk-…a1b2}, or {@code ****} when short. */
    public String masked() {
        throw new UnsupportedOperationException("TODO: exercise 1, ApiKey.masked");
    }

    @Override
    public String toString() {
        return super.toString(); // TODO: exercise 1, never show the key
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other); // TODO: exercise 1, equal values, compared in constant time
    }

    @Override
    public int hashCode() {
        return super.hashCode(); // TODO: exercise 1, consistent with equals
    }
}

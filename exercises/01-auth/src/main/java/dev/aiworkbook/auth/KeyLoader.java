package dev.aiworkbook.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * <h2>Exercise 2 · Load keys: the environment first, then {@code .env} (15 points)</h2>
 *
 * <p>Keys never live in code. In production they come from the environment (set by the platform
 * or a secret manager); on a laptop, from a {@code .env} file that git ignores. The environment wins,
 * so a deployment can always override a stale file.
 *
 * <p>Build {@link #find(String)} and {@link #load(String)}:
 * <ul>
 *   <li>a non-blank value in the environment map wins;</li>
 *   <li>otherwise read the {@code .env} file, if it exists: one {@code NAME=value} per line, blank
 *       lines and lines starting with {@code #} skipped, an optional {@code export } prefix, spaces
 *       around name and value trimmed, matching single or double quotes around the value removed,
 *       an unquoted value's trailing {@code  # comment} dropped, and everything after the first
 *       {@code =} kept (values may contain {@code =});</li>
 *   <li>a blank value counts as missing, wherever it is;</li>
 *   <li>{@link #load(String)} throws {@link MissingKeyException} when nothing is found, with a
 *       message that names the variable and the {@code .env} path it tried, and tells how to set
 *       it; a missing {@code .env} file is not an error of its own.</li>
 * </ul>
 * Lesson 01-auth, "Where keys live", explains the order.
 */
public final class KeyLoader {

    private final Map<String, String> environment;
    private final Path dotEnvFile;

    /**
     * @param environment the process environment ({@code System.getenv()}), injectable for tests
     * @param dotEnvFile  the {@code .env} file to fall back on; it need not exist
     */
    public KeyLoader(Map<String, String> environment, Path dotEnvFile) {
        this.environment = Map.copyOf(environment);
        this.dotEnvFile = dotEnvFile;
    }

    /** The real environment and the {@code .env} in the working directory. */
    public static KeyLoader fromSystem() {
        return new KeyLoader(System.getenv(), Path.of(".env"));
    }

    /** The key, or a {@link MissingKeyException} that says where it was looked for. */
    public ApiKey load(String variable) {
        throw new UnsupportedOperationException("TODO: exercise 2, KeyLoader.load");
    }

    /** The key, or empty when neither the environment nor {@code .env} has a non-blank value. */
    public Optional<ApiKey> find(String variable) {
        throw new UnsupportedOperationException("TODO: exercise 2, KeyLoader.find");
    }
}

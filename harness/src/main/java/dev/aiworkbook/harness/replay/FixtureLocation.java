package dev.aiworkbook.harness.replay;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a topic's fixtures: {@code fixtures/<topic>/} holding WireMock's {@code mappings/} and
 * {@code __files/}.
 *
 * <p>The fixtures module puts them on the classpath (tests, lessons); a jbang script run from a
 * checkout finds them on disk by walking up from the working directory.
 */
public final class FixtureLocation {

    private FixtureLocation() {
    }

    /** A directory on disk holding the topic's {@code mappings/}, or empty if none is found. */
    public static Optional<Path> find(String topic) {
        return onClasspath(topic).or(() -> onDisk(topic, Path.of("").toAbsolutePath()));
    }

    static Optional<Path> onClasspath(String topic) {
        URL url = FixtureLocation.class.getClassLoader().getResource("fixtures/" + topic + "/mappings");
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()).getParent());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** Walks up from {@code start} looking for {@code fixtures/<topic>/mappings}. */
    public static Optional<Path> onDisk(String topic, Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("fixtures").resolve(topic);
            if (Files.isDirectory(candidate.resolve("mappings"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** True when the topic's fixtures are packed in a jar on the classpath rather than on disk. */
    static boolean inJar(String topic) {
        URL url = FixtureLocation.class.getClassLoader().getResource("fixtures/" + topic + "/mappings");
        return url != null && "jar".equals(url.getProtocol());
    }
}

package dev.aiworkbook.harness.replay;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a replay server's fixtures come from: a folder on disk, or a jar on the classpath. */
interface FixtureSource {

    /** Points WireMock at the fixtures. */
    void configure(WireMockConfiguration config);

    /** A file under the fixtures folder ({@code __files/openai/x.sse.timing.json}), if it exists. */
    Optional<byte[]> read(String relativePath) throws IOException;

    /** A topic's fixtures: packed in the fixtures jar, or found on disk (see {@link FixtureLocation}). */
    static FixtureSource forTopic(String folder) {
        if (FixtureLocation.inJar(folder)) {
            return onClasspath("fixtures/" + folder);
        }
        Path dir = FixtureLocation.find(folder).orElseThrow(() -> new IllegalStateException(
                "No fixtures for topic '" + folder + "': looked for fixtures/" + folder
                        + "/mappings on the classpath and in the folders above " + Path.of("").toAbsolutePath()));
        return inDirectory(dir);
    }

    static FixtureSource inDirectory(Path dir) {
        return new FixtureSource() {
            @Override
            public void configure(WireMockConfiguration config) {
                config.usingFilesUnderDirectory(dir.toString());
            }

            @Override
            public Optional<byte[]> read(String relativePath) throws IOException {
                Path file = dir.resolve(relativePath);
                return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
            }
        };
    }

    static FixtureSource onClasspath(String root) {
        return new FixtureSource() {
            @Override
            public void configure(WireMockConfiguration config) {
                config.usingFilesUnderClasspath(root);
            }

            @Override
            public Optional<byte[]> read(String relativePath) {
                try (InputStream in = FixtureSource.class.getClassLoader().getResourceAsStream(root + "/" + relativePath)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}

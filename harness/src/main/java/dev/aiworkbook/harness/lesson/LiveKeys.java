package dev.aiworkbook.harness.lesson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds API keys for {@code --live} runs of lessons and demos: the environment first, then a
 * {@code .env} file in the working directory or the nearest folder above it.
 *
 * <p>Exercise 01-auth/2 has the learner write this same logic; lessons use this copy so they run
 * before the exercise is done.
 */
public final class LiveKeys {

    private final Map<String, String> environment;
    private final Path start;

    LiveKeys(Map<String, String> environment, Path start) {
        this.environment = environment;
        this.start = start;
    }

    /** Keys from this process's environment and the nearest {@code .env}. */
    public static LiveKeys fromEnvironment() {
        return new LiveKeys(System.getenv(), Path.of("").toAbsolutePath());
    }

    /** The variable's value, or empty when neither the environment nor {@code .env} sets it. */
    public Optional<String> find(String variable) {
        String value = environment.get(variable);
        if (value != null && !value.isBlank()) {
            return Optional.of(value.trim());
        }
        return dotEnv().map(file -> read(file).get(variable)).filter(v -> !v.isBlank());
    }

    /** Where the variable's value comes from: "the environment", or the {@code .env} file's path. */
    public Optional<String> whereIs(String variable) {
        String value = environment.get(variable);
        if (value != null && !value.isBlank()) {
            return Optional.of("the environment");
        }
        return dotEnv().filter(file -> {
            String fromFile = read(file).get(variable);
            return fromFile != null && !fromFile.isBlank();
        }).map(Path::toString);
    }

    /**
     * The variable's value, or a {@link MissingKeyException} whose message says which variable is
     * missing and where to put it. The message never contains a key.
     */
    public String require(String variable) {
        return find(variable).orElseThrow(() -> new MissingKeyException(variable));
    }

    private Optional<Path> dotEnv() {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(".env");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Parses {@code NAME=value} lines; {@code #} comments, {@code export} prefixes and quotes allowed. */
    static Map<String, String> read(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
                    continue;
                }
                if (line.startsWith("export ")) {
                    line = line.substring("export ".length()).strip();
                }
                int equals = line.indexOf('=');
                values.put(line.substring(0, equals).strip(), unquote(line.substring(equals + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).strip() : value;
    }

    /** Thrown when live mode needs a key that is nowhere to be found. */
    public static final class MissingKeyException extends RuntimeException {
        private final String variable;

        public MissingKeyException(String variable) {
            super(variable + " is not set. Live mode calls the real provider, so it needs your key: "
                    + "export " + variable + "=... in your shell, or add the line " + variable
                    + "=... to a .env file at the workbook root (.env is git-ignored; see .env.example). "
                    + "Without --live the lesson runs on the replay server and needs no key.");
            this.variable = variable;
        }

        public String variable() {
            return variable;
        }
    }
}

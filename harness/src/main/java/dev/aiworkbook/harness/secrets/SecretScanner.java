package dev.aiworkbook.harness.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds strings shaped like real provider credentials, and masks them.
 *
 * <p>The course's own replay keys ({@code sk-replay-openai}, {@code sk-ant-replay},
 * {@code replay-gemini-key}) are deliberately too short to look real, so they pass.
 */
public final class SecretScanner {

    /** A credential shape: its name and the pattern that finds it. */
    public record Shape(String name, Pattern pattern) {
    }

    /** One key-shaped string found in a file. Never carries the string itself, only where it is. */
    public record Finding(Path file, int line, String shape, String masked) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + shape + " (" + masked + ")";
        }
    }

    public static final List<Shape> SHAPES = List.of(
            new Shape("Anthropic API key", Pattern.compile("sk-ant-[A-Za-z0-9]{2,8}-[A-Za-z0-9_-]{24,}")),
            new Shape("OpenAI API key", Pattern.compile("sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{24,}")),
            new Shape("Google API key", Pattern.compile("AIza[0-9A-Za-z_-]{35}")),
            new Shape("bearer token", Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/-]{30,}=*")),
            new Shape("AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Shape("private key block", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----")));

    private SecretScanner() {
    }

    /** Every key-shaped string in the text, masked. */
    public static List<String> findIn(String text) {
        List<String> found = new ArrayList<>();
        for (Shape shape : SHAPES) {
            Matcher matcher = shape.pattern().matcher(text);
            while (matcher.find()) {
                found.add(shape.name() + " " + mask(matcher.group()));
            }
        }
        return found;
    }

    /** Every key-shaped string in the text files under {@code root}. */
    public static List<Finding> scan(Path root) throws IOException {
        List<Finding> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                scanFile(file, findings);
            }
        }
        return findings;
    }

    private static void scanFile(Path file, List<Finding> findings) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < lines.size(); i++) {
            for (Shape shape : SHAPES) {
                Matcher matcher = shape.pattern().matcher(lines.get(i));
                while (matcher.find()) {
                    findings.add(new Finding(file, i + 1, shape.name(), mask(matcher.group())));
                }
            }
        }
    }

    /** Replaces every key-shaped string in the text by its masked form. */
    public static String redact(String text) {
        String result = text;
        for (Shape shape : SHAPES) {
            result = shape.pattern().matcher(result).replaceAll(m -> Matcher.quoteReplacement(mask(m.group())));
        }
        return result;
    }

    /** Keeps the first four characters, so a reader can tell which key it was, and hides the rest. */
    public static String mask(String secret) {
        if (secret.length() <= 8) {
            return "****";
        }
        return secret.substring(0, 4) + "…[REDACTED " + secret.length() + " chars]";
    }
}

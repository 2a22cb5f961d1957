package dev.aiworkbook.harness.lesson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps a lesson's README true to what runs. Each check returns the problems it found (empty when
 * all is well), so a lesson's test is one assertion per check:
 * <ul>
 *   <li>a listing between {@code <!-- include: Lesson.java#name -->} and {@code <!-- end include -->}
 *       equals the lines between {@code // tag::name[]} and {@code // end::name[]} in that source
 *       file (common indentation removed), and every tagged region is shown somewhere;</li>
 *   <li>a listing between {@code <!-- fixture: 01-auth/__files/x.json -->} and
 *       {@code <!-- end fixture -->} equals that fixture file byte for byte;</li>
 *   <li>a listing between {@code <!-- response headers: 01-auth/mappings/x.json -->} and
 *       {@code <!-- end response headers -->} is that mapping's status line and headers.</li>
 * </ul>
 * Fixtures are read from the classpath ({@code fixtures/...}), as the lesson's replay server reads them.
 */
public final class LessonReadme {

    private static final Pattern INCLUDE = Pattern.compile(
            "<!-- include: (\\S+?)#(\\S+?) -->\\n```java\\n(.*?)```\\n<!-- end include -->", Pattern.DOTALL);
    private static final Pattern FIXTURE = Pattern.compile(
            "<!-- fixture: (\\S+?) -->\\n```\\w*\\n(.*?)```\\n<!-- end fixture -->", Pattern.DOTALL);
    private static final Pattern RESPONSE_HEADERS = Pattern.compile(
            "<!-- response headers: (\\S+?) -->\\n```http\\n(.*?)```\\n<!-- end response headers -->", Pattern.DOTALL);
    private static final Pattern TAG_LINE = Pattern.compile("^\\s*// (tag|end)::([\\w-]+)\\[]\\s*$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String text;
    private final Path sources;

    private LessonReadme(String text, Path sources) {
        this.text = text;
        this.sources = sources;
    }

    /** The README at {@code readme}, whose includes name files in the {@code sources} folder. */
    public static LessonReadme of(Path readme, Path sources) {
        try {
            return new LessonReadme(Files.readString(readme, StandardCharsets.UTF_8), sources);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + readme, e);
        }
    }

    /** The README's text. */
    public String text() {
        return text;
    }

    /** Listings that differ from their tagged source region, or that name a missing file or tag. */
    public List<String> snippetProblems() {
        List<String> problems = new ArrayList<>();
        Matcher include = INCLUDE.matcher(text);
        int found = 0;
        while (include.find()) {
            found++;
            String where = include.group(1) + "#" + include.group(2);
            try {
                String expected = region(include.group(1), include.group(2));
                if (!expected.equals(include.group(3))) {
                    problems.add("The README's listing " + where + " differs from the source.\n--- in "
                            + sources.resolve(include.group(1)) + " (what runs):\n" + expected + "--- in the README:\n" + include.group(3));
                }
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        if (found == 0) {
            problems.add("The README has no <!-- include: File.java#tag --> listing: show the code that runs.");
        }
        if (count("<!-- include:") != found) {
            problems.add("Every <!-- include: --> needs a ```java block and an <!-- end include --> right after it.");
        }
        return problems;
    }

    /** Tagged regions of the lesson's sources that the README never shows. */
    public List<String> regionsNotShown() {
        Set<String> shown = new TreeSet<>();
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
            shown.add(include.group(1) + "#" + include.group(2));
        }
        List<String> missing = new ArrayList<>();
        for (String tagged : taggedRegions()) {
            if (!shown.contains(tagged)) {
                missing.add(tagged + " is tagged in the source but not shown in the README");
            }
        }
        return missing;
    }

    /** Fixture listings that differ from the fixture file, byte for byte. */
    public List<String> fixtureProblems() {
        List<String> problems = new ArrayList<>();
        Matcher fixture = FIXTURE.matcher(text);
        int found = 0;
        while (fixture.find()) {
            found++;
            String resource = "fixtures/" + fixture.group(1);
            String file = resource(resource);
            if (file == null) {
                problems.add("The README shows " + resource + ", which is not on the classpath (renamed or removed?)");
            } else if (!fixture.group(2).equals(file.endsWith("\n") ? file : file + "\n")) {
                problems.add("The README's listing of " + resource + " differs from the file:\n--- file:\n" + file
                        + "\n--- README:\n" + fixture.group(2));
            }
        }
        if (count("<!-- fixture:") != found) {
            problems.add("Every <!-- fixture: --> needs a code block and an <!-- end fixture --> right after it.");
        }
        return problems;
    }

    /** Response-header listings that differ from their mapping's status and headers. */
    public List<String> responseHeaderProblems() {
        List<String> problems = new ArrayList<>();
        Matcher headers = RESPONSE_HEADERS.matcher(text);
        while (headers.find()) {
            String resource = "fixtures/" + headers.group(1);
            String mapping = resource(resource);
            if (mapping == null) {
                problems.add("The README shows the headers of " + resource + ", which is not on the classpath");
                continue;
            }
            String expected = headersOf(mapping);
            if (!expected.equals(headers.group(2))) {
                problems.add("The README's response headers of " + resource + " differ from the mapping:\n--- mapping:\n"
                        + expected + "--- README:\n" + headers.group(2));
            }
        }
        return problems;
    }

    /** How many times a marker occurs in the README. */
    public int count(String marker) {
        int count = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
            count++;
        }
        return count;
    }

    private static String headersOf(String mappingJson) {
        try {
            JsonNode response = JSON.readTree(mappingJson).path("response");
            StringBuilder expected = new StringBuilder("HTTP/1.1 " + response.path("status").asInt() + " OK\n");
            for (Map.Entry<String, JsonNode> header : response.path("headers").properties()) {
                expected.append(header.getKey()).append(": ").append(header.getValue().asText()).append('\n');
            }
            return expected.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> taggedRegions() {
        Set<String> tagged = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher tag = TAG_LINE.matcher(line);
                    if (tag.matches() && tag.group(1).equals("tag")) {
                        tagged.add(sources.relativize(file).toString().replace('\\', '/') + "#" + tag.group(2));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tagged;
    }

    /** The lines between the tag markers, without nested markers, with the common indentation removed. */
    private String region(String file, String tag) {
        Path source = sources.resolve(file);
        if (!Files.isRegularFile(source)) {
            throw new IllegalStateException("The README includes " + file + "#" + tag + ", but " + source + " does not exist");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = -1;
        for (int i = 0; i < lines.size() && start < 0; i++) {
            if (lines.get(i).strip().equals("// tag::" + tag + "[]")) {
                start = i;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("No // tag::" + tag + "[] in " + source);
        }
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.strip().equals("// end::" + tag + "[]")) {
                return dedent(body);
            }
            if (!TAG_LINE.matcher(line).matches()) {
                body.add(line);
            }
        }
        throw new IllegalStateException("No // end::" + tag + "[] after its tag in " + source);
    }

    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String resource(String name) {
        try (InputStream in = LessonReadme.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

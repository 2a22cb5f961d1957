package dev.aiworkbook.jbang;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The demos name their dependency versions by hand; they must be the build's, so they cannot drift. */
@DisplayName("jbang demo versions")
class DemoVersionsTest {

    /** Which root pom property holds the version of a //DEPS group. */
    private static final Map<String, String> PROPERTY_BY_GROUP = Map.of(
            "com.squareup.okhttp3", "okhttp.version",
            "com.fasterxml.jackson.core", "jackson.version",
            "org.wiremock", "wiremock.version");

    private static final Pattern DEPS_LINE = Pattern.compile("(?m)^//DEPS\\s+(.+)$");

    @Test
    @DisplayName("every //DEPS version equals the version property in the root pom")
    void depsVersionsMatchTheRootPom() throws Exception {
        Map<String, String> properties = rootPomProperties();
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        for (Path demo : Demos.all()) {
            Matcher line = DEPS_LINE.matcher(Files.readString(demo));
            while (line.find()) {
                // jbang allows several coordinates on one line, separated by spaces or commas.
                for (String coordinate : line.group(1).trim().split("[\\s,]+")) {
                    String[] parts = coordinate.split(":");
                    String where = demo.getFileName() + ": //DEPS " + coordinate;
                    String property = PROPERTY_BY_GROUP.get(parts[0]);
                    if (parts.length < 3 || property == null) {
                        softly.fail(where + ": no version property is known for group " + parts[0]
                                + "; add it to the root pom and to PROPERTY_BY_GROUP in " + getClass().getSimpleName());
                        continue;
                    }
                    softly.assertThat(parts[2]).as(where + " must use the root pom's " + property)
                            .isEqualTo(properties.get(property));
                    checked++;
                }
            }
        }
        softly.assertAll();
        assertThat(checked).as("//DEPS coordinates found in the demos").isPositive();
    }

    @Test
    @DisplayName("both launchers fetch the jbang version in the root pom")
    void launcherVersionsMatchTheRootPom() throws Exception {
        String expected = rootPomProperties().get("jbang.version");
        assertThat(expected).as("jbang.version in the root pom").isNotBlank();
        assertThat(Files.readString(Demos.MODULE.resolve("jbang")))
                .as("jbang-scripts/jbang").containsPattern("(?m)^JBANG_CLI_VERSION=" + Pattern.quote(expected) + "$");
        assertThat(Files.readString(Demos.MODULE.resolve("jbang.cmd")))
                .as("jbang-scripts/jbang.cmd").containsPattern("(?m)^set \"JBANG_CLI_VERSION=" + Pattern.quote(expected) + "\"\r?$");
    }

    /** The {@code <properties>} of the root pom, read with the JDK's DOM parser. */
    private static Map<String, String> rootPomProperties() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        Element project = factory.newDocumentBuilder().parse(Demos.ROOT.resolve("pom.xml").toFile()).getDocumentElement();
        Map<String, String> properties = new LinkedHashMap<>();
        for (Element section : children(project, "properties")) {
            for (Node node = section.getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().trim());
                }
            }
        }
        assertThat(properties).as("properties of %s", Demos.ROOT.resolve("pom.xml"))
                .containsKeys(PROPERTY_BY_GROUP.values().toArray(String[]::new));
        return properties;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(tag)) {
                found.add(element);
            }
        }
        return found;
    }
}

package dev.aiworkbook.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aiworkbook.harness.replay.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every graded exercise of the course has its three hints: a nudge, a pointer, nearly the answer. */
class HintsCoverageTest {

    @Test
    void everyExerciseHasThreeHintsTitledLikeItsTests() {
        Repository repository = new Repository(Path.of("..").toAbsolutePath().normalize());
        List<String> problems = new ArrayList<>();
        for (String topic : Topics.ALL) {
            for (Path test : repository.testFiles(topic)) {
                String name = Repository.exerciseName(test);
                Path file = repository.exercises(topic).resolve("hints").resolve(name + ".md");
                if (!Files.isRegularFile(file)) {
                    problems.add(topic + "/" + name + ": no hints file " + file);
                    continue;
                }
                Hints hints = Hints.read(file);
                if (hints.steps().size() != 3) {
                    problems.add(topic + "/" + name + ": " + hints.steps().size() + " hints, expected 3");
                }
                if (!hints.title().equals(Repository.exerciseTitle(test))) {
                    problems.add(topic + "/" + name + ": title \"" + hints.title() + "\" differs from the test's \""
                            + Repository.exerciseTitle(test) + "\"");
                }
                if (hints.steps().stream().anyMatch(String::isBlank)) {
                    problems.add(topic + "/" + name + ": an empty hint");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}

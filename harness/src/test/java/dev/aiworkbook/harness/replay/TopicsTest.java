package dev.aiworkbook.harness.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void resolvesFolderNamesShortNamesAndNumbers() {
        assertThat(Topics.resolve("auth")).contains("01-auth");
        assertThat(Topics.resolve("01-auth")).contains("01-auth");
        assertThat(Topics.resolve("AUTH ")).contains("01-auth");
        assertThat(Topics.resolve("1")).contains("01-auth");
        assertThat(Topics.resolve("retries")).contains("04-errors-retries");
        assertThat(Topics.resolve("errors-retries")).contains("04-errors-retries");
        assertThat(Topics.resolve("local-models")).contains("09-local-models");
    }

    @Test
    void refusesWhatIsNoTopic() {
        assertThat(Topics.resolve("nope")).isEmpty();
        assertThat(Topics.resolve("")).isEmpty();
        assertThat(Topics.resolve(null)).isEmpty();
    }
}

package dev.aiworkbook.lessons.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The lesson's redactor")
class RedactorTest {

    @Test
    @DisplayName("masks credential headers whatever their case, keeping the Bearer scheme")
    void masksCredentialHeaders() {
        assertThat(Redactor.headerValue("Authorization", "Bearer test-key")).isEqualTo("Bearer [REDACTED]");
        assertThat(Redactor.headerValue("X-Api-Key", "test-key")).isEqualTo("[REDACTED]");
        assertThat(Redactor.headerValue("x-goog-api-key", "test-key")).isEqualTo("[REDACTED]");
    }

    @Test
    @DisplayName("leaves other headers alone")
    void leavesOtherHeaders() {
        assertThat(Redactor.headerValue("anthropic-version", "2023-06-01")).isEqualTo("2023-06-01");
    }

    @Test
    @DisplayName("masks key= in a URL, first or later in the query")
    void masksQueryKeys() {
        assertThat(Redactor.url("https://h/v1beta/models/m:generateContent?key=test-key"))
                .isEqualTo("https://h/v1beta/models/m:generateContent?key=[REDACTED]");
        assertThat(Redactor.url("https://h/p?alt=sse&KEY=test-key&x=1"))
                .isEqualTo("https://h/p?alt=sse&KEY=[REDACTED]&x=1");
        assertThat(Redactor.url("https://h/p?monkey=1")).isEqualTo("https://h/p?monkey=1");
    }

    @Test
    @DisplayName("scrubs every known key out of free text")
    void scrubsKnownKeys() {
        assertThat(Redactor.scrub("401: bad key test-key-1 and test-key-2", List.of("test-key-1", "test-key-2", "")))
                .isEqualTo("401: bad key [REDACTED] and [REDACTED]");
    }
}

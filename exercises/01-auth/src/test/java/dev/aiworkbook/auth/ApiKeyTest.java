package dev.aiworkbook.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aiworkbook.harness.junit.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Exercise 1 · A key that never shows itself")
class ApiKeyTest {

    private static final String SECRET = "sk-course-example-0000a1b2";

    @Test
    @Points(2)
    @DisplayName("reveal() returns the key, without surrounding whitespace")
    void revealReturnsTheStrippedKey() {
        assertThat(new ApiKey("  " + SECRET + "\n").reveal())
                .as("a key pasted from a dashboard often carries spaces or a newline: strip them")
                .isEqualTo(SECRET);
    }

    @Test
    @Points(2)
    @DisplayName("refuses a null or blank key, without echoing it")
    void refusesBlankKeys() {
        assertThatThrownBy(() -> new ApiKey(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiKey("   ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Points(2)
    @DisplayName("masked() shows the first three and last four characters")
    void maskedShowsOnlyTheEnds() {
        assertThat(new ApiKey(SECRET).masked()).isEqualTo("sk-…a1b2");
        assertThat(new ApiKey("short-key").masked())
                .as("a key under 12 characters would be mostly shown by prefix and suffix: hide it all")
                .isEqualTo("****");
    }

    @Test
    @Points(2)
    @DisplayName("toString() is ApiKey[<masked>] and contains no part of the key")
    void toStringNeverShowsTheKey() {
        String shown = new ApiKey(SECRET).toString();
        assertThat(shown).isEqualTo("ApiKey[sk-…a1b2]");
        for (int start = 0; start + 6 <= SECRET.length(); start++) {
            assertThat(shown).as("toString() leaks a piece of the key").doesNotContain(SECRET.substring(start, start + 6));
        }
        assertThat("config: " + new ApiKey(SECRET)).as("string concatenation calls toString() too").doesNotContain(SECRET);
    }

    @Test
    @Points(2)
    @DisplayName("two keys are equal exactly when their values are, with matching hash codes")
    void equalityFollowsTheValue() {
        ApiKey key = new ApiKey(SECRET);
        ApiKey same = new ApiKey(SECRET);
        assertThat(key).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(key).isNotEqualTo(new ApiKey(SECRET + "x")).isNotEqualTo(SECRET);
    }
}

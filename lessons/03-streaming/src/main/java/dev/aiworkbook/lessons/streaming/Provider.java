package dev.aiworkbook.lessons.streaming;

import dev.aiworkbook.harness.lesson.ReplayKeys;
import java.util.List;

/**
 * The three providers whose streams the lesson reads: where their live API lives, which environment
 * variables hold their keys, and the fake key the replay server accepts.
 */
enum Provider {

    OPENAI("OpenAI", "https://api.openai.com", ReplayKeys.OPENAI, "OPENAI_API_KEY"),
    ANTHROPIC("Anthropic", "https://api.anthropic.com", ReplayKeys.ANTHROPIC, "ANTHROPIC_API_KEY"),
    GEMINI("Gemini", "https://generativelanguage.googleapis.com", ReplayKeys.GEMINI, "GEMINI_API_KEY", "GOOGLE_API_KEY");

    private final String displayName;
    private final String liveBaseUrl;
    private final String replayKey;
    private final List<String> keyVariables;

    Provider(String displayName, String liveBaseUrl, String replayKey, String... keyVariables) {
        this.displayName = displayName;
        this.liveBaseUrl = liveBaseUrl;
        this.replayKey = replayKey;
        this.keyVariables = List.of(keyVariables);
    }

    String displayName() {
        return displayName;
    }

    /** The real API's base URL, without a path: every request below names its full path (/v1/..., /v1beta/...). */
    String liveBaseUrl() {
        return liveBaseUrl;
    }

    /** The deliberately fake key the replay fixtures accept; it works nowhere else. */
    String replayKey() {
        return replayKey;
    }

    /** The environment variables that may hold the key, in the order the lesson tries them. */
    List<String> keyVariables() {
        return keyVariables;
    }

    /** The variables as a reader would type them: {@code GEMINI_API_KEY (or GOOGLE_API_KEY)}. */
    String keyVariablesInWords() {
        return keyVariables.size() == 1 ? keyVariables.get(0)
                : keyVariables.get(0) + " (or " + String.join(", ", keyVariables.subList(1, keyVariables.size())) + ")";
    }
}

package dev.aiworkbook.harness.lesson;

import java.util.List;

/**
 * The three providers the lessons call: what they are called, where their live API lives, which
 * environment variables hold their keys, and the fake key the replay fixtures accept.
 */
public enum LessonProvider {

    OPENAI("OpenAI", "https://api.openai.com", ReplayKeys.OPENAI, "OPENAI_API_KEY"),
    ANTHROPIC("Anthropic", "https://api.anthropic.com", ReplayKeys.ANTHROPIC, "ANTHROPIC_API_KEY"),
    // Google's docs name GEMINI_API_KEY; the google-genai SDK also reads GOOGLE_API_KEY (and prefers
    // it when both are set). The lessons look for GEMINI_API_KEY first.
    GEMINI("Gemini", "https://generativelanguage.googleapis.com", ReplayKeys.GEMINI, "GEMINI_API_KEY", "GOOGLE_API_KEY");

    private final String displayName;
    private final String liveBaseUrl;
    private final String replayKey;
    private final List<String> keyVariables;

    LessonProvider(String displayName, String liveBaseUrl, String replayKey, String... keyVariables) {
        this.displayName = displayName;
        this.liveBaseUrl = liveBaseUrl;
        this.replayKey = replayKey;
        this.keyVariables = List.of(keyVariables);
    }

    public String displayName() {
        return displayName;
    }

    /** The real API's host, without a version: each request path names its own ({@code /v1/...}, {@code /v1beta/...}). */
    public String liveBaseUrl() {
        return liveBaseUrl;
    }

    /** The deliberately fake key the replay fixtures accept; it works nowhere else. */
    public String replayKey() {
        return replayKey;
    }

    /** The environment variables that may hold the key, in the order the lessons try them. */
    public List<String> keyVariables() {
        return keyVariables;
    }

    /** The variables as a reader would type them: {@code GEMINI_API_KEY (or GOOGLE_API_KEY)}. */
    public String keyVariablesInWords() {
        return keyVariables.size() == 1 ? keyVariables.get(0)
                : keyVariables.get(0) + " (or " + String.join(", ", keyVariables.subList(1, keyVariables.size())) + ")";
    }
}

package dev.aiworkbook.auth;

/** The three providers this topic authenticates to, and where their APIs live. */
public enum Provider {
    OPENAI("OpenAI", "https://api.openai.com"),
    ANTHROPIC("Anthropic", "https://api.anthropic.com"),
    GEMINI("Gemini", "https://generativelanguage.googleapis.com");

    private final String displayName;
    private final String liveBaseUrl;

    Provider(String displayName, String liveBaseUrl) {
        this.displayName = displayName;
        this.liveBaseUrl = liveBaseUrl;
    }

    /** The name people use: "OpenAI", "Anthropic", "Gemini". */
    public String displayName() {
        return displayName;
    }

    /** Scheme and host of the real API, for {@code --live} runs. */
    public String liveBaseUrl() {
        return liveBaseUrl;
    }
}

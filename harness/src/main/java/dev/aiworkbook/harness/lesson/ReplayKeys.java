package dev.aiworkbook.harness.lesson;

/**
 * The fake keys the replay fixtures accept. They are deliberately short and say "replay", so no
 * secret scanner mistakes them for real keys, and nobody mistakes them for working ones.
 */
public final class ReplayKeys {

    /** Accepted as {@code Authorization: Bearer sk-replay-openai}. */
    public static final String OPENAI = "sk-replay-openai";
    /** Accepted as {@code x-api-key: sk-ant-replay} (with {@code anthropic-version: 2023-06-01}). */
    public static final String ANTHROPIC = "sk-ant-replay";
    /** Accepted as {@code x-goog-api-key: replay-gemini-key} (or the legacy {@code ?key=} query). */
    public static final String GEMINI = "replay-gemini-key";

    private ReplayKeys() {
    }
}

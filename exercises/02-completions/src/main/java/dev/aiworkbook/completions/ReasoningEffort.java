package dev.aiworkbook.completions;

/**
 * How hard a reasoning model thinks before it answers: the Responses API's {@code reasoning.effort}
 * (Chat Completions calls it {@code reasoning_effort}). More effort means more hidden reasoning
 * tokens: often a better answer, always a slower and dearer one. Some models accept more levels
 * ({@code minimal}, {@code xhigh}); these three work on every OpenAI reasoning model.
 */
public enum ReasoningEffort {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high");

    private final String wire;

    ReasoningEffort(String wire) {
        this.wire = wire;
    }

    /** The value the API expects: {@code "low"}, {@code "medium"} or {@code "high"}. */
    public String wire() {
        return wire;
    }
}

package dev.aiworkbook.lessons.completions;

/**
 * One message of the conversation in the lesson's own neutral shape. Each API spells it its own
 * way: the system prompt is a message for Chat Completions, {@code instructions} for Responses,
 * {@code system} for Anthropic and {@code systemInstruction} for Gemini; the assistant is
 * {@code model} for Gemini.
 */
record Turn(Role role, String text) {

    enum Role { SYSTEM, USER, ASSISTANT }

    static Turn system(String text) {
        return new Turn(Role.SYSTEM, text);
    }

    static Turn user(String text) {
        return new Turn(Role.USER, text);
    }

    static Turn assistant(String text) {
        return new Turn(Role.ASSISTANT, text);
    }

    boolean isSystem() {
        return role == Role.SYSTEM;
    }
}

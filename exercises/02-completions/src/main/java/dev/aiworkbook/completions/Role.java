package dev.aiworkbook.completions;

/**
 * Who said a message. Each API spells these its own way: Chat Completions uses {@code system}
 * (or {@code developer}), {@code user}, {@code assistant}; Anthropic takes the system prompt
 * outside the messages; Gemini calls the assistant {@code model}.
 */
public enum Role {
    SYSTEM,
    USER,
    ASSISTANT
}

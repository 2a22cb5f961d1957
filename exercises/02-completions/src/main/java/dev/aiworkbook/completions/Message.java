package dev.aiworkbook.completions;

import java.util.Objects;

/** One turn of a conversation, in the course's provider-neutral shape. */
public record Message(Role role, String text) {

    public Message {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    public static Message system(String text) {
        return new Message(Role.SYSTEM, text);
    }

    public static Message user(String text) {
        return new Message(Role.USER, text);
    }

    public static Message assistant(String text) {
        return new Message(Role.ASSISTANT, text);
    }
}

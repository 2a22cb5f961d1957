package dev.aiworkbook.completions;

import java.util.List;

/**
 * One way to hold a conversation, whichever API answers: the application codes against this, and
 * swapping providers is a one-line change. Built in exercise 5 ({@link ChatClients}).
 */
public interface ChatClient {

    /**
     * The next assistant turn for the whole conversation so far (system messages included). The
     * client holds no state: the caller keeps the conversation and sends it every turn.
     */
    Completion chat(List<Message> conversation, CompletionOptions options);

    /** The API behind this client, for messages and logs: "OpenAI Chat Completions", "Gemini generateContent", ... */
    String api();
}

package dev.aiworkbook.completions;

/**
 * A conversation whose history the server keeps. Part of exercise 2 (see {@link ResponsesClient}).
 *
 * <p>{@link #send} sends only the new user text, with {@code previous_response_id} set to the id of
 * the last answer (none on the first turn), and remembers the new answer's id for the next turn. The
 * model then sees the whole conversation, although you sent one message; you are still billed for
 * all of it as input tokens.
 *
 * <p>The instructions go with every turn: {@code previous_response_id} carries the earlier input and
 * output over, but not the earlier request's {@code instructions}.
 */
public final class ResponsesConversation {

    private final ResponsesClient client;
    private final String model;
    private final String instructions;
    /** The id of the last answer: the next turn continues from it. Null before the first turn. */
    private String previousResponseId;

    public ResponsesConversation(ResponsesClient client, String model, String instructions) {
        this.client = client;
        this.model = model;
        this.instructions = instructions;
    }

    /** Sends the next user message and returns the answer. */
    public ResponseResult send(String userText) {
        throw new UnsupportedOperationException("TODO: exercise 2, ResponsesConversation.send");
    }
}

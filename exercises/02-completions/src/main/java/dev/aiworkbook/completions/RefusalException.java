package dev.aiworkbook.completions;

/**
 * The model declined to answer. Chat Completions says so in {@code message.refusal}, a field of its
 * own, so that an application can tell "no" from an answer: show {@link #refusal()} as what it is, a
 * refusal, and never store or parse it as if it were the answer.
 */
public class RefusalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String refusal;

    public RefusalException(String refusal) {
        super("The model refused to answer: " + refusal);
        this.refusal = refusal;
    }

    /** The model's own words for why it declined. */
    public String refusal() {
        return refusal;
    }
}

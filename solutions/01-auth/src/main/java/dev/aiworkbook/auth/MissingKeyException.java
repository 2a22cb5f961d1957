package dev.aiworkbook.auth;

/** No key was found for a variable. The message names the variable and where it was looked for. */
public class MissingKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String variable;

    public MissingKeyException(String variable, String message) {
        super(message);
        this.variable = variable;
    }

    /** The environment variable that was missing, e.g. {@code OPENAI_API_KEY}. */
    public String variable() {
        return variable;
    }
}

package dev.aiworkbook.streaming;

import java.io.IOException;
import java.util.List;

/**
 * A stream that ended before the provider said it was done: the connection broke, or the body
 * stopped without {@code finish_reason} and {@code data: [DONE]}. The text so far is kept, but it is
 * not an answer: show it as cut, or ask again.
 */
public class CutStreamException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String partialText;
    private final List<String> missing;

    /**
     * @param what        what happened, e.g. {@code "the connection broke (Connection reset)"}
     * @param partialText the content deltas that did arrive, joined
     * @param missing     the end markers that never came: {@code "finish_reason"}, {@code "[DONE]"}
     * @param cause       the I/O error behind it, or null when the body simply ended
     */
    public CutStreamException(String what, String partialText, List<String> missing, Throwable cause) {
        super("The stream was cut: " + what + "; missing " + String.join(" and ", missing) + "; kept "
                + partialText.length() + " characters of partial text", cause);
        this.partialText = partialText;
        this.missing = List.copyOf(missing);
    }

    /** The content that arrived before the cut. */
    public String partialText() {
        return partialText;
    }

    /** The end markers that never arrived, in stream order: {@code "finish_reason"}, {@code "[DONE]"}. */
    public List<String> missing() {
        return missing;
    }
}

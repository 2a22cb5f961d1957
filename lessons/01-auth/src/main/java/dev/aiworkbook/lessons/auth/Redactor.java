package dev.aiworkbook.lessons.auth;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Keeps keys out of what the lesson prints. Three tools, from precise to blunt: mask the value of
 * a header that carries credentials, mask a {@code key=} query parameter in a URL, and, as a last
 * line of defence, replace every known key anywhere in a line of text.
 */
final class Redactor {

    static final String REDACTED = "[REDACTED]";

    // tag::secret-headers[]
    /** Headers that carry credentials, lower case: HTTP header names are case-insensitive. */
    private static final Set<String> SECRET_HEADERS = Set.of(
            "authorization",        // OpenAI (Bearer), Vertex AI (OAuth Bearer), Anthropic SDK
            "proxy-authorization",
            "x-api-key",            // Anthropic
            "x-goog-api-key",       // Gemini
            "api-key");             // Azure OpenAI

    /** Masks the value of a credential header, keeping the scheme word ("Bearer"), which is no secret. */
    static String headerValue(String name, String value) {
        if (!SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return value;
        }
        int space = value.indexOf(' ');
        return space > 0 ? value.substring(0, space + 1) + REDACTED : REDACTED;
    }
    // end::secret-headers[]

    // tag::secret-query[]
    /** {@code ?key=...} (Gemini's legacy form) and friends: a key in a URL lands in every access log. */
    private static final Pattern SECRET_QUERY = Pattern.compile("(?i)([?&](?:key|api_key|access_token)=)[^&#]*");

    static String url(String url) {
        return SECRET_QUERY.matcher(url).replaceAll("$1" + REDACTED);
    }
    // end::secret-query[]

    // tag::scrub[]
    /**
     * Replaces every known key in the text. Exception messages and error bodies are not ours: an
     * SDK may quote a header, a server may echo the key. Whatever reaches the console passes here.
     */
    static String scrub(String text, Collection<String> secrets) {
        String result = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                result = result.replace(secret, REDACTED);
            }
        }
        return result;
    }
    // end::scrub[]

    private Redactor() {
    }
}

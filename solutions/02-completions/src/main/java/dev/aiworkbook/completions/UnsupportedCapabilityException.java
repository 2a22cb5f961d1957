package dev.aiworkbook.completions;

/**
 * The caller asked for something the API behind a {@link ChatClient} cannot do. Raised before any
 * request is sent: silently dropping a setting would change the answer without telling anyone.
 */
public class UnsupportedCapabilityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String api;
    private final String capability;

    public UnsupportedCapabilityException(String api, String capability) {
        super(api + " does not support " + capability);
        this.api = api;
        this.capability = capability;
    }

    public String api() {
        return api;
    }

    public String capability() {
        return capability;
    }
}

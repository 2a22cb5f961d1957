package dev.aiworkbook.harness.cli;

/** A mistake of the user's: printed as one clear message, exit code 2, no stack trace. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}

package dev.fedbroker.cli;

/** A usage or configuration error: reported on one line, exit code {@link Main#USAGE}. */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}

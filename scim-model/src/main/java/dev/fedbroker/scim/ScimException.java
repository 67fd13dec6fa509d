package dev.fedbroker.scim;

import java.util.Objects;

/**
 * A SCIM request, filter, PATCH or store operation failed for the reason in {@link #type()}; the message says what
 * was expected, what was found and how to fix it. {@link ScimEndpoint} turns it into a SCIM Error response.
 * Immutable and thread-safe.
 */
public final class ScimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ScimErrorType type;

    /**
     * @param type   the machine-readable reason
     * @param detail a human-readable explanation, sent to the client as the Error's {@code detail}
     */
    public ScimException(ScimErrorType type, String detail) {
        super(Objects.requireNonNull(detail, "detail"));
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * @param type   the machine-readable reason
     * @param detail a human-readable explanation
     * @param cause  the underlying failure (never sent to the client)
     */
    public ScimException(ScimErrorType type, String detail, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), cause);
        this.type = Objects.requireNonNull(type, "type");
    }

    /** The machine-readable reason. */
    public ScimErrorType type() {
        return type;
    }

    /** The HTTP status the failure is answered with. */
    public int status() {
        return type.status();
    }
}

package dev.fedbroker.jdbc;

import java.util.Objects;

/**
 * A database operation of this module failed; {@link #reason()} says whether retrying later can help. Callers fail
 * closed: a replay cache that throws means "do not accept the assertion". The cause is the driver's
 * {@link java.sql.SQLException}. Immutable and thread-safe.
 */
public final class JdbcStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why a database operation failed. */
    public enum Reason {
        /**
         * The database could not be reached or dropped the connection (SQLState class 08, server shutdown, pool
         * timeout, lock timeout): nothing was committed; retry later.
         */
        UNAVAILABLE,
        /** Concurrent transactions kept deadlocking or failing serialization after the store's own retries. */
        CONTENTION,
        /** The tables are missing or not at the expected version: run {@link FedbrokerSchema#migrate}. */
        SCHEMA,
        /** Any other database error (a bug, a constraint the schema did not expect, a full disk). */
        FAILED
    }

    private final Reason reason;

    /**
     * @param reason  the machine-readable reason
     * @param message what was attempted, what happened and what to do
     * @param cause   the driver's exception
     */
    public JdbcStoreException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The machine-readable reason. */
    public Reason reason() {
        return reason;
    }
}

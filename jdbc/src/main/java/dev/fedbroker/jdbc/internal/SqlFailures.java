package dev.fedbroker.jdbc.internal;

import dev.fedbroker.jdbc.JdbcStoreException;
import dev.fedbroker.jdbc.JdbcStoreException.Reason;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;

/** Sorts driver exceptions (PostgreSQL and H2) into this module's reasons, by SQLState and vendor code. */
public final class SqlFailures {
    /** SQLState of a unique-constraint violation (both drivers). */
    public static final String UNIQUE_VIOLATION = "23505";
    /** SQLState of a value too long for its column (both drivers). */
    public static final String VALUE_TOO_LONG = "22001";

    private SqlFailures() {
    }

    /** Whether re-running the whole transaction may succeed (deadlock, serialization failure). */
    public static boolean isRetryable(SQLException e) {
        String state = stateOf(e);
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** The reason for a failure that is not handled otherwise. */
    public static Reason reasonOf(SQLException e) {
        String state = stateOf(e);
        if (e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException
                || state.startsWith("08") || state.startsWith("57P") || state.startsWith("53")
                || "HYT00".equals(state) || "55P03".equals(state) || isH2Unavailable(e)) {
            return Reason.UNAVAILABLE;
        }
        if (isRetryable(e)) {
            return Reason.CONTENTION;
        }
        // Undefined table or column: PostgreSQL 42P01/42703, H2 42S02/42S04/42S22 (the standard's class 42S).
        if ("42P01".equals(state) || "42703".equals(state) || state.startsWith("42S")) {
            return Reason.SCHEMA;
        }
        if (e instanceof SQLTransientException) {
            return Reason.UNAVAILABLE;
        }
        return Reason.FAILED;
    }

    /** An exception that says what failed and what to do. */
    public static JdbcStoreException wrap(String operation, SQLException e) {
        Reason reason = reasonOf(e);
        String advice = switch (reason) {
            case UNAVAILABLE -> "the database is unreachable or dropped the connection; nothing was committed, retry"
                    + " later";
            case CONTENTION -> "concurrent writes kept conflicting; nothing was committed, retry";
            case SCHEMA -> "the fedbroker tables are missing or outdated: run FedbrokerSchema.migrate(dataSource)";
            case FAILED -> "unexpected database error";
        };
        return new JdbcStoreException(reason, operation + " failed (SQLState " + stateOf(e) + "): " + advice + ".",
                e);
    }

    /** The SQLState, or the first one found in the chain; empty when none. */
    public static String stateOf(SQLException e) {
        for (SQLException current = e; current != null; current = current.getNextException()) {
            if (current.getSQLState() != null) {
                return current.getSQLState();
            }
            if (current.getCause() instanceof SQLException cause && cause.getSQLState() != null) {
                return cause.getSQLState();
            }
        }
        return "";
    }

    /** H2's own codes for a closed or broken database connection. */
    private static boolean isH2Unavailable(SQLException e) {
        int code = e.getErrorCode();
        return code == 90067 || code == 90098 || code == 90121 || code == 90135 || code == 90007;
    }
}

package dev.fedbroker.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs a unit of work in one transaction on a connection from the pool: commit on success, rollback on any failure,
 * and the whole unit re-run (a bounded number of times) when the database reports a deadlock or serialization failure.
 * The connection's auto-commit flag is restored before it goes back to the pool.
 */
public final class Transactions {
    /** How many times a unit that deadlocked is run in total. */
    public static final int MAX_ATTEMPTS = 4;

    private Transactions() {
    }

    /** One unit of work; it may run several times, so it must not keep state between runs. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection, Dialect dialect) throws SQLException;
    }

    /** Runs {@code work} in a read-write transaction; driver failures come out as {@link SQLException}. */
    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        return run(dataSource, false, work);
    }

    /**
     * Runs read-only {@code work} on one snapshot (REPEATABLE READ), so that several statements see the same state
     * (a group's row and its members).
     */
    public static <T> T inSnapshot(DataSource dataSource, Work<T> work) throws SQLException {
        return run(dataSource, true, work);
    }

    private static <T> T run(DataSource dataSource, boolean snapshot, Work<T> work) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(dataSource, snapshot, work);
            } catch (SQLException e) {
                if (attempt >= MAX_ATTEMPTS || !SqlFailures.isRetryable(e)) {
                    throw e;
                }
            }
        }
    }

    private static <T> T once(DataSource dataSource, boolean snapshot, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            if (snapshot && isolation != Connection.TRANSACTION_REPEATABLE_READ) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                T result = work.run(connection, Dialect.of(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restore(connection, autoCommit, isolation);
            }
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // A dropped connection cannot roll back, and needs not: the server already discarded the transaction.
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static void restore(Connection connection, boolean autoCommit, int isolation) {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (connection.getTransactionIsolation() != isolation) {
                connection.setTransactionIsolation(isolation);
            }
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it.
        }
    }
}

package dev.fedbroker.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
            Dialect dialect = Dialect.of(connection);
            boolean autoCommit = connection.getAutoCommit();
            if (autoCommit) {
                connection.setAutoCommit(false);
            }
            int restoreIsolation = Connection.TRANSACTION_NONE;
            try {
                if (snapshot) {
                    restoreIsolation = beginSnapshot(connection, dialect);
                }
                T result = work.run(connection, dialect);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            } finally {
                restore(connection, autoCommit, restoreIsolation);
            }
        }
    }

    /**
     * Makes the transaction just begun see one snapshot. PostgreSQL: for this transaction only, so nothing to restore
     * (and no round trip to ask the current level). H2: on the connection; returns the level to restore.
     */
    private static int beginSnapshot(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            }
            return Connection.TRANSACTION_NONE;
        }
        int isolation = connection.getTransactionIsolation();
        if (isolation == Connection.TRANSACTION_REPEATABLE_READ || isolation == Connection.TRANSACTION_SERIALIZABLE) {
            return Connection.TRANSACTION_NONE;
        }
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        return isolation;
    }

    /** Runs one statement in auto-commit mode (or commits it when the pool hands out manual-commit connections). */
    public static <T> T singleStatement(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.getAutoCommit()) {
                return work.run(connection, Dialect.of(connection));
            }
            try {
                T result = work.run(connection, Dialect.of(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
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
            if (isolation != Connection.TRANSACTION_NONE) {
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

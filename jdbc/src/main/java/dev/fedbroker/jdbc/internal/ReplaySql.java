package dev.fedbroker.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/** The replay cache's statements. Each put is ONE statement, so two instances racing on a key let one through. */
public final class ReplaySql {
    /** Keys up to this length are stored as given; longer ones as a SHA-256 digest (the column holds 512). */
    public static final int MAX_PLAIN_KEY = 256;

    /*
     * PostgreSQL: insert, or take over an expired row; a live row is left alone and the update count is 0. Two racing
     * statements serialize on the row: the loser re-checks the WHERE against the winner's row and updates nothing.
     */
    private static final String PUT_POSTGRESQL = "INSERT INTO fedbroker_replay (replay_key, expires_at) VALUES (?, ?)"
            + " ON CONFLICT (replay_key) DO UPDATE SET expires_at = EXCLUDED.expires_at"
            + " WHERE fedbroker_replay.expires_at <= ?";

    /*
     * H2 has no ON CONFLICT ... DO UPDATE; its MERGE does the same in one statement. A concurrent insert of the same
     * new key makes one MERGE fail with a unique violation: that caller lost the race (see put()).
     */
    private static final String PUT_H2 = "MERGE INTO fedbroker_replay r"
            + " USING (VALUES (CAST(? AS VARCHAR(512)), CAST(? AS TIMESTAMP WITH TIME ZONE))) AS n(replay_key, expires_at)"
            + " ON r.replay_key = n.replay_key"
            + " WHEN MATCHED AND r.expires_at <= ? THEN UPDATE SET expires_at = n.expires_at"
            + " WHEN NOT MATCHED THEN INSERT (replay_key, expires_at) VALUES (n.replay_key, n.expires_at)";

    private static final String PURGE_POSTGRESQL = "DELETE FROM fedbroker_replay WHERE replay_key IN"
            + " (SELECT replay_key FROM fedbroker_replay WHERE expires_at <= ? LIMIT ?)";

    /* H2 re-ran the IN (SELECT ... LIMIT) subquery per scanned row (93% of a put's time in the profile); its DELETE
     * takes the bound directly. */
    private static final String PURGE_H2 = "DELETE FROM fedbroker_replay WHERE expires_at <= ? FETCH FIRST ? ROWS ONLY";

    private ReplaySql() {
    }

    /** True when {@code key} was absent or expired at {@code now} and is now remembered until {@code expiresAt}. */
    public static boolean put(Connection connection, Dialect dialect, String key, Instant expiresAt, Instant now)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                dialect == Dialect.POSTGRESQL ? PUT_POSTGRESQL : PUT_H2)) {
            statement.setString(1, storedKey(key));
            statement.setObject(2, timestamp(expiresAt));
            statement.setObject(3, timestamp(now));
            return statement.executeUpdate() == 1;
        } catch (SQLException e) {
            if (dialect == Dialect.H2 && SqlFailures.UNIQUE_VIOLATION.equals(SqlFailures.stateOf(e))) {
                return false;
            }
            throw e;
        }
    }

    /** Deletes at most {@code maxRows} rows expired at {@code now}; returns how many. */
    public static int purge(Connection connection, Dialect dialect, Instant now, int maxRows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                dialect == Dialect.POSTGRESQL ? PURGE_POSTGRESQL : PURGE_H2)) {
            statement.setObject(1, timestamp(now));
            statement.setInt(2, maxRows);
            return statement.executeUpdate();
        }
    }

    /** The key as stored: itself when short, otherwise a digest that cannot collide with a short key. */
    public static String storedKey(String key) {
        if (key.length() <= MAX_PLAIN_KEY) {
            return key;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            // Longer than MAX_PLAIN_KEY, so no plain key can equal it.
            return "sha256:" + HexFormat.of().formatHex(digest) + "-".repeat(MAX_PLAIN_KEY - 70);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Instants as stored: microsecond precision (what both databases keep), in UTC. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}

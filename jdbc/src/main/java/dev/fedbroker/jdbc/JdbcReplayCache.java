package dev.fedbroker.jdbc;

import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.jdbc.internal.ReplaySql;
import dev.fedbroker.jdbc.internal.SqlFailures;
import dev.fedbroker.jdbc.internal.Transactions;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReplayCache} in a database table ({@code fedbroker_replay}), shared by every instance that uses the same
 * database. Each {@link #putIfAbsent} is one atomic statement, so of two instances that race on one assertion id
 * exactly one is told "first use"; an expired row counts as absent. Expired rows are deleted in bounded batches, by
 * {@link #purgeExpired(int)} and, unless disabled, every few hundred puts. Thread-safe.
 *
 * <p>Failures surface as {@link JdbcStoreException}: a caller that cannot tell whether an assertion was seen must
 * refuse it (fail closed). Run {@link FedbrokerSchema#migrate(DataSource)} once before use.
 */
public final class JdbcReplayCache implements ReplayCache {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcReplayCache.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final int purgeEvery;
    private final int purgeBatch;
    private final AtomicInteger putsSincePurge = new AtomicInteger();

    private JdbcReplayCache(Builder builder) {
        this.dataSource = builder.dataSource;
        this.clock = builder.clock;
        this.purgeEvery = builder.purgeEvery;
        this.purgeBatch = builder.purgeBatch;
    }

    /** A builder over {@code dataSource} (a pool such as HikariCP in production). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * {@inheritDoc}
     *
     * @throws JdbcStoreException when the database cannot answer (the caller must refuse the assertion)
     */
    @Override
    public boolean putIfAbsent(String key, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        boolean fresh;
        try {
            fresh = Transactions.singleStatement(dataSource,
                    (connection, dialect) -> ReplaySql.put(connection, dialect, key, expiresAt, now));
        } catch (SQLException e) {
            throw SqlFailures.wrap("Recording a one-time id in the replay cache", e);
        }
        if (purgeEvery > 0 && putsSincePurge.incrementAndGet() >= purgeEvery) {
            putsSincePurge.set(0);
            purgeQuietly();
        }
        return fresh;
    }

    /**
     * Deletes at most {@code maxRows} rows that expired by now (by the injected clock), in one short statement.
     *
     * @return how many rows were deleted; fewer than {@code maxRows} means none are left
     * @throws JdbcStoreException when the database cannot answer
     */
    public int purgeExpired(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive, was " + maxRows);
        }
        Instant now = clock.instant();
        try {
            return Transactions.singleStatement(dataSource,
                    (connection, dialect) -> ReplaySql.purge(connection, dialect, now, maxRows));
        } catch (SQLException e) {
            throw SqlFailures.wrap("Purging expired replay-cache rows", e);
        }
    }

    private void purgeQuietly() {
        try {
            int purged = purgeExpired(purgeBatch);
            LOG.debug("Purged {} expired replay-cache rows", purged);
        } catch (JdbcStoreException e) {
            // The put itself succeeded; the next purge catches up.
            LOG.warn("Purging expired replay-cache rows failed ({}): {}", e.reason(), e.getMessage());
        }
    }

    /** Builds a {@link JdbcReplayCache}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private int purgeEvery = 256;
        private int purgeBatch = 1024;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The clock that decides whether a row has expired (default: system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Purge up to {@code batch} expired rows after every {@code everyPuts} puts (default: 1024 rows every 256
         * puts, which deletes faster than puts insert). {@code everyPuts = 0} disables it: then call
         * {@link #purgeExpired(int)} on a schedule.
         */
        public Builder autoPurge(int everyPuts, int batch) {
            if (everyPuts < 0 || batch < 1) {
                throw new IllegalArgumentException("everyPuts >= 0 and batch >= 1 expected; found " + everyPuts
                        + ", " + batch);
            }
            this.purgeEvery = everyPuts;
            this.purgeBatch = batch;
            return this;
        }

        public JdbcReplayCache build() {
            return new JdbcReplayCache(this);
        }
    }
}

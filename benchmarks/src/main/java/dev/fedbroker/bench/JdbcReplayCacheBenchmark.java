package dev.fedbroker.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fedbroker.jdbc.FedbrokerSchema;
import dev.fedbroker.jdbc.JdbcReplayCache;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Replay-cache put-if-absent on module jdbc's {@link JdbcReplayCache} (issue 9): embedded H2 in PostgreSQL mode, and
 * a real PostgreSQL server, through a HikariCP pool, at a steady state of 10,000 unexpired rows (same fake clock as
 * {@link ReplayCacheBenchmark}: one millisecond per put, rows live 10 seconds, the cache's own batched purge removes
 * expired rows). PostgreSQL comes from FEDBROKER_TEST_PG_URL, _USER and _PASSWORD (what {@code .ci/postgres.sh start}
 * prints; run.sh starts one when PostgreSQL is installed); without them its setup fails with that message.
 *
 * <p>Shared JMH state (Scope.Benchmark): thread-safe as its cache and key counter are.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class JdbcReplayCacheBenchmark {

    static final int LIVE = 10_000;

    @Param({"h2", "postgresql"})
    public String database;

    final ReplayCacheBenchmark keys = new ReplayCacheBenchmark();
    HikariDataSource pool;

    @Setup(Level.Trial)
    public void setup() {
        pool = pool(database);
        FedbrokerSchema.migrate(pool);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM fedbroker_replay");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty fedbroker_replay on " + database, e);
        }
        keys.live = LIVE;
        Clock clock = keys.clock();
        keys.cache = JdbcReplayCache.builder(pool).clock(clock).build();
        for (int i = 0; i < LIVE; i++) {
            keys.putFresh();
        }
    }

    static HikariDataSource pool(String store) {
        HikariConfig config = new HikariConfig();
        if (store.equals("h2")) {
            config.setJdbcUrl("jdbc:h2:mem:fedbroker-bench-" + UUID.randomUUID()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            config.setUsername("sa");
            config.setPassword("");
        } else if (store.equals("postgresql")) {
            String url = System.getenv("FEDBROKER_TEST_PG_URL");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException("no PostgreSQL: set FEDBROKER_TEST_PG_URL, _USER and _PASSWORD"
                        + " (eval \"$(bash .ci/postgres.sh start)\" starts a throwaway server and prints them)");
            }
            config.setJdbcUrl(url);
            config.setUsername(System.getenv().getOrDefault("FEDBROKER_TEST_PG_USER", "postgres"));
            config.setPassword(System.getenv().getOrDefault("FEDBROKER_TEST_PG_PASSWORD", ""));
        } else {
            throw new IllegalArgumentException("unknown store " + store + "; known: h2, postgresql");
        }
        config.setMaximumPoolSize(4);
        config.setPoolName("bench-" + store);
        return new HikariDataSource(config);
    }

    @TearDown(Level.Trial)
    public void close() {
        pool.close();
    }

    @Benchmark
    public boolean putFresh() {
        return keys.putFresh();
    }
}

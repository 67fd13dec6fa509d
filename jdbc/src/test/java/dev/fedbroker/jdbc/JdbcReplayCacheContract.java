package dev.fedbroker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.fedbroker.core.ReplayCache;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The replay-cache contract plus what only a shared database gives: bounded purges, and two instances (two
 * connection pools on one database) racing on the same assertion ids. Subclasses say which database.
 */
abstract class JdbcReplayCacheContract extends ReplayCacheContract {
    private final List<HikariDataSource> pools = new ArrayList<>();
    private DataSource dataSource;

    /** A new connection pool on this class's database (a second call is a second "instance"). */
    protected abstract HikariDataSource openPool(String name, int size);

    @BeforeEach
    void openDatabase() {
        dataSource = track(openPool("instance-a", 6));
        TestDatabases.migrateAndClean(dataSource);
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Override
    protected ReplayCache cache() {
        return JdbcReplayCache.builder(dataSource).clock(clock).autoPurge(0, 1).build();
    }

    @Test
    void purgeExpiredWhenMoreRowsExpiredThanTheBatchThenDeletesAtMostTheBatch() {
        JdbcReplayCache cache = JdbcReplayCache.builder(dataSource).clock(clock).autoPurge(0, 1).build();
        for (int i = 0; i < 25; i++) {
            cache.putIfAbsent("_short-" + i, START.plusSeconds(60));
        }
        for (int i = 0; i < 5; i++) {
            cache.putIfAbsent("_long-" + i, START.plusSeconds(600));
        }
        clock.advance(Duration.ofSeconds(120));

        assertThat(List.of(cache.purgeExpired(10), cache.purgeExpired(10), cache.purgeExpired(10),
                cache.purgeExpired(10))).containsExactly(10, 10, 5, 0);
        assertThat(rows()).isEqualTo(5);
        assertThat(cache.putIfAbsent("_long-3", START.plusSeconds(600))).isFalse();
    }

    @Test
    void putIfAbsentWhenAutoPurgeOnThenExpiredRowsGoAway() {
        JdbcReplayCache cache = JdbcReplayCache.builder(dataSource).clock(clock).autoPurge(10, 100).build();
        for (int i = 0; i < 9; i++) {
            cache.putIfAbsent("_old-" + i, START.plusSeconds(60));
        }
        clock.advance(Duration.ofSeconds(120));

        cache.putIfAbsent("_new", START.plusSeconds(600));

        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void putIfAbsentWhenTwoInstancesReplayTheSameTenThousandIdsThenExactlyTenThousandAccepted() throws Exception {
        int ids = 10_000;
        int threadsPerInstance = 3;
        ReplayCache first = JdbcReplayCache.builder(dataSource).clock(clock).build();
        ReplayCache second = JdbcReplayCache.builder(track(openPool("instance-b", 6))).clock(clock).build();

        long accepted = race(2 * threadsPerInstance, worker -> () -> {
            ReplayCache instance = worker % 2 == 0 ? first : second;
            int share = worker / 2;
            long mine = 0;
            // Each instance replays all ids, split among its threads in the same order as the other instance's
            // threads, so every id is raced by both instances at about the same moment.
            for (int i = share; i < ids; i += threadsPerInstance) {
                if (instance.putIfAbsent("_assertion-" + i, START.plusSeconds(300))) {
                    mine++;
                }
            }
            return mine;
        });

        assertThat(accepted).isEqualTo(ids);
        assertThat(rows()).isEqualTo(ids);
    }

    private HikariDataSource track(HikariDataSource pool) {
        pools.add(pool);
        return pool;
    }

    private int rows() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM fedbroker_replay")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

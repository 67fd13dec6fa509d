package dev.fedbroker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ReplayCache} does, whatever it stores into: run against core's in-memory cache, H2 and
 * PostgreSQL by the subclasses.
 */
abstract class ReplayCacheContract {
    static final Instant START = Instant.parse("2024-05-01T10:00:00.123456Z");

    protected final MutableClock clock = MutableClock.at(START);

    /** A cache on an empty store, reading {@link #clock}. */
    protected abstract ReplayCache cache();

    @Test
    void putIfAbsentWhenKeyNewThenAccepts() {
        assertThat(cache().putIfAbsent("_a1", START.plusSeconds(300))).isTrue();
    }

    @Test
    void putIfAbsentWhenKeyRememberedThenRefuses() {
        ReplayCache cache = cache();
        cache.putIfAbsent("_a1", START.plusSeconds(300));

        assertThat(cache.putIfAbsent("_a1", START.plusSeconds(300))).isFalse();
        assertThat(cache.putIfAbsent("_a1", START.plusSeconds(900))).isFalse();
    }

    @Test
    void putIfAbsentWhenOneMicrosecondBeforeExpiryThenRefuses() {
        ReplayCache cache = cache();
        cache.putIfAbsent("_a1", START.plusSeconds(300));
        clock.advance(Duration.ofSeconds(300).minusNanos(1_000));

        assertThat(cache.putIfAbsent("_a1", START.plusSeconds(900))).isFalse();
    }

    @Test
    void putIfAbsentWhenEntryExpiredThenAcceptsAgainAndRemembersTheNewExpiry() {
        ReplayCache cache = cache();
        cache.putIfAbsent("_a1", START.plusSeconds(300));
        clock.advance(Duration.ofSeconds(300));

        assertThat(cache.putIfAbsent("_a1", START.plusSeconds(900))).isTrue();
        clock.advance(Duration.ofSeconds(300));
        assertThat(cache.putIfAbsent("_a1", START.plusSeconds(900))).isFalse();
    }

    @Test
    void putIfAbsentWhenKeysDifferOnlyInCaseThenBothAccepted() {
        ReplayCache cache = cache();

        assertThat(cache.putIfAbsent("_abc", START.plusSeconds(300))).isTrue();
        assertThat(cache.putIfAbsent("_ABC", START.plusSeconds(300))).isTrue();
    }

    @Test
    void putIfAbsentWhenKeysAreLongThenEachRememberedOnItsOwn() {
        ReplayCache cache = cache();
        String base = "_" + "x".repeat(2_000);

        assertThat(cache.putIfAbsent(base + "1", START.plusSeconds(300))).isTrue();
        assertThat(cache.putIfAbsent(base + "2", START.plusSeconds(300))).isTrue();
        assertThat(cache.putIfAbsent(base + "1", START.plusSeconds(300))).isFalse();
    }

    @Test
    void putIfAbsentWhenThreadsRaceOnTheSameKeysThenEachKeyAcceptedOnce() throws Exception {
        ReplayCache cache = cache();
        int keys = 500;
        long accepted = race(4, worker -> () -> {
            long mine = 0;
            for (int i = 0; i < keys; i++) {
                int k = (i + worker * 97) % keys;
                if (cache.putIfAbsent("_race-" + k, START.plusSeconds(300))) {
                    mine++;
                }
            }
            return mine;
        });

        assertThat(accepted).isEqualTo(keys);
    }

    @Test
    void putIfAbsentWhenThreadsRaceToTakeOverExpiredKeysThenEachKeyAcceptedOnce() throws Exception {
        ReplayCache cache = cache();
        int keys = 300;
        for (int k = 0; k < keys; k++) {
            cache.putIfAbsent("_old-" + k, START.plusSeconds(60));
        }
        clock.advance(Duration.ofSeconds(120));

        long accepted = race(4, worker -> () -> {
            long mine = 0;
            for (int i = 0; i < keys; i++) {
                if (cache.putIfAbsent("_old-" + ((i + worker * 31) % keys), START.plusSeconds(600))) {
                    mine++;
                }
            }
            return mine;
        });

        assertThat(accepted).isEqualTo(keys);
    }

    /** Runs {@code threads} workers at once and adds up what they return. */
    static long race(int threads, java.util.function.IntFunction<Callable<Long>> worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(worker.apply(t)));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}

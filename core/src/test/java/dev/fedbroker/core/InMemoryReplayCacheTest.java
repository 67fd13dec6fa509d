package dev.fedbroker.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.fedbroker.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryReplayCacheTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final MutableClock clock = MutableClock.at(T0);

    @Test
    void putIfAbsentWhenKeyIsNewThenAccepts() {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock);

        assertThat(cache.putIfAbsent("_a1", T0.plusSeconds(300))).isTrue();
    }

    @Test
    void putIfAbsentWhenKeyIsRememberedThenRefusesReplay() {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock);
        cache.putIfAbsent("_a1", T0.plusSeconds(300));
        clock.advance(Duration.ofSeconds(299));

        assertThat(cache.putIfAbsent("_a1", T0.plusSeconds(600))).isFalse();
    }

    @Test
    void putIfAbsentWhenEarlierEntryExpiredThenAcceptsAgain() {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock);
        cache.putIfAbsent("_a1", T0.plusSeconds(300));
        clock.advance(Duration.ofSeconds(300));

        assertThat(cache.putIfAbsent("_a1", T0.plusSeconds(900))).isTrue();
        assertThat(cache.putIfAbsent("_a1", T0.plusSeconds(900))).isFalse();
    }

    @Test
    void putIfAbsentWhenFullOfUnexpiredEntriesThenFailsClosed() {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.putIfAbsent("_k" + i, T0.plusSeconds(60))).isTrue();
        }

        assertThatIllegalStateException().isThrownBy(() -> cache.putIfAbsent("_k3", T0.plusSeconds(60)));
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void putIfAbsentWhenFullButEntriesExpiredThenPurgesAndAccepts() {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock, 3);
        for (int i = 0; i < 3; i++) {
            cache.putIfAbsent("_k" + i, T0.plusSeconds(60));
        }
        clock.advance(Duration.ofSeconds(61));

        assertThat(cache.putIfAbsent("_k3", T0.plusSeconds(600))).isTrue();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void putIfAbsentWhenManyEntriesExpiredThenPurgedWithinAQuarterOfTheCacheSizeInInserts() {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock, 100_000);
        for (int i = 0; i < 20_000; i++) {
            cache.putIfAbsent("_old" + i, T0.plusSeconds(60));
        }
        clock.advance(Duration.ofSeconds(61));

        for (int i = 0; i < 20_000 / 4 + 1; i++) {
            assertThat(cache.putIfAbsent("_new" + i, T0.plusSeconds(600))).isTrue();
        }

        assertThat(cache.size()).isLessThanOrEqualTo(20_000 / 4 + 1);
        assertThat(cache.putIfAbsent("_new0", T0.plusSeconds(600))).isFalse();
    }

    @Test
    void constructorWhenCapacityNotPositiveThenRejects() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryReplayCache(clock, 0));
    }

    @Test
    void putIfAbsentWhenManyThreadsRaceOnOneKeyThenExactlyOneWins() throws Exception {
        InMemoryReplayCache cache = new InMemoryReplayCache(clock);
        int threads = 16;
        for (int round = 0; round < 50; round++) {
            String key = "_race" + round;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return cache.putIfAbsent(key, T0.plusSeconds(300));
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Boolean> f : results) {
                    winners += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("round %d", round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}

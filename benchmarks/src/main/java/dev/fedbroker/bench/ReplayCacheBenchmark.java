package dev.fedbroker.bench;

import dev.fedbroker.core.InMemoryReplayCache;
import dev.fedbroker.core.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Replay-cache put-if-absent of fresh assertion keys at a steady state of {@code live} unexpired entries: each
 * operation moves a fake clock on by one millisecond and remembers its key for {@code live} milliseconds, so entries
 * expire as fast as they arrive, as in production. Every put must return true (a false would be a false REPLAYED).
 *
 * <p>Store: core's {@link InMemoryReplayCache}; the JDBC stores are {@link JdbcReplayCacheBenchmark}.
 *
 * <p>Shared JMH state (Scope.Benchmark): thread-safe (atomic key counter, thread-safe cache).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ReplayCacheBenchmark {

    @Param({"memory"})
    public String store;

    @Param({"10000", "1000000"})
    public int live;

    final AtomicLong tick = new AtomicLong();
    final Instant base = Instant.parse("2026-01-01T00:00:00Z");
    ReplayCache cache;

    @Setup(Level.Trial)
    public void setup() {
        cache = cache(store);
        for (int i = 0; i < live; i++) {
            putFresh();
        }
    }

    /** A clock one millisecond past {@link #base} per put so far. */
    Clock clock() {
        return new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return base.plusMillis(tick.get()); }
        };
    }

    ReplayCache cache(String name) {
        if (name.equals("memory")) {
            return new InMemoryReplayCache(clock(), Math.max(InMemoryReplayCache.DEFAULT_MAX_ENTRIES, 2 * live));
        }
        throw new IllegalArgumentException("unknown replay cache store " + name + "; known: memory");
    }

    @Benchmark
    public boolean putFresh() {
        long t = tick.incrementAndGet();
        boolean fresh = cache.putIfAbsent("https://sts.windows.net/8b966979/|_" + t, base.plusMillis(t + live));
        if (!fresh) {
            throw new IllegalStateException("a fresh key was refused as REPLAYED at tick " + t);
        }
        return fresh;
    }
}

package dev.fedbroker.bench;

import dev.fedbroker.core.InMemoryReplayCache;
import dev.fedbroker.core.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The real {@link InMemoryReplayCache}, forgotten once per pass over a {@link ResponsePool}, so that a benchmark can
 * cycle through a finite pool of signed responses without any of them being REPLAYED, while every validation still
 * performs a real put-if-absent that must return true.
 *
 * <p>Two caches alternate: the calling thread says which pass it is in ({@link #enter(long)}, a thread-local), pass
 * {@code e} writes to cache {@code e & 1}, and halfway through pass {@code e} the cache of pass {@code e + 1} is
 * replaced by an empty one. This is correct as long as no thread lags another by half a pool, which with 2 threads
 * and pools of thousands never happens. Thread-safe.
 */
final class EpochReplayCache implements ReplayCache {

    private final Clock clock;
    private final AtomicReferenceArray<InMemoryReplayCache> caches = new AtomicReferenceArray<>(2);
    private final ThreadLocal<long[]> epoch = ThreadLocal.withInitial(() -> new long[1]);

    EpochReplayCache(Clock clock) {
        this.clock = clock;
        caches.set(0, new InMemoryReplayCache(clock));
        caches.set(1, new InMemoryReplayCache(clock));
    }

    /** The calling thread's next validation belongs to pass {@code e}. */
    void enter(long e) {
        epoch.get()[0] = e;
    }

    /** Empties the cache that pass {@code e} will use; called halfway through pass {@code e - 1}. */
    void prepare(long e) {
        caches.set((int) (e & 1), new InMemoryReplayCache(clock));
    }

    @Override
    public boolean putIfAbsent(String key, Instant expiresAt) {
        return caches.get((int) (epoch.get()[0] & 1)).putIfAbsent(key, expiresAt);
    }
}

package dev.fedbroker.bench;

import dev.fedbroker.core.InMemoryReplayCache;
import dev.fedbroker.core.ReplayCache;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real {@link InMemoryReplayCache}, one per pass over a {@link ResponsePool}, so that a benchmark can cycle
 * through a finite pool of signed responses without any of them being REPLAYED, while every validation still
 * performs a real put-if-absent that must return true.
 *
 * <p>The calling thread says which pass its next validation belongs to ({@link #enter(long)}, a thread-local), and
 * its put goes to that pass's cache. Within a pass each response is handed out once, so no key can meet itself, however
 * far one thread lags behind another (a preempted thread on a busy machine can lag by hundreds of operations). When a
 * pass starts, caches older than the previous pass are dropped ({@link #startPass(long)}). Thread-safe.
 */
final class EpochReplayCache implements ReplayCache {

    private final Clock clock;
    private final ConcurrentHashMap<Long, InMemoryReplayCache> caches = new ConcurrentHashMap<>();
    private final ThreadLocal<long[]> pass = ThreadLocal.withInitial(() -> new long[1]);

    EpochReplayCache(Clock clock) {
        this.clock = clock;
    }

    /** The calling thread's next validation belongs to pass {@code p}. */
    void enter(long p) {
        pass.get()[0] = p;
    }

    /** Pass {@code p} starts: forget the passes before {@code p - 1} (a straggler recreates its own, empty). */
    void startPass(long p) {
        caches.keySet().removeIf(old -> old < p - 1);
    }

    @Override
    public boolean putIfAbsent(String key, Instant expiresAt) {
        return caches.computeIfAbsent(pass.get()[0], p -> new InMemoryReplayCache(clock)).putIfAbsent(key, expiresAt);
    }
}

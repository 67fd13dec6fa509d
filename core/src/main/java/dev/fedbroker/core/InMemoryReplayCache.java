package dev.fedbroker.core;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link ReplayCache} for one JVM: thread-safe, bounded, and driven by the injected clock. Entries are dropped once
 * expired. When full of unexpired entries it refuses new keys by throwing (fail closed) rather than forgetting
 * old ones, which would reopen them to replay. Use a shared implementation (module {@code jdbc}) across instances.
 */
public final class InMemoryReplayCache implements ReplayCache {

    /** Default capacity: about an hour of logins at 250 per second. */
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    private final ConcurrentHashMap<String, Instant> entries = new ConcurrentHashMap<>();
    private final AtomicInteger insertsSincePurge = new AtomicInteger();
    private final Clock clock;
    private final int maxEntries;

    public InMemoryReplayCache(Clock clock) {
        this(clock, DEFAULT_MAX_ENTRIES);
    }

    public InMemoryReplayCache(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public boolean putIfAbsent(String key, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant now = clock.instant();
        // A purge scans every entry: run it once per quarter of the cache's size in inserts (at least 1024), so that
        // its cost per insert stays constant (about 4 entries visited) instead of growing with the cache.
        int size = entries.size();
        if (insertsSincePurge.incrementAndGet() >= Math.max(1024, size / 4) || size >= maxEntries) {
            insertsSincePurge.set(0);
            purgeExpired(now);
        }
        if (entries.size() >= maxEntries) {
            throw new IllegalStateException("Replay cache is full (" + maxEntries + " unexpired entries); refusing"
                    + " new assertions rather than forgetting old ones. Raise maxEntries or use a shared cache.");
        }
        boolean[] fresh = {false};
        entries.compute(key, (k, existing) -> {
            if (existing == null || !existing.isAfter(now)) {
                fresh[0] = true;
                return expiresAt;
            }
            return existing;
        });
        return fresh[0];
    }

    /** Number of remembered keys, expired or not (for tests and metrics). */
    public int size() {
        return entries.size();
    }

    private void purgeExpired(Instant now) {
        entries.entrySet().removeIf(e -> !e.getValue().isAfter(now));
    }
}

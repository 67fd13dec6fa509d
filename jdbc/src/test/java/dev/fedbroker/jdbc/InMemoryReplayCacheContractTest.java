package dev.fedbroker.jdbc;

import dev.fedbroker.core.InMemoryReplayCache;
import dev.fedbroker.core.ReplayCache;

/** The replay-cache contract on core's in-memory cache: the reference the JDBC caches must match. */
class InMemoryReplayCacheContractTest extends ReplayCacheContract {
    @Override
    protected ReplayCache cache() {
        return new InMemoryReplayCache(clock);
    }
}

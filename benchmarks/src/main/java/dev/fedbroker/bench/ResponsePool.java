package dev.fedbroker.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Distinct signed responses (each with its own assertion ID), handed out round-robin to any number of threads. Each
 * pass over the pool is one epoch of its {@link EpochReplayCache}, so no response is ever presented twice to the same
 * cache generation. Thread-safe.
 */
final class ResponsePool {

    private final String[] responses;
    private final EpochReplayCache replayCache;
    private final AtomicLong cursor = new AtomicLong();

    ResponsePool(List<String> responses, EpochReplayCache replayCache) {
        if (responses.size() < 64) {
            throw new IllegalArgumentException("a pool needs at least 64 responses, found " + responses.size());
        }
        this.responses = responses.toArray(String[]::new);
        this.replayCache = replayCache;
    }

    /** The next response; the calling thread's following put-if-absent goes to this response's epoch. */
    String next() {
        long n = cursor.getAndIncrement();
        int i = (int) (n % responses.length);
        long pass = n / responses.length;
        if (i == 0) {
            replayCache.startPass(pass);
        }
        replayCache.enter(pass);
        return responses[i];
    }

    int size() {
        return responses.length;
    }
}

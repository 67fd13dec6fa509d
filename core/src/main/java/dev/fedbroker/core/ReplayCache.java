package dev.fedbroker.core;

import java.time.Instant;

/**
 * Remembers one-time identifiers (SAML assertion ids) until they expire, so that a second use is refused.
 * Implementations are thread-safe, and shared by every instance of a host app that runs several.
 */
@FunctionalInterface
public interface ReplayCache {

    /**
     * Records {@code key} until {@code expiresAt}, atomically.
     *
     * @return true when the key was not known (first use: accept), false when it is still remembered (a replay:
     *         refuse). An implementation that cannot decide (full, unreachable) throws, and callers fail closed.
     */
    boolean putIfAbsent(String key, Instant expiresAt);
}

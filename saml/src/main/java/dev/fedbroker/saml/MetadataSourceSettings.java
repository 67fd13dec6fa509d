package dev.fedbroker.saml;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/** A {@link MetadataSource}'s fixed configuration. Immutable (the clock and executor are thread-safe by contract). */
record MetadataSourceSettings(Clock clock, Duration refreshInterval, Duration retryInterval,
                              List<X509Certificate> pinnedSigners, Optional<String> expectedEntityId,
                              Optional<ScheduledExecutorService> scheduler, Duration checkEvery) {
    MetadataSourceSettings {
        pinnedSigners = List.copyOf(pinnedSigners);
    }
}

package dev.fedbroker.saml;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The health of a {@link MetadataSource}, for monitoring: which copy is in use and how the last attempt went.
 * Immutable and thread-safe.
 *
 * @param source              where the metadata comes from (a URL without its query, a file, or "metadata text")
 * @param loadedAt            when the copy in use was loaded (by the source's clock)
 * @param lastAttempt         when a load was last attempted
 * @param nextAttempt         when {@link MetadataSource#refreshIfDue()} will next load
 * @param consecutiveFailures failed attempts since the last success (0 when the last attempt succeeded)
 * @param lastFailure         why the last attempt failed, when it did (METADATA_UNAVAILABLE, METADATA_MALFORMED,
 *                            METADATA_SIGNATURE_INVALID or METADATA_ENTITY_ID_CHANGED); the copy in use is kept
 * @param signingCertificates how many IdP signing certificates the copy in use trusts
 */
public record MetadataStatus(String source, Instant loadedAt, Instant lastAttempt, Instant nextAttempt,
                             int consecutiveFailures, Optional<SamlValidationException.Problem> lastFailure,
                             int signingCertificates) {

    public MetadataStatus {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(loadedAt, "loadedAt");
        Objects.requireNonNull(lastAttempt, "lastAttempt");
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        Objects.requireNonNull(lastFailure, "lastFailure");
    }

    /** True when the last attempt succeeded. */
    public boolean healthy() {
        return consecutiveFailures == 0;
    }
}

package dev.fedbroker.saml.internal;

import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.saml.ValidationLimits;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the SP's own side of the conversation needs (AuthnRequest, metadata, logout), fixed when the ServiceProvider
 * is built. Immutable and thread-safe (the clock and replay cache are thread-safe by contract).
 *
 * @param singleLogoutService   this SP's SLO endpoint (HTTP-Redirect), if logout is used
 * @param signingKey            the SP's RSA signing key, if messages are signed
 * @param signingCertificates   the certificate of {@code signingKey} first, then rollover certificates to publish
 * @param encryptionCertificates certificates published for assertion encryption
 * @param logoutIssuers         the configured accepted logout Issuers; empty means derived from the IdP
 * @param maxMessageAge         how old an inbound logout message's IssueInstant may be, on top of the skew
 */
public record SpSettings(
        String entityId,
        String assertionConsumerService,
        Optional<String> singleLogoutService,
        Optional<PrivateKey> signingKey,
        List<X509Certificate> signingCertificates,
        List<X509Certificate> encryptionCertificates,
        int relayStateMaxBytes,
        boolean requireSignedLogoutMessages,
        Optional<Set<String>> logoutIssuers,
        List<String> metadataNameIdFormats,
        boolean wantAssertionsSigned,
        Clock clock,
        Duration clockSkew,
        Duration maxMessageAge,
        ReplayCache replayCache,
        boolean allowSha1,
        ValidationLimits limits) {

    public SpSettings {
        signingCertificates = List.copyOf(signingCertificates);
        encryptionCertificates = List.copyOf(encryptionCertificates);
        logoutIssuers = logoutIssuers.map(Set::copyOf);
        metadataNameIdFormats = List.copyOf(metadataNameIdFormats);
    }
}

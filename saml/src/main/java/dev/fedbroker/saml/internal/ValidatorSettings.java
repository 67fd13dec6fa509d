package dev.fedbroker.saml.internal;

import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.saml.ValidationLimits;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything the validator needs, fixed when the ServiceProvider is built. Immutable and thread-safe (the replay
 * cache and clock are thread-safe by contract).
 */
public record ValidatorSettings(
        String spEntityId,
        String assertionConsumerService,
        String idpEntityId,
        List<X509Certificate> idpCertificates,
        List<PrivateKey> decryptionKeys,
        Duration clockSkew,
        Duration maxResponseAge,
        Clock clock,
        ReplayCache replayCache,
        boolean allowUnsolicited,
        boolean allowSha1,
        ValidationLimits limits,
        boolean requireSignedResponse,
        boolean requireSignedAssertion) {

    public ValidatorSettings {
        idpCertificates = List.copyOf(idpCertificates);
        decryptionKeys = List.copyOf(decryptionKeys);
    }
}

package dev.fedbroker.testing.internal;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * How an assertion is encrypted. Immutable.
 *
 * @param recipient                   the SP certificate whose public key wraps the content key
 * @param contentAlgorithm            EncryptedData EncryptionMethod URI (AES)
 * @param keyTransportAlgorithm       EncryptedKey EncryptionMethod URI (RSA)
 * @param includeRecipientCertificate whether the EncryptedKey's KeyInfo carries the recipient certificate
 */
public record EncryptionSpec(X509Certificate recipient, String contentAlgorithm, String keyTransportAlgorithm,
        boolean includeRecipientCertificate) {

    /** Validates that nothing is null. */
    public EncryptionSpec {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(contentAlgorithm, "contentAlgorithm");
        Objects.requireNonNull(keyTransportAlgorithm, "keyTransportAlgorithm");
    }
}

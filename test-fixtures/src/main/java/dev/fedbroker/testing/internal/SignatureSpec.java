package dev.fedbroker.testing.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What an enveloped signature is made with. Immutable (the key and certificate are not copied).
 *
 * @param key                the signing key
 * @param certificate        the certificate put in KeyInfo
 * @param includeKeyInfo     whether KeyInfo/X509Data/X509Certificate is written
 * @param signatureAlgorithm SignatureMethod URI
 * @param digestAlgorithm    DigestMethod URI
 * @param style              how the References are laid out
 */
public record SignatureSpec(PrivateKey key, X509Certificate certificate, boolean includeKeyInfo,
        String signatureAlgorithm, String digestAlgorithm, ReferenceStyle style) {

    /** Validates that nothing is null. */
    public SignatureSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(signatureAlgorithm, "signatureAlgorithm");
        Objects.requireNonNull(digestAlgorithm, "digestAlgorithm");
        Objects.requireNonNull(style, "style");
    }
}

package dev.fedbroker.bench;

import dev.fedbroker.testing.ResponseBuilder;
import java.security.cert.X509Certificate;

/** The three response shapes the issue names, as Azure AD's signing options produce them. Immutable. */
public enum SamlVariant {
    /** Azure's default: the assertion is signed (RSA-SHA256, SHA-256 digest), the Response is not. */
    ASSERTION_SIGNED,
    /** "Sign SAML response": the Response is signed, the assertion is not. */
    RESPONSE_SIGNED,
    /** Token encryption on: the signed assertion inside an EncryptedAssertion (AES-256-GCM, RSA-OAEP-MGF1P). */
    ENCRYPTED;

    /** Applies this variant's signing and encryption to a builder that has everything else set. */
    ResponseBuilder apply(ResponseBuilder b, X509Certificate spEncryptionCertificate) {
        return switch (this) {
            case ASSERTION_SIGNED -> b.signAssertion();
            case RESPONSE_SIGNED -> b.signResponse();
            case ENCRYPTED -> b.signAssertion().encryptFor(spEncryptionCertificate)
                    .contentEncryption(ResponseBuilder.AES256_GCM).keyTransport(ResponseBuilder.RSA_OAEP_MGF1P);
        };
    }
}

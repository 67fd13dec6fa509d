package dev.fedbroker.aws;

import dev.fedbroker.aws.internal.MetadataWriter;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The broker's SAML identity-provider metadata, the document each AWS account's IAM SAML provider is created from
 * ({@code aws iam create-saml-provider --saml-metadata-document file://metadata.xml --name fedbroker}). Immutable;
 * thread-safe.
 *
 * @param entityId            the broker's IdP entity id, the Issuer of every response it signs
 * @param singleSignOnUrl     where users start a sign-in at the broker (its portal); AWS only records it
 * @param signingCertificates the certificates whose keys sign the responses, current first; list two during a key
 *                            rollover so that accounts accept both
 */
public record BrokerMetadata(String entityId, URI singleSignOnUrl, List<X509Certificate> signingCertificates) {

    public BrokerMetadata {
        Objects.requireNonNull(entityId, "entityId");
        if (entityId.isBlank()) {
            throw new IllegalArgumentException("The broker's entity id must not be blank");
        }
        Objects.requireNonNull(singleSignOnUrl, "singleSignOnUrl");
        if (!singleSignOnUrl.isAbsolute()) {
            throw new IllegalArgumentException("The single sign-on URL must be absolute; found '" + singleSignOnUrl
                    + "'");
        }
        signingCertificates = List.copyOf(signingCertificates);
        if (signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("The broker's metadata needs at least one signing certificate");
        }
    }

    /**
     * Reads every X.509 certificate of a PEM text ({@code -----BEGIN CERTIFICATE-----} blocks), e.g. for
     * {@code --idp-cert}.
     *
     * @throws IllegalArgumentException when the text holds no certificate or a malformed one
     */
    public static List<X509Certificate> certificatesFromPem(String pem) {
        Objects.requireNonNull(pem, "pem");
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("No certificate found in the PEM text; expected "
                        + "-----BEGIN CERTIFICATE----- blocks");
            }
            return List.copyOf(certificates);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("Malformed certificate in the PEM text: " + e.getMessage(), e);
        }
    }

    /** The metadata XML (an unsigned EntityDescriptor with one IDPSSODescriptor). */
    public String xml() {
        return MetadataWriter.write(entityId, singleSignOnUrl.toString(), signingCertificates);
    }
}

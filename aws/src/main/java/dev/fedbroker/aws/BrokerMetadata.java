package dev.fedbroker.aws;

import dev.fedbroker.aws.internal.MetadataWriter;
import java.net.URI;
import java.security.cert.X509Certificate;
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

    /** The metadata XML (an unsigned EntityDescriptor with one IDPSSODescriptor). */
    public String xml() {
        return MetadataWriter.write(entityId, singleSignOnUrl.toString(), signingCertificates);
    }
}

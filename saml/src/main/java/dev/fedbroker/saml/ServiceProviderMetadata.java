package dev.fedbroker.saml;

import dev.fedbroker.saml.internal.SpMetadataXml;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an SP publishes in its SAML metadata ({@code md:EntityDescriptor} with one {@code SPSSODescriptor}): what
 * {@link ServiceProvider#metadataXml()} writes and {@link #parse(String)} reads back (for tools, tests, and checking
 * what was uploaded to Azure AD). Immutable and thread-safe.
 *
 * @param entityId               the SP entity id (the Identifier in the Azure enterprise app)
 * @param assertionConsumerService the ACS URL, HTTP-POST binding (the Reply URL)
 * @param singleLogoutService    the SLO URL, HTTP-Redirect binding (the Logout URL), if any
 * @param signingCertificates    certificates the SP signs requests with (the active one first; more during rollover)
 * @param encryptionCertificates certificates the IdP may encrypt assertions for (more during rollover)
 * @param nameIdFormats          NameID format URIs the SP supports, in order
 * @param authnRequestsSigned    whether the SP signs its AuthnRequests
 * @param wantAssertionsSigned   whether the SP requires signed assertions
 */
public record ServiceProviderMetadata(String entityId, String assertionConsumerService,
                                      Optional<String> singleLogoutService, List<X509Certificate> signingCertificates,
                                      List<X509Certificate> encryptionCertificates, List<String> nameIdFormats,
                                      boolean authnRequestsSigned, boolean wantAssertionsSigned) {

    public ServiceProviderMetadata {
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(assertionConsumerService, "assertionConsumerService");
        Objects.requireNonNull(singleLogoutService, "singleLogoutService");
        signingCertificates = List.copyOf(signingCertificates);
        encryptionCertificates = List.copyOf(encryptionCertificates);
        nameIdFormats = List.copyOf(nameIdFormats);
    }

    /**
     * Reads SP metadata; a signature, if present, is not checked. Failures are {@link SamlValidationException} with
     * METADATA_MALFORMED (the parser's own reason follows in {@link SamlValidationException#problems()}).
     */
    public static ServiceProviderMetadata parse(String xml) {
        return SpMetadataXml.parse(utf8(xml), Optional.empty());
    }

    /**
     * Reads SP metadata whose enveloped signature is required and must verify with {@code pinnedSigner} only;
     * otherwise METADATA_SIGNATURE_INVALID.
     */
    public static ServiceProviderMetadata parse(String xml, X509Certificate pinnedSigner) {
        return SpMetadataXml.parse(utf8(xml), Optional.of(Objects.requireNonNull(pinnedSigner, "pinnedSigner")));
    }

    /** This metadata as an unsigned XML document. */
    public String toXml() {
        return new String(SpMetadataXml.write(this, Optional.empty(), Optional.empty()), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String xml) {
        Objects.requireNonNull(xml, "xml");
        return (xml.startsWith("\uFEFF") ? xml.substring(1) : xml).getBytes(StandardCharsets.UTF_8);
    }
}

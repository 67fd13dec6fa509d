package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.IdentityProvider.Endpoint;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.ValidationLimits;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Reads Azure AD federation metadata: the entity id, every signing certificate of the IDPSSODescriptor (all trusted,
 * for rollover), and the SSO and SLO endpoints per binding. WS-Federation RoleDescriptors are skipped. A UTF-8 BOM
 * and CRLF line ends are fine. With a pinned certificate, the document's own enveloped signature is required and
 * verified against that certificate only (never the one inside the document). Certificate dates are not judged here.
 */
public final class MetadataParser {

    /** Parsed metadata. */
    public record Parsed(String entityId, List<X509Certificate> signingCertificates, List<Endpoint> singleSignOn,
                         List<Endpoint> singleLogout) { }

    private static final ValidationLimits LIMITS = new ValidationLimits(8 << 20, 4 << 20, 32, 64, 50_000);

    private MetadataParser() {
    }

    public static Parsed parse(byte[] xml, Optional<X509Certificate> pinnedSigner) {
        if (xml.length > LIMITS.maxDecodedBytes()) {
            throw new SamlValidationException(Reason.TOO_LARGE, "The metadata document exceeds "
                    + LIMITS.maxDecodedBytes() + " bytes.");
        }
        Element root = new SecureXmlParser(LIMITS.maxDepth(), LIMITS.maxAttributesPerElement()).parse(xml)
                .getDocumentElement();
        if (!Dom.is(root, Names.METADATA, "EntityDescriptor")) {
            throw new SamlValidationException(Reason.MALFORMED, "The metadata root is " + root.getLocalName()
                    + "; expected an md:EntityDescriptor (Azure's App Federation Metadata document).");
        }
        DocumentScan scan = DocumentScan.of(root, LIMITS, Set.of());
        if (pinnedSigner.isPresent()) {
            Optional<Element> signature = ResponseShape.signatureOf(root);
            if (signature.isEmpty()) {
                throw new SamlValidationException(Reason.SIGNATURE_MISSING, "The metadata is not signed, but a pinned"
                        + " signer certificate was given.");
            }
            ResponseShape.onlyKnownSignatures(scan.signatures, signature, Optional.empty());
            new SignatureVerifier(List.of(pinnedSigner.get()), false).verify(root, signature.get());
        }
        String entityId = Dom.attribute(root, "entityID").orElse("");
        if (entityId.isBlank()) {
            throw new SamlValidationException(Reason.MALFORMED, "EntityDescriptor has no entityID.");
        }
        List<Element> idps = Dom.children(root, Names.METADATA, "IDPSSODescriptor");
        if (idps.size() != 1) {
            throw new SamlValidationException(Reason.MALFORMED, "The metadata holds " + idps.size()
                    + " IDPSSODescriptor elements; expected exactly one.");
        }
        Element idp = idps.get(0);
        if (!Dom.attribute(idp, "protocolSupportEnumeration").orElse("").contains(Names.PROTOCOL)) {
            throw new SamlValidationException(Reason.MALFORMED, "The IDPSSODescriptor does not support SAML 2.0.");
        }
        List<X509Certificate> certificates = signingCertificates(idp);
        if (certificates.isEmpty()) {
            throw new SamlValidationException(Reason.MALFORMED, "The IDPSSODescriptor lists no signing certificate.");
        }
        return new Parsed(entityId, certificates, endpoints(idp, "SingleSignOnService"),
                endpoints(idp, "SingleLogoutService"));
    }

    private static List<X509Certificate> signingCertificates(Element idp) {
        List<X509Certificate> out = new ArrayList<>();
        List<byte[]> seen = new ArrayList<>();
        for (Element kd : Dom.children(idp, Names.METADATA, "KeyDescriptor")) {
            String use = Dom.attribute(kd, "use").orElse("signing");
            if (!"signing".equals(use)) {
                continue;
            }
            for (Element keyInfo : Dom.children(kd, Names.DSIG, "KeyInfo")) {
                for (Element data : Dom.children(keyInfo, Names.DSIG, "X509Data")) {
                    for (Element c : Dom.children(data, Names.DSIG, "X509Certificate")) {
                        byte[] der = decode(Dom.text(c));
                        if (seen.stream().noneMatch(d -> Arrays.equals(d, der))) {
                            seen.add(der);
                            out.add(certificate(der));
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<Endpoint> endpoints(Element idp, String name) {
        List<Endpoint> out = new ArrayList<>();
        for (Element e : Dom.children(idp, Names.METADATA, name)) {
            Optional<String> binding = Dom.attribute(e, "Binding");
            Optional<String> location = Dom.attribute(e, "Location");
            if (binding.isPresent() && location.isPresent()) {
                out.add(new Endpoint(binding.get(), location.get()));
            }
        }
        return List.copyOf(out);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new SamlValidationException(Reason.MALFORMED, "An X509Certificate in the metadata is not base64.");
        }
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new SamlValidationException(Reason.MALFORMED, "An X509Certificate in the metadata cannot be read.", e);
        }
    }
}

package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.ServiceProviderMetadata;
import dev.fedbroker.saml.ValidationLimits;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;

/**
 * Writes and reads SP metadata: one EntityDescriptor with one SPSSODescriptor, children in schema order
 * (KeyDescriptor*, SingleLogoutService, NameIDFormat*, AssertionConsumerService). Writing optionally signs the
 * EntityDescriptor (Santuario, enveloped, exclusive C14N, RSA-SHA256); reading verifies a signature only against a
 * pinned certificate, with the validator's own strict verifier. Stateless and thread-safe.
 */
public final class SpMetadataXml {

    /** Content-encryption and key-transport algorithms the SP decrypts, advertised on encryption keys. */
    private static final List<String> ENCRYPTION_METHODS = List.of(Names.AES256_GCM, Names.AES128_GCM,
            Names.AES256_CBC, Names.AES128_CBC, Names.RSA_OAEP, Names.RSA_OAEP_MGF1P);
    private static final ValidationLimits LIMITS = new ValidationLimits(4 << 20, 2 << 20, 32, 64, 20_000);

    private SpMetadataXml() {
    }

    public static byte[] write(ServiceProviderMetadata m, Optional<PrivateKey> key, Optional<X509Certificate> cert) {
        Element root = XmlOut.root(Names.METADATA, "md:EntityDescriptor");
        root.setAttributeNS(null, "entityID", m.entityId());
        root.setAttributeNS(null, "ID", "_" + sha256Hex(m.entityId()).substring(0, 32));
        Element sp = XmlOut.append(root, Names.METADATA, "md:SPSSODescriptor");
        sp.setAttributeNS(null, "AuthnRequestsSigned", String.valueOf(m.authnRequestsSigned()));
        sp.setAttributeNS(null, "WantAssertionsSigned", String.valueOf(m.wantAssertionsSigned()));
        sp.setAttributeNS(null, "protocolSupportEnumeration", Names.PROTOCOL);
        m.signingCertificates().forEach(c -> keyDescriptor(sp, "signing", c));
        for (X509Certificate c : m.encryptionCertificates()) {
            Element kd = keyDescriptor(sp, "encryption", c);
            ENCRYPTION_METHODS.forEach(a -> XmlOut.append(kd, Names.METADATA, "md:EncryptionMethod")
                    .setAttributeNS(null, "Algorithm", a));
        }
        m.singleLogoutService().ifPresent(slo -> endpoint(sp, "md:SingleLogoutService", IdentityProvider.HTTP_REDIRECT,
                slo));
        m.nameIdFormats().forEach(f -> XmlOut.appendText(sp, Names.METADATA, "md:NameIDFormat", f));
        Element acs = endpoint(sp, "md:AssertionConsumerService", IdentityProvider.HTTP_POST,
                m.assertionConsumerService());
        acs.setAttributeNS(null, "index", "0");
        acs.setAttributeNS(null, "isDefault", "true");
        if (key.isPresent()) {
            EnvelopedSigner.sign(root, key.get(), cert.orElseThrow());
        }
        return XmlOut.serialize(root.getOwnerDocument());
    }

    public static ServiceProviderMetadata parse(byte[] xml, Optional<X509Certificate> pinnedSigner) {
        try {
            return read(xml, pinnedSigner);
        } catch (SamlValidationException e) {
            throw MetadataFailures.wrap(e, "The SP metadata");
        }
    }

    private static ServiceProviderMetadata read(byte[] xml, Optional<X509Certificate> pinnedSigner) {
        if (xml.length > LIMITS.maxDecodedBytes()) {
            throw new SamlValidationException(Reason.TOO_LARGE, "The metadata exceeds " + LIMITS.maxDecodedBytes()
                    + " bytes.");
        }
        Element root = new SecureXmlParser(LIMITS.maxDepth(), LIMITS.maxAttributesPerElement()).parse(xml)
                .getDocumentElement();
        if (!Dom.is(root, Names.METADATA, "EntityDescriptor")) {
            throw new SamlValidationException(Reason.MALFORMED, "The root is " + root.getLocalName()
                    + "; expected md:EntityDescriptor.");
        }
        DocumentScan scan = DocumentScan.of(root, LIMITS, Set.of());
        Optional<Element> signature = ResponseShape.signatureOf(root);
        if (pinnedSigner.isPresent()) {
            if (signature.isEmpty()) {
                throw new SamlValidationException(Reason.SIGNATURE_MISSING, "The metadata is not signed.");
            }
            ResponseShape.onlyKnownSignatures(scan.signatures, signature, Optional.empty());
            new SignatureVerifier(List.of(pinnedSigner.get()), false).verify(root, signature.get());
        }
        List<Element> sps = Dom.children(root, Names.METADATA, "SPSSODescriptor");
        if (sps.size() != 1) {
            throw new SamlValidationException(Reason.MALFORMED, "The metadata holds " + sps.size()
                    + " SPSSODescriptor elements; expected exactly one.");
        }
        Element sp = sps.get(0);
        String entityId = Dom.attribute(root, "entityID").orElse("");
        Optional<String> acs = location(sp, "AssertionConsumerService", IdentityProvider.HTTP_POST);
        if (entityId.isBlank() || acs.isEmpty()) {
            throw new SamlValidationException(Reason.MALFORMED, "SP metadata needs an entityID and an HTTP-POST"
                    + " AssertionConsumerService.");
        }
        List<String> formats = new ArrayList<>();
        Dom.children(sp, Names.METADATA, "NameIDFormat").forEach(f -> formats.add(Dom.text(f).strip()));
        return new ServiceProviderMetadata(entityId, acs.get(),
                location(sp, "SingleLogoutService", IdentityProvider.HTTP_REDIRECT), certificates(sp, "signing"),
                certificates(sp, "encryption"), formats, "true".equals(Dom.attribute(sp, "AuthnRequestsSigned")
                .orElse("false")), "true".equals(Dom.attribute(sp, "WantAssertionsSigned").orElse("false")));
    }

    private static Element keyDescriptor(Element sp, String use, X509Certificate c) {
        Element kd = XmlOut.append(sp, Names.METADATA, "md:KeyDescriptor");
        kd.setAttributeNS(null, "use", use);
        Element keyInfo = XmlOut.declare(XmlOut.append(kd, Names.DSIG, "ds:KeyInfo"), "ds:x", Names.DSIG);
        XmlOut.appendText(XmlOut.append(keyInfo, Names.DSIG, "ds:X509Data"), Names.DSIG, "ds:X509Certificate",
                base64(c));
        return kd;
    }

    private static Element endpoint(Element sp, String name, String binding, String location) {
        Element e = XmlOut.append(sp, Names.METADATA, name);
        e.setAttributeNS(null, "Binding", binding);
        e.setAttributeNS(null, "Location", location);
        return e;
    }

    private static Optional<String> location(Element sp, String name, String binding) {
        return Dom.children(sp, Names.METADATA, name).stream()
                .filter(e -> binding.equals(Dom.attribute(e, "Binding").orElse("")))
                .map(e -> Dom.attribute(e, "Location").orElse("")).filter(l -> !l.isBlank()).findFirst();
    }

    /** Certificates of KeyDescriptors with this use; a KeyDescriptor without use serves both. */
    private static List<X509Certificate> certificates(Element sp, String use) {
        List<X509Certificate> out = new ArrayList<>();
        for (Element kd : Dom.children(sp, Names.METADATA, "KeyDescriptor")) {
            if (!use.equals(Dom.attribute(kd, "use").orElse(use))) {
                continue;
            }
            for (Element keyInfo : Dom.children(kd, Names.DSIG, "KeyInfo")) {
                for (Element data : Dom.children(keyInfo, Names.DSIG, "X509Data")) {
                    for (Element c : Dom.children(data, Names.DSIG, "X509Certificate")) {
                        out.add(MetadataParser.certificate(decode(Dom.text(c))));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static byte[] decode(String text) {
        try {
            return Base64.getMimeDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new SamlValidationException(Reason.MALFORMED, "An X509Certificate in the metadata is not base64.");
        }
    }

    private static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("A certificate cannot be encoded", e);
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

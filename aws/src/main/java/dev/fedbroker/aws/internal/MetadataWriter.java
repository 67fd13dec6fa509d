package dev.fedbroker.aws.internal;

import static dev.fedbroker.aws.internal.SamlXml.DSIG_NS;
import static dev.fedbroker.aws.internal.SamlXml.METADATA_NS;
import static dev.fedbroker.aws.internal.SamlXml.appendText;
import static dev.fedbroker.aws.internal.SamlXml.element;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the broker's SAML IdP metadata (an EntityDescriptor with one IDPSSODescriptor), the document that
 * {@code aws iam create-saml-provider} takes. Unsigned: AWS does not require signed metadata. Stateless; thread-safe.
 */
public final class MetadataWriter {

    static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private MetadataWriter() {
    }

    /**
     * The metadata XML.
     *
     * @param entityId         the broker's IdP entity id
     * @param singleSignOnUrl  where the broker starts a sign-in (the portal)
     * @param certificates     the signing certificates, current first (a second one during a rollover)
     */
    public static String write(String entityId, String singleSignOnUrl, List<X509Certificate> certificates) {
        Document document = SamlXml.newDocument();
        Element entity = element(document, METADATA_NS, "md", "EntityDescriptor");
        SamlXml.declareNamespace(entity, "md", METADATA_NS);
        SamlXml.declareNamespace(entity, "ds", DSIG_NS);
        entity.setAttributeNS(null, "entityID", entityId);
        document.appendChild(entity);

        Element idp = element(document, METADATA_NS, "md", "IDPSSODescriptor");
        idp.setAttributeNS(null, "WantAuthnRequestsSigned", "false");
        idp.setAttributeNS(null, "protocolSupportEnumeration", SamlXml.PROTOCOL_NS);
        entity.appendChild(idp);
        for (X509Certificate certificate : certificates) {
            Element keyDescriptor = element(document, METADATA_NS, "md", "KeyDescriptor");
            keyDescriptor.setAttributeNS(null, "use", "signing");
            Element keyInfo = element(document, DSIG_NS, "ds", "KeyInfo");
            Element x509Data = element(document, DSIG_NS, "ds", "X509Data");
            appendText(x509Data, DSIG_NS, "ds", "X509Certificate", base64(certificate));
            keyInfo.appendChild(x509Data);
            keyDescriptor.appendChild(keyInfo);
            idp.appendChild(keyDescriptor);
        }
        appendText(idp, METADATA_NS, "md", "NameIDFormat", SamlResponseWriter.PERSISTENT);
        for (String binding : List.of(POST_BINDING, REDIRECT_BINDING)) {
            Element sso = element(document, METADATA_NS, "md", "SingleSignOnService");
            sso.setAttributeNS(null, "Binding", binding);
            sso.setAttributeNS(null, "Location", singleSignOnUrl);
            idp.appendChild(sso);
        }
        return SamlXml.serialize(document);
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate " + certificate.getSubjectX500Principal()
                    + " cannot be encoded: " + e.getMessage(), e);
        }
    }
}

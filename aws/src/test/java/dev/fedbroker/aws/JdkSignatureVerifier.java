package dev.fedbroker.aws;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies XML signatures with the JDK's own {@code javax.xml.crypto.dsig} implementation (provider "XMLDSig"), not
 * Santuario, so that a canonicalization or namespace bug in the signer cannot pass on both sides.
 */
public final class JdkSignatureVerifier {

    static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    private JdkSignatureVerifier() {
    }

    /** Parses XML securely (no DOCTYPE), namespace-aware. */
    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result of checking the one assertion's signature. */
    public record Result(boolean valid, String referenceUri, String assertionId, List<String> transforms,
            String signatureMethod, String digestMethod, String canonicalizationMethod) {
    }

    /** Verifies the signature inside the (single) assertion of {@code responseXml} with {@code key}. */
    public static Result verifyAssertion(String responseXml, PublicKey key) {
        try {
            Document document = parse(responseXml);
            Element assertion = (Element) document.getElementsByTagNameNS(ASSERTION_NS, "Assertion").item(0);
            NodeList signatures = assertion.getElementsByTagNameNS(DSIG_NS, "Signature");
            if (signatures.getLength() != 1) {
                throw new IllegalStateException("expected one signature, found " + signatures.getLength());
            }
            DOMValidateContext context = new DOMValidateContext(key, signatures.item(0));
            context.setIdAttributeNS(assertion, null, "ID");
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM", "XMLDSig");
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            boolean valid = signature.validate(context);
            Reference reference = (Reference) signature.getSignedInfo().getReferences().get(0);
            List<String> transforms = new ArrayList<>();
            for (Object t : reference.getTransforms()) {
                transforms.add(((javax.xml.crypto.dsig.Transform) t).getAlgorithm());
            }
            return new Result(valid, reference.getURI(), assertion.getAttribute("ID"), transforms,
                    signature.getSignedInfo().getSignatureMethod().getAlgorithm(),
                    reference.getDigestMethod().getAlgorithm(),
                    signature.getSignedInfo().getCanonicalizationMethod().getAlgorithm());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

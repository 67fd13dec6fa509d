package dev.fedbroker.testing.internal;

import java.security.cert.X509Certificate;
import java.util.List;

import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;

import org.w3c.dom.Element;

/**
 * Verifies an enveloped XML signature with the JDK's own XML-DSig (JSR 105), not Santuario's API: the test IdP checks
 * what the SP signs with code the SP does not share. Only the signed element's own, single Reference is accepted.
 * Stateless.
 */
public final class JdkSignatureCheck {

    private JdkSignatureCheck() {
    }

    /**
     * Verifies the ds:Signature that is a direct child of {@code signed} (whose ID attributes are registered) with
     * {@code certificate}'s key.
     *
     * @throws IllegalArgumentException when it is missing, references something else, or does not verify
     */
    public static void verifyEnveloped(Element signed, X509Certificate certificate) {
        Element signature = Dom.firstChild(signed, Ns.DS, "Signature");
        if (signature == null) {
            throw new IllegalArgumentException("expected a ds:Signature in " + signed.getLocalName());
        }
        try {
            DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            List<?> references = xmlSignature.getSignedInfo().getReferences();
            String expected = "#" + signed.getAttributeNS(null, "ID");
            if (references.size() != 1 || !expected.equals(((Reference) references.get(0)).getURI())) {
                throw new IllegalArgumentException("expected one Reference to " + expected);
            }
            if (!xmlSignature.validate(context)) {
                throw new IllegalArgumentException("expected the XML signature of " + signed.getLocalName()
                        + " to verify with " + certificate.getSubjectX500Principal().getName() + ", but it does not");
            }
        } catch (javax.xml.crypto.MarshalException | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalArgumentException("the XML signature cannot be checked: " + e.getMessage(), e);
        }
    }
}

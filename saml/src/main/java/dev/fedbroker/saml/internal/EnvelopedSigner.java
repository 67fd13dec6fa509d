package dev.fedbroker.saml.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs what the SP publishes as XML (HTTP-POST AuthnRequests, SP metadata) with an enveloped signature made by
 * Apache Santuario: RSA-SHA256, SHA-256 digest, transforms [enveloped-signature, exclusive C14N], exclusive C14N for
 * SignedInfo, the certificate in KeyInfo. The Signature goes right after the element's Issuer (SAML schema order),
 * or first when it has none (metadata). Stateless and thread-safe (each call works on its own document).
 */
final class EnvelopedSigner {

    private EnvelopedSigner() {
    }

    static void sign(Element target, PrivateKey key, X509Certificate certificate) {
        XmlSecurity.init();
        String id = target.getAttributeNS(null, "ID");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("The element to sign needs an ID attribute");
        }
        target.setIdAttributeNS(null, "ID", true);
        try {
            XMLSignature signature = new XMLSignature(target.getOwnerDocument(), "", Names.RSA_SHA256, Names.EXC_C14N);
            Node first = firstElement(target);
            Node before = first != null && Dom.is(first, Names.ASSERTION, "Issuer") ? first.getNextSibling() : first;
            target.insertBefore(signature.getElement(), before);
            Transforms transforms = new Transforms(target.getOwnerDocument());
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("#" + id, transforms, Names.SHA256);
            signature.addKeyInfo(certificate);
            signature.sign(key);
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("Could not sign " + target.getLocalName() + " with the SP signing key: "
                    + e.getMessage(), e);
        }
    }

    private static Node firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return n;
            }
        }
        return null;
    }
}

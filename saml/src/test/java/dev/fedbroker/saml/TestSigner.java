package dev.fedbroker.saml;

import dev.fedbroker.testing.TestCredential;
import java.util.List;
import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPathContainer;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs elements the way an attacker who holds (or a broken IdP that uses) a valid key could, with every knob the
 * validator must police: reference URI, transforms, canonicalization, extra references. Test code only.
 */
final class TestSigner {

    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String EXC_C14N_WITH_COMMENTS = "http://www.w3.org/2001/10/xml-exc-c14n#WithComments";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    enum TransformSet { STANDARD, XPATH, ENVELOPED_ONLY, WITH_COMMENTS }

    private TestSigner() {
    }

    /** An Azure-like enveloped signature on {@code target}, placed after its Issuer. */
    static void sign(Element target, TestCredential key) {
        sign(target, target, "#" + target.getAttribute("ID"), TransformSet.STANDARD, EXC_C14N, List.of(), key);
    }

    /**
     * Signs with a ds:Signature placed in {@code parent} (after its Issuer if any), whose first Reference has
     * {@code uri}; {@code extraUris} add further References.
     */
    static void sign(Element parent, Element idHolder, String uri, TransformSet transforms, String c14n,
                     List<String> extraUris, TestCredential key) {
        Init.init();
        try {
            markIds(parent.getOwnerDocument().getDocumentElement());
            XMLSignature sig = new XMLSignature(parent.getOwnerDocument(), "", RSA_SHA256, c14n);
            Node issuer = parent.getFirstChild();
            Node before = issuer != null && "Issuer".equals(issuer.getLocalName()) ? issuer.getNextSibling() : issuer;
            parent.insertBefore(sig.getElement(), before);
            sig.addDocument(uri, transforms(parent, transforms), SHA256);
            for (String extra : extraUris) {
                sig.addDocument(extra, transforms(parent, TransformSet.STANDARD), SHA256);
            }
            sig.addKeyInfo(key.certificate());
            sig.sign(key.privateKey());
        } catch (Exception e) {
            throw new IllegalStateException("test signing failed", e);
        }
    }

    private static Transforms transforms(Element parent, TransformSet set) throws Exception {
        Transforms t = new Transforms(parent.getOwnerDocument());
        switch (set) {
            case STANDARD -> {
                t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
                t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            }
            case XPATH -> {
                t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
                XPathContainer xpath = new XPathContainer(parent.getOwnerDocument());
                xpath.setXPath("not(ancestor-or-self::*[local-name()='Extensions'])");
                t.addTransform(Transforms.TRANSFORM_XPATH, xpath.getElementPlusReturns());
                t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            }
            case ENVELOPED_ONLY -> t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            case WITH_COMMENTS -> {
                t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
                t.addTransform(Transforms.TRANSFORM_C14N_EXCL_WITH_COMMENTS);
            }
        }
        return t;
    }

    private static void markIds(Element root) {
        if (root.hasAttributeNS(null, "ID")) {
            root.setIdAttributeNS(null, "ID", true);
        }
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                markIds(e);
            }
        }
    }
}

package dev.fedbroker.testing.internal;

import java.security.cert.CertificateEncodingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.XPathContainer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signs a SAML element with an enveloped XML signature laid out as Azure AD does: a {@code Signature} in the default
 * namespace right after the element's {@code Issuer}, exclusive C14N, no whitespace, KeyInfo with the certificate.
 *
 * <p>Santuario's {@link XMLSignature} builds and signs it; before signing, its {@code ds:} prefix and line breaks
 * are removed so that the signed bytes have Azure's exact layout.
 * Stateless and thread-safe (each call works on its own document).
 */
public final class EnvelopedSigner {

    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
    public static final String XPATH = "http://www.w3.org/TR/1999/REC-xpath-19991116";
    /** Equivalent to the enveloped-signature transform, written as an XPath filter. */
    public static final String XPATH_NOT_SIGNATURE =
            "not(ancestor-or-self::*[local-name()='Signature' and namespace-uri()='" + Ns.DS + "'])";

    private EnvelopedSigner() {
    }

    /**
     * Signs {@code target} (which must carry an {@code ID} attribute) and returns the new Signature element, placed
     * right after {@code target}'s Issuer, or first when it has none (metadata).
     */
    public static Element sign(Element target, SignatureSpec spec) {
        XmlSecurity.init();
        String id = target.getAttributeNS(null, "ID");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("expected an ID attribute on " + target.getLocalName());
        }
        target.setIdAttributeNS(null, "ID", true);
        Element parent = target.getParentNode() instanceof Element p ? p : null;
        if (parent != null && parent.hasAttributeNS(null, "ID")) {
            parent.setIdAttributeNS(null, "ID", true);
        }
        Document doc = target.getOwnerDocument();
        try {
            // secureValidation off: the fixtures must also produce what a validator has to refuse (SHA-1, XPath).
            XMLSignature xmlSignature = new XMLSignature(doc, "", spec.signatureAlgorithm(), EXC_C14N);
            for (String uri : referenceUris(spec.style(), id, parent)) {
                xmlSignature.addDocument(uri, transforms(doc, spec.style()), spec.digestAlgorithm());
            }
            Element signature = xmlSignature.getElement();
            Element first = firstElementChild(target);
            boolean afterIssuer = first != null && "Issuer".equals(first.getLocalName());
            target.insertBefore(signature, afterIssuer ? first.getNextSibling() : target.getFirstChild());
            toAzureLayout(signature);
            xmlSignature.sign(spec.key());
            // SignatureValue is not covered by the signature: drop Santuario's base64 line breaks, as Azure has none.
            Element value = Dom.firstChild(signature, Ns.DS, "SignatureValue");
            value.setTextContent(value.getTextContent().replaceAll("\\s", ""));
            if (spec.includeKeyInfo()) {
                Element data = Dom.append(Dom.append(signature, Ns.DS, "KeyInfo"), Ns.DS, "X509Data");
                Dom.appendText(data, Ns.DS, "X509Certificate", base64(spec));
            }
            return signature;
        } catch (XMLSecurityException e) {
            throw new IllegalStateException("Santuario could not sign " + target.getLocalName() + " with "
                    + spec.signatureAlgorithm() + ": " + e.getMessage(), e);
        }
    }

    private static Transforms transforms(Document doc, ReferenceStyle style) throws XMLSecurityException {
        Transforms transforms = new Transforms(doc);
        if (style == ReferenceStyle.XPATH_FILTER) {
            XPathContainer xpath = new XPathContainer(doc);
            xpath.setXPath(XPATH_NOT_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_XPATH, xpath.getElement());
        } else {
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        }
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        return transforms;
    }

    /**
     * Before anything is digested: moves Santuario's {@code ds:} elements into the default namespace and drops its
     * line breaks, so that the signed bytes are laid out as Azure's. Renaming keeps the element objects Santuario
     * holds.
     */
    private static void toAzureLayout(Element signature) {
        Document doc = signature.getOwnerDocument();
        List<Node> whitespace = new ArrayList<>();
        List<Element> elements = new ArrayList<>();
        collect(signature, elements, whitespace);
        whitespace.forEach(n -> n.getParentNode().removeChild(n));
        for (Element e : elements) {
            e.removeAttributeNS(Ns.XMLNS, "ds");
            if (Ns.DS.equals(e.getNamespaceURI()) && e.getPrefix() != null) {
                doc.renameNode(e, Ns.DS, e.getLocalName());
            }
        }
        Dom.declare(signature, "", Ns.DS);
    }

    private static void collect(Element element, List<Element> elements, List<Node> whitespace) {
        elements.add(element);
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                collect(e, elements, whitespace);
            } else if (n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank()) {
                whitespace.add(n);
            }
        }
    }

    private static List<String> referenceUris(ReferenceStyle style, String id, Element parent) {
        List<String> uris = new ArrayList<>();
        switch (style) {
            case ENVELOPED, XPATH_FILTER -> uris.add("#" + id);
            case EMPTY_URI -> uris.add("");
            case EXTRA_REFERENCE -> {
                uris.add("#" + id);
                uris.add("#" + parentId(parent, style));
            }
            case PARENT_ID -> uris.add("#" + parentId(parent, style));
        }
        return uris;
    }

    private static String parentId(Element parent, ReferenceStyle style) {
        if (parent == null || !parent.hasAttributeNS(null, "ID")) {
            throw new IllegalArgumentException(style + " needs a parent element with an ID (sign the assertion)");
        }
        return parent.getAttributeNS(null, "ID");
    }

    private static Element firstElementChild(Element element) {
        for (var n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    private static String base64(SignatureSpec spec) {
        try {
            return Base64.getEncoder().encodeToString(spec.certificate().getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("could not encode the signing certificate", e);
        }
    }
}

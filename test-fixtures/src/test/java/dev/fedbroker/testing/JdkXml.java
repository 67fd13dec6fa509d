package dev.fedbroker.testing;

import java.io.StringReader;
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
import org.xml.sax.InputSource;

/**
 * The second implementation the fixtures are checked against: the JDK's own parser and XML-DSig (JSR 105), with
 * none of Santuario's code paths. Stateless.
 */
final class JdkXml {

    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

    private JdkXml() {
    }

    /** Parses securely (no DOCTYPE) and marks every {@code ID} attribute as an XML ID. */
    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setExpandEntityReferences(false);
        var builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() { // throw, never print
            @Override
            public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
                throw e;
            }
        });
        Document doc = builder.parse(new InputSource(new StringReader(xml)));
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.hasAttributeNS(null, "ID")) {
                e.setIdAttributeNS(null, "ID", true);
            }
        }
        return doc;
    }

    static List<Element> elements(Document doc, String ns, String localName) {
        NodeList list = doc.getElementsByTagNameNS(ns, localName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    static List<Element> elementsUnder(Element parent, String ns, String localName) {
        NodeList list = parent.getElementsByTagNameNS(ns, localName);
        List<Element> found = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    static Element only(Document doc, String ns, String localName) {
        List<Element> found = elements(doc, ns, localName);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + localName + ", found " + found.size());
        }
        return found.get(0);
    }

    /** Validates one ds:Signature with the given key only (KeyInfo ignored); SHA-1 allowed. */
    static boolean verify(Element signature, PublicKey key) throws Exception {
        return unmarshal(signature, key).validate(context(signature, key));
    }

    /**
     * Validates {@code signature} with its reference resolved to {@code target} only: every other element carrying
     * the same ID is unmarked first, so that duplicated IDs cannot make the check ambiguous.
     */
    static boolean verifyOver(Element signature, Element target, PublicKey key) throws Exception {
        String id = target.getAttribute("ID");
        NodeList all = target.getOwnerDocument().getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e != target && id.equals(e.getAttribute("ID"))) {
                e.setIdAttributeNS(null, "ID", false);
            }
        }
        target.setIdAttributeNS(null, "ID", true);
        return verify(signature, key);
    }

    /** The Reference URIs of a signature, in order. */
    static List<String> referenceUris(Element signature, PublicKey key) throws Exception {
        List<String> uris = new ArrayList<>();
        for (Object r : unmarshal(signature, key).getSignedInfo().getReferences()) {
            uris.add(((Reference) r).getURI());
        }
        return uris;
    }

    private static XMLSignature unmarshal(Element signature, PublicKey key) throws Exception {
        return XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context(signature, key));
    }

    private static DOMValidateContext context(Element signature, PublicKey key) {
        DOMValidateContext context = new DOMValidateContext(key, signature);
        // The JDK's secure validation refuses SHA-1 and XPath; the fixtures produce both on purpose.
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        return context;
    }
}

package dev.fedbroker.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.xml.security.c14n.CanonicalizationException;
import org.apache.xml.security.c14n.implementations.Canonicalizer20010315ExclOmitComments;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The three stages no SAML validator can skip, each done the cheapest correct way, to measure how close validation
 * gets to the limit: a secure DOM parse (the same JDK parser and features as fedbroker's), one RSA-2048 SHA-256
 * signature verification over canonical SignedInfo bytes, and exclusive C14N of the assertion (its signature
 * excluded, as the enveloped-signature transform says) streamed into SHA-256. Static helpers; the per-thread objects
 * they take (a DocumentBuilder, a Signature, a MessageDigest) are not thread-safe.
 */
final class FloorStages {

    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";

    private FloorStages() {
    }

    /**
     * A namespace-aware builder with DOCTYPEs, entities, XInclude and external access off, building the whole DOM
     * during the parse (no deferred node expansion), as fedbroker's: the floor is a DOM ready to walk.
     */
    static DocumentBuilder secureBuilder() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK parser lacks a security feature", e);
        }
    }

    static Document parse(DocumentBuilder builder, byte[] xml) {
        try {
            return builder.parse(new InputSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("not well-formed", e);
        }
    }

    static boolean verify(Signature rsaSha256, PublicKey key, byte[] canonicalSignedInfo, byte[] signatureValue) {
        try {
            rsaSha256.initVerify(key);
            rsaSha256.update(canonicalSignedInfo);
            return rsaSha256.verify(signatureValue);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA verification failed to run", e);
        }
    }

    /** SHA-256 of the exclusive C14N of {@code signed} without {@code signature}. */
    static byte[] c14nDigest(MessageDigest sha256, Element signed, Element signature) {
        canonicalize(signed, signature, new OutputStream() {
            @Override public void write(int b) { sha256.update((byte) b); }
            @Override public void write(byte[] b, int off, int len) { sha256.update(b, off, len); }
        });
        return sha256.digest();
    }

    static byte[] canonical(Element e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        canonicalize(e, null, out);
        return out.toByteArray();
    }

    private static void canonicalize(Element e, Node exclude, OutputStream out) {
        try {
            new Canonicalizer20010315ExclOmitComments().engineCanonicalizeSubTree(e, (String) null, exclude, out);
        } catch (CanonicalizationException ex) {
            throw new IllegalStateException("cannot canonicalize", ex);
        }
    }

    static Element assertion(Document doc) {
        return child(doc.getDocumentElement(), SAML, "Assertion");
    }

    static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("no " + localName + " under " + parent.getLocalName());
    }

    static byte[] base64Child(Element parent, String localName) {
        return Base64.getMimeDecoder().decode(child(parent, DSIG, localName).getTextContent().strip());
    }
}

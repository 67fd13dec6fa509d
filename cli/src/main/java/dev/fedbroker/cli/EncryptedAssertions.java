package dev.fedbroker.cli;

import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.xml.security.Init;
import org.apache.xml.security.encryption.XMLCipher;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Decrypts EncryptedAssertions for display, with Santuario's XMLCipher and the SP key the user gave: the decrypted
 * Assertion replaces its EncryptedAssertion in the document. This is the operator looking at their own data with
 * their own key, not the validation path (the library decrypts on its own, failing closed with one reason).
 * Stateless.
 */
final class EncryptedAssertions {

    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

    /**
     * One EncryptedAssertion, as found.
     *
     * @param contentAlgorithm the EncryptedData's EncryptionMethod
     * @param keyTransport     the EncryptedKey's EncryptionMethod
     * @param outcome          "decrypted", "not decrypted: ..." or "decryption failed: ..."
     * @param decrypted        whether the document now holds the plain Assertion in its place
     */
    record Found(String contentAlgorithm, String keyTransport, String outcome, boolean decrypted) {
    }

    private EncryptedAssertions() {
    }

    static List<Found> decrypt(Document doc, Optional<PrivateKey> key) {
        NodeList list = doc.getElementsByTagNameNS(SAML, "EncryptedAssertion");
        List<Element> all = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            all.add((Element) list.item(i));
        }
        List<Found> out = new ArrayList<>();
        for (Element encrypted : all) {
            String content = algorithm(encrypted, "EncryptedData");
            String transport = algorithm(encrypted, "EncryptedKey");
            if (key.isEmpty()) {
                out.add(new Found(content, transport, "not decrypted: give --sp-key and --sp-cert to see it", false));
                continue;
            }
            try {
                Element assertion = decrypt(doc, encrypted, key.get());
                encrypted.getParentNode().replaceChild(assertion, encrypted);
                out.add(new Found(content, transport, "decrypted with --sp-key", true));
            } catch (Exception e) { // XMLCipher.doFinal declares Exception
                out.add(new Found(content, transport, "decryption failed: " + e.getMessage(), false));
            }
        }
        return out;
    }

    private static Element decrypt(Document doc, Element encrypted, PrivateKey key) throws Exception {
        Init.init();
        Element data = first(encrypted, XENC, "EncryptedData")
                .orElseThrow(() -> new IllegalArgumentException("no EncryptedData"));
        XMLCipher cipher = XMLCipher.getInstance();
        cipher.init(XMLCipher.DECRYPT_MODE, null);
        cipher.setKEK(key);
        cipher.doFinal(doc, data);
        for (Node c = encrypted.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && SAML.equals(e.getNamespaceURI()) && "Assertion".equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("the decrypted content is not a saml:Assertion");
    }

    private static String algorithm(Element encrypted, String localName) {
        return first(encrypted, XENC, localName).flatMap(e -> first(e, XENC, "EncryptionMethod"))
                .map(m -> m.getAttribute("Algorithm")).orElse("");
    }

    /** The first descendant element with this name, in document order. */
    private static Optional<Element> first(Element root, String ns, String localName) {
        NodeList l = root.getElementsByTagNameNS(ns, localName);
        return l.getLength() == 0 ? Optional.empty() : Optional.of((Element) l.item(0));
    }
}

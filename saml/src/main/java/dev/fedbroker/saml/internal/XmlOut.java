package dev.fedbroker.saml.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;

/**
 * Builds and serializes the messages the SP sends (AuthnRequest, logout messages, metadata) with the JDK's DOM: no
 * string concatenation of XML, so every value is escaped by the serializer. Stateless and thread-safe.
 */
final class XmlOut {

    static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private XmlOut() {
    }

    /** A new document whose root {@code qualifiedName} is in {@code namespace}, declaring that prefix. */
    static Element root(String namespace, String qualifiedName) {
        Document doc = newDocument();
        Element root = doc.createElementNS(namespace, qualifiedName);
        declare(root, qualifiedName, namespace);
        doc.appendChild(root);
        return root;
    }

    /** Declares the prefix of {@code qualifiedName} (or the default namespace) on {@code element}. */
    static Element declare(Element element, String qualifiedName, String namespace) {
        int colon = qualifiedName.indexOf(':');
        element.setAttributeNS(XMLNS, colon < 0 ? "xmlns" : "xmlns:" + qualifiedName.substring(0, colon), namespace);
        return element;
    }

    static Element append(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    static Element appendText(Element parent, String namespace, String qualifiedName, String text) {
        Element child = append(parent, namespace, qualifiedName);
        child.appendChild(parent.getOwnerDocument().createTextNode(text));
        return child;
    }

    /** An xs:dateTime in UTC with millisecond precision, e.g. {@code 2024-05-01T10:00:00.123Z}. */
    static String instant(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** UTF-8 bytes of {@code node}, without an XML declaration or added whitespace (namespace fix-up on). */
    static byte[] serialize(Node node) {
        Document doc = node instanceof Document d ? d : node.getOwnerDocument();
        LSSerializer serializer = ((DOMImplementationLS) doc.getImplementation()).createLSSerializer();
        serializer.getDomConfig().setParameter("xml-declaration", false);
        return serializer.writeToString(node).getBytes(StandardCharsets.UTF_8);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's DOM implementation is not available", e);
        }
    }
}

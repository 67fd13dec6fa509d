package dev.fedbroker.aws.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Namespaces, document creation and serialization for the XML this module writes. Stateless; thread-safe. */
public final class SamlXml {

    public static final String PROTOCOL_NS = "urn:oasis:names:tc:SAML:2.0:protocol";
    public static final String ASSERTION_NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    public static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XMLNS_NS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;

    private SamlXml() {
    }

    /** A new, empty, namespace-aware document (we only build XML here; nothing is parsed). */
    public static Document newDocument() {
        try {
            // newDefaultInstance: the JDK's own implementation, no service lookup; a factory per call, so no sharing.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder().newDocument();
            document.setXmlStandalone(true);
            return document;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML document builder is unavailable: " + e.getMessage(), e);
        }
    }

    /** A new element in {@code namespace} with the given prefix, e.g. {@code saml:Issuer}. */
    public static Element element(Document document, String namespace, String prefix, String localName) {
        return document.createElementNS(namespace, prefix + ":" + localName);
    }

    /** Declares {@code xmlns:prefix="namespace"} on {@code element}. */
    public static void declareNamespace(Element element, String prefix, String namespace) {
        element.setAttributeNS(XMLNS_NS, "xmlns:" + prefix, namespace);
    }

    /** A child element with text content, appended to {@code parent}. */
    public static Element appendText(Element parent, String namespace, String prefix, String localName, String text) {
        Element child = element(parent.getOwnerDocument(), namespace, prefix, localName);
        child.setTextContent(text);
        parent.appendChild(child);
        return child;
    }

    /** An xs:dateTime in UTC with millisecond precision, as SAML expects. */
    public static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /**
     * Serializes without any re-indentation (a signed document must reach its reader byte for byte as signed), with
     * an XML declaration naming UTF-8.
     */
    public static String serialize(Document document) {
        try {
            Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("Could not serialize XML: " + e.getMessage(), e);
        }
    }
}

package dev.fedbroker.testing.internal;

import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Small DOM helpers. Stateless and thread-safe. */
public final class Dom {

    private Dom() {
    }

    /** A new empty namespace-aware document. */
    public static Document newDocument() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's DOM implementation is not available", e);
        }
    }

    /** Creates {@code qualifiedName} in {@code namespace} and appends it to {@code parent}. */
    public static Element append(Element parent, String namespace, String qualifiedName) {
        Element child = parent.getOwnerDocument().createElementNS(namespace, qualifiedName);
        parent.appendChild(child);
        return child;
    }

    /** Like {@link #append(Element, String, String)} with text content. */
    public static Element appendText(Element parent, String namespace, String qualifiedName, String text) {
        Element child = append(parent, namespace, qualifiedName);
        child.setTextContent(text);
        return child;
    }

    /** Declares {@code prefix} (empty for the default namespace) on {@code element} as a real attribute node. */
    public static Element declare(Element element, String prefix, String namespace) {
        element.setAttributeNS(Ns.XMLNS, prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix, namespace);
        return element;
    }

    /** The first child element with this namespace and local name, or null. */
    public static Element firstChild(Node parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (matches(n, namespace, localName)) {
                return (Element) n;
            }
        }
        return null;
    }

    /** All descendant elements with this namespace and local name, in document order. */
    public static List<Element> descendants(Node root, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList list = root.getNodeType() == Node.DOCUMENT_NODE
                ? ((Document) root).getElementsByTagNameNS(namespace, localName)
                : ((Element) root).getElementsByTagNameNS(namespace, localName);
        for (int i = 0; i < list.getLength(); i++) {
            found.add((Element) list.item(i));
        }
        return found;
    }

    /** The only descendant with this name; fails if there is none or several. */
    public static Element single(Node root, String namespace, String localName) {
        List<Element> found = descendants(root, namespace, localName);
        if (found.size() != 1) {
            throw new IllegalArgumentException("expected exactly one " + localName + " element, found "
                    + found.size());
        }
        return found.get(0);
    }

    /** Inserts {@code node} right after {@code reference}. */
    public static void insertAfter(Node node, Node reference) {
        reference.getParentNode().insertBefore(node, reference.getNextSibling());
    }

    /** Removes every whitespace-only text node under {@code element} (pretty-printing that Azure does not do). */
    public static void removeWhitespaceText(Element element) {
        for (Node n = element.getFirstChild(); n != null;) {
            Node next = n.getNextSibling();
            if (n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().isBlank()) {
                element.removeChild(n);
            } else if (n instanceof Element child) {
                removeWhitespaceText(child);
            }
            n = next;
        }
    }

    /** Marks the {@code ID} attribute of every SAML, SAML-P and metadata element as an XML ID. */
    public static void registerIds(Document document) {
        for (String ns : List.of(Ns.SAMLP, Ns.SAML, Ns.MD)) {
            for (Element e : descendants(document, ns, "*")) {
                if (e.hasAttributeNS(null, "ID")) {
                    e.setIdAttributeNS(null, "ID", true);
                }
            }
        }
    }

    private static boolean matches(Node n, String namespace, String localName) {
        return n.getNodeType() == Node.ELEMENT_NODE && namespace.equals(n.getNamespaceURI())
                && localName.equals(n.getLocalName());
    }
}

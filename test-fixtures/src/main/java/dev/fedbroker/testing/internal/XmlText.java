package dev.fedbroker.testing.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Serializes a DOM to text exactly as Azure AD lays it out: no whitespace added, namespace declarations written where
 * the DOM has them (after the other attributes), attributes in Azure's order. The JDK's Transformer cannot do that:
 * it sorts attributes alphabetically and moves declarations first. Character escaping follows canonical XML, so the
 * text parses back to the nodes that were signed. Stateless and thread-safe.
 */
public final class XmlText {

    /** Attribute order where Azure's differs from alphabetical; every other element lists them alphabetically. */
    private static final Map<String, List<String>> ATTRIBUTE_ORDER = Map.of(
            "Response", List.of("ID", "Version", "IssueInstant", "Destination", "InResponseTo"),
            "RoleDescriptor", List.of("xsi:type", "protocolSupportEnumeration", "xmlns:xsi", "xmlns:fed"),
            "EncryptedData", List.of("Id", "Type"));

    private XmlText() {
    }

    /** The document's content without an XML declaration. */
    public static String serialize(Node node) {
        StringBuilder out = new StringBuilder(8192);
        write(node, out);
        return out.toString();
    }

    private static void write(Node node, StringBuilder out) {
        switch (node.getNodeType()) {
            case Node.DOCUMENT_NODE -> {
                for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
                    write(n, out);
                }
            }
            case Node.ELEMENT_NODE -> writeElement((Element) node, out);
            case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escapeText(node.getNodeValue(), out);
            case Node.COMMENT_NODE -> out.append("<!--").append(node.getNodeValue()).append("-->");
            case Node.PROCESSING_INSTRUCTION_NODE ->
                out.append("<?").append(node.getNodeName()).append(' ').append(node.getNodeValue()).append("?>");
            default -> { } // DOCTYPE and entity nodes never occur in what we build
        }
    }

    private static void writeElement(Element element, StringBuilder out) {
        out.append('<').append(element.getTagName());
        for (Attr attr : orderedAttributes(element)) {
            out.append(' ').append(attr.getName()).append("=\"");
            escapeAttribute(attr.getValue(), out);
            out.append('"');
        }
        if (!element.hasChildNodes()) {
            out.append("/>");
            return;
        }
        out.append('>');
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            write(n, out);
        }
        out.append("</").append(element.getTagName()).append('>');
    }

    private static List<Attr> orderedAttributes(Element element) {
        NamedNodeMap map = element.getAttributes();
        List<Attr> attrs = new ArrayList<>(map.getLength());
        for (int i = 0; i < map.getLength(); i++) {
            attrs.add((Attr) map.item(i));
        }
        List<String> preferred = ATTRIBUTE_ORDER.getOrDefault(element.getLocalName(), List.of());
        attrs.sort(Comparator.<Attr>comparingInt(a -> isDeclaration(a) ? 1 : 0)
                .thenComparingInt(a -> rank(preferred, a.getName()))
                .thenComparing(Attr::getName));
        return attrs;
    }

    private static int rank(List<String> preferred, String name) {
        int i = preferred.indexOf(name);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static boolean isDeclaration(Attr attr) {
        return Ns.XMLNS.equals(attr.getNamespaceURI());
    }

    private static void escapeText(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    private static void escapeAttribute(String text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#x9;");
                case '\n' -> out.append("&#xA;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    /** Serializes a document with the declaration Azure puts on metadata. */
    public static String serializeWithDeclaration(Document document) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + serialize(document);
    }
}

package dev.fedbroker.cli;

import java.util.ArrayDeque;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Indents a DOM for reading: one element per line, attributes in document order, text escaped, whitespace-only text
 * dropped, comments shown (a comment inside a NameID is worth seeing). For display only: the output is not the
 * signed form. Iterative, so that deep documents cannot overflow the stack. Stateless.
 */
final class PrettyXml {

    private static final String INDENT = "  ";

    private record Frame(Node node, int depth, boolean closing) {
    }

    private PrettyXml() {
    }

    /** Element names whose long base64 text {@link #print(Node, boolean)} may shorten. */
    private static final java.util.Set<String> BULKY = java.util.Set.of("SignatureValue", "X509Certificate",
            "CipherValue");
    private static final int BULKY_KEEP = 40;

    static String print(Node root) {
        return print(root, false);
    }

    /** With {@code abbreviate}, signature values, certificates and cipher values show their first characters only. */
    static String print(Node root, boolean abbreviate) {
        StringBuilder sb = new StringBuilder();
        ArrayDeque<Frame> stack = new java.util.ArrayDeque<>();
        stack.push(new Frame(root, 0, false));
        while (!stack.isEmpty()) {
            Frame frame = stack.pop();
            Node node = frame.node();
            int depth = frame.depth();
            if (frame.closing()) {
                indent(sb, depth).append("</").append(node.getNodeName()).append(">\n");
                continue;
            }
            switch (node.getNodeType()) {
                case Node.DOCUMENT_NODE -> pushChildren(stack, node, depth);
                case Node.ELEMENT_NODE -> element(sb, stack, node, depth, abbreviate);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
                    String text = node.getNodeValue().strip();
                    if (!text.isEmpty()) {
                        indent(sb, depth).append(escape(text, false)).append('\n');
                    }
                }
                case Node.COMMENT_NODE -> indent(sb, depth).append("<!--").append(node.getNodeValue()).append("-->\n");
                case Node.PROCESSING_INSTRUCTION_NODE -> indent(sb, depth).append("<?").append(node.getNodeName())
                        .append(' ').append(node.getNodeValue()).append("?>\n");
                default -> { }
            }
        }
        return sb.toString();
    }

    private static void element(StringBuilder sb, ArrayDeque<Frame> stack, Node node, int depth,
            boolean abbreviate) {
        indent(sb, depth).append('<').append(node.getNodeName());
        NamedNodeMap attributes = node.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            sb.append(' ').append(a.getName()).append("=\"").append(escape(a.getValue(), true)).append('"');
        }
        if (!node.hasChildNodes()) {
            sb.append("/>\n");
            return;
        }
        Node only = node.getFirstChild();
        if (only == node.getLastChild() && only.getNodeType() == Node.TEXT_NODE) {
            String text = only.getNodeValue();
            if (abbreviate && BULKY.contains(node.getLocalName()) && text.length() > 2 * BULKY_KEEP) {
                text = text.substring(0, BULKY_KEEP) + "...(" + text.length() + " characters)";
            }
            sb.append('>').append(escape(text, false)).append("</").append(node.getNodeName()).append(">\n");
            return;
        }
        sb.append(">\n");
        stack.push(new Frame(node, depth, true));
        pushChildren(stack, node, depth + 1);
    }

    private static void pushChildren(ArrayDeque<Frame> stack, Node node, int depth) {
        for (Node c = node.getLastChild(); c != null; c = c.getPreviousSibling()) {
            stack.push(new Frame(c, depth, false));
        }
    }

    private static StringBuilder indent(StringBuilder sb, int depth) {
        return sb.append(INDENT.repeat(depth));
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\r' -> out.append("&#13;");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

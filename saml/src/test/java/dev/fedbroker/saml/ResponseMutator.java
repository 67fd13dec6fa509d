package dev.fedbroker.saml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Seeded mutations of a response, at the byte, text and tree level: bit flips, snippet insertions (comments, CDATA,
 * references, elements, declarations), element moves, copies and removals, attribute copies and rewrites, namespace
 * swaps and prefix rebinding. Deterministic for a given Random. Test code; not thread-safe.
 */
final class ResponseMutator {

    private static final String[] SNIPPETS = {"<!---->", "<!-- x -->", "<![CDATA[x]]>", "&#x61;", "&amp;", "<x/>",
            "<?pi x?>", " ", "\n", "\t", "]]>", "<", "&", "\"", "'", "xmlns:a=\"urn:a\" ", "ID=\"_x\" ", "<Assertion/>",
            "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/>", "\u00e9", "\uD83D\uDE00", "&#0;",
            "<!DOCTYPE x>", "<?xml version=\"1.1\"?>", "xml:id=\"_y\" ", "xsi:nil=\"1\" ", "=", "/>", "</Assertion>"};
    private static final String[] NAMESPACES = {"urn:oasis:names:tc:SAML:2.0:assertion",
            "urn:oasis:names:tc:SAML:2.0:protocol", "http://www.w3.org/2000/09/xmldsig#",
            "http://www.w3.org/2001/04/xmlenc#", "urn:oasis:names:tc:SAML:2.0:assertion ", "urn:evil", ""};
    private static final String[] NAMES = {"Assertion", "EncryptedAssertion", "Signature", "Issuer", "NameID",
            "Subject", "Response", "Status", "Conditions", "Audience", "Advice", "Extensions", "Object", "KeyInfo"};
    private static final String[] VALUES = {"", " ", "_x", "https://sp.example.com/saml/acs",
            "https://sp.example.com/saml/acs/", "urn:oasis:names:tc:SAML:2.0:cm:bearer", "2.0", "1.0", "true", "1",
            "2000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z", "#_x", "_request-1",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "http://www.w3.org/2000/09/xmldsig#sha1"};

    private final Random random;
    private final DocumentBuilder parser;
    private final Transformer serializer;

    ResponseMutator(Random random) {
        this.random = random;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            parser = factory.newDocumentBuilder();
            parser.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                    throw e; // quietly: a mutation that broke well-formedness is expected
                }
            });
            serializer = TransformerFactory.newInstance().newTransformer();
            serializer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One to three mutations of {@code xml}; the result is the bytes to post. */
    byte[] mutate(String xml) {
        int rounds = 1 + random.nextInt(3);
        String current = xml;
        byte[] bytes = null;
        for (int i = 0; i < rounds; i++) {
            int kind = random.nextInt(15);
            if (kind == 0) {
                bytes = flip((bytes != null ? bytes : current.getBytes(StandardCharsets.UTF_8)));
                current = new String(bytes, StandardCharsets.UTF_8);
                continue;
            }
            bytes = null;
            current = kind <= 2 ? insertSnippet(current) : kind == 3 ? cutOrRepeat(current) : tree(current, kind);
        }
        return bytes != null ? bytes : current.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] flip(byte[] in) {
        byte[] out = in.clone();
        int at = random.nextInt(out.length);
        out[at] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private String insertSnippet(String xml) {
        int at = random.nextInt(xml.length() + 1);
        return xml.substring(0, at) + pick(SNIPPETS) + xml.substring(at);
    }

    private String cutOrRepeat(String xml) {
        int a = random.nextInt(xml.length());
        int b = Math.min(xml.length(), a + 1 + random.nextInt(40));
        return random.nextBoolean() ? xml.substring(0, a) + xml.substring(b)
                : xml.substring(0, b) + xml.substring(a, b) + xml.substring(b);
    }

    private String tree(String xml, int kind) {
        Document doc;
        try {
            doc = parser.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception notXmlAnyMore) {
            return insertSnippet(xml);
        }
        List<Element> all = new ArrayList<>();
        collect(doc.getDocumentElement(), all);
        Element e = all.get(random.nextInt(all.size()));
        Element other = all.get(random.nextInt(all.size()));
        try {
            treeEdit(doc, e, other, kind);
            StringWriter out = new StringWriter();
            serializer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (org.w3c.dom.DOMException | TransformerException notApplicable) {
            return xml; // the DOM refused this edit (e.g. an illegal name): try another next round
        }
    }

    private void treeEdit(Document doc, Element e, Element other, int kind) {
        switch (kind) {
            case 4 -> move(e, other);
            case 5 -> move((Element) e.cloneNode(true), other);
            case 6 -> {
                if (e.getParentNode() instanceof Element p) {
                    p.removeChild(e);
                }
            }
            case 7 -> copyAttribute(e, other);
            case 8 -> setAttribute(e);
            case 9 -> doc.renameNode(e, pick(NAMESPACES).isEmpty() ? null : pick(NAMESPACES),
                    random.nextBoolean() ? e.getLocalName() : pick(NAMES));
            case 10 -> e.setAttributeNS("http://www.w3.org/2000/xmlns/", random.nextBoolean() ? "xmlns"
                    : "xmlns:" + pick(new String[] {"samlp", "saml", "ds", "xenc", "xs"}), pick(NAMESPACES));
            case 11 -> text(e);
            default -> invisibleTextEdit(doc); // 12-14: what C14N cannot see, on a random text node
        }
    }

    private void move(Element e, Element target) {
        for (Node n = target; n != null; n = n.getParentNode()) {
            if (n == e) {
                return; // never under itself
            }
        }
        List<Node> children = new ArrayList<>();
        for (Node n = target.getFirstChild(); n != null; n = n.getNextSibling()) {
            children.add(n);
        }
        int at = random.nextInt(children.size() + 1);
        target.insertBefore(e, at == children.size() ? null : children.get(at));
    }

    private void copyAttribute(Element from, Element to) {
        NamedNodeMap attributes = from.getAttributes();
        if (attributes.getLength() == 0) {
            return;
        }
        Attr a = (Attr) attributes.item(random.nextInt(attributes.getLength()));
        if (a.getNamespaceURI() == null) {
            to.setAttributeNS(null, a.getName(), a.getValue());
        } else {
            to.setAttributeNS(a.getNamespaceURI(), a.getName(), a.getValue());
        }
    }

    private void setAttribute(Element e) {
        NamedNodeMap attributes = e.getAttributes();
        if (attributes.getLength() == 0 || random.nextInt(4) == 0) {
            e.setAttributeNS(null, pick(new String[] {"ID", "Id", "Destination", "Recipient", "InResponseTo",
                    "NotOnOrAfter", "Method", "URI", "Algorithm"}), pick(VALUES));
            return;
        }
        Attr a = (Attr) attributes.item(random.nextInt(attributes.getLength()));
        if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
            a.setValue(random.nextBoolean() ? pick(VALUES) : a.getValue() + pick(VALUES));
        }
    }

    /**
     * Splits a random text node with a comment, turns part of it into CDATA, or splits it in two adjacent text nodes:
     * the digest does not change, so a reader that takes only part of the text would be caught accepting another name.
     */
    private void invisibleTextEdit(Document doc) {
        List<Node> texts = new ArrayList<>();
        List<Element> all = new ArrayList<>();
        collect(doc.getDocumentElement(), all);
        for (Element e : all) {
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().length() > 1) {
                    texts.add(n);
                }
            }
        }
        if (texts.isEmpty()) {
            return;
        }
        Node text = texts.get(random.nextInt(texts.size()));
        String v = text.getNodeValue();
        int cut = 1 + random.nextInt(v.length() - 1);
        Node tail = switch (random.nextInt(3)) {
            case 0 -> doc.createCDATASection(v.substring(cut));
            default -> doc.createTextNode(v.substring(cut));
        };
        text.setNodeValue(v.substring(0, cut));
        Node parent = text.getParentNode();
        parent.insertBefore(tail, text.getNextSibling());
        if (random.nextBoolean()) {
            parent.insertBefore(doc.createComment(random.nextBoolean() ? "" : " x "), tail);
        }
    }

    private void text(Element e) {
        Node first = e.getFirstChild();
        Document doc = e.getOwnerDocument();
        switch (random.nextInt(4)) {
            case 0 -> e.insertBefore(doc.createComment("c"), first);
            case 1 -> e.appendChild(doc.createCDATASection(pick(VALUES)));
            case 2 -> e.appendChild(doc.createTextNode(pick(VALUES)));
            default -> {
                if (first != null && first.getNodeType() == Node.TEXT_NODE && !first.getNodeValue().isEmpty()) {
                    String v = first.getNodeValue();
                    int cut = random.nextInt(v.length());
                    e.insertBefore(doc.createTextNode(v.substring(0, cut)), first);
                    e.insertBefore(doc.createComment(""), first);
                    first.setNodeValue(v.substring(cut));
                }
            }
        }
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                collect(c, out);
            }
        }
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}

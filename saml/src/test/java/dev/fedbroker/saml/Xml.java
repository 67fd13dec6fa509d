package dev.fedbroker.saml;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Test-side DOM editing for building hostile variants of signed responses (parse, find, serialize). */
final class Xml {

    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private Xml() {
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String serialize(Document doc) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(w));
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every element with this namespace and local name, in document order. */
    static List<Element> all(Document doc, String ns, String local) {
        NodeList list = doc.getElementsByTagNameNS(ns, local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }

    static Element first(Document doc, String ns, String local) {
        List<Element> all = all(doc, ns, local);
        if (all.isEmpty()) {
            throw new IllegalStateException("no " + local);
        }
        return all.get(0);
    }

    static Element assertion(Document doc) {
        return first(doc, SAML, "Assertion");
    }

    /** The ds:Signature that is a direct child of {@code e}. */
    static Element signatureOf(Element e) {
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && DS.equals(c.getNamespaceURI()) && "Signature".equals(c.getLocalName())) {
                return c;
            }
        }
        throw new IllegalStateException(e.getLocalName() + " is not signed");
    }

    /** A new element that declares its own prefix (so a signature made over the live DOM survives serialization). */
    static Element create(Document doc, String ns, String qualifiedName) {
        Element e = doc.createElementNS(ns, qualifiedName);
        int colon = qualifiedName.indexOf(':');
        String attr = colon < 0 ? "xmlns" : "xmlns:" + qualifiedName.substring(0, colon);
        e.setAttributeNS("http://www.w3.org/2000/xmlns/", attr, ns);
        return e;
    }
}

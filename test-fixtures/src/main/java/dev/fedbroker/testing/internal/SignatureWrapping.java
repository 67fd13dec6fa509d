package dev.fedbroker.testing.internal;

import java.util.List;
import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * DOM surgery on a signed response for the signature wrapping family of attacks and their relatives. Each method
 * parses its input, changes it and serializes it again; the signed parts are left byte-for-byte intact so that the
 * original signature still verifies. The public descriptions live on {@code dev.fedbroker.testing.Hostile}.
 * Stateless and thread-safe.
 */
public final class SignatureWrapping {

    private SignatureWrapping() {
    }

    public static String xsw1(String xml, String attacker) {
        return responseWrap(xml, attacker, true);
    }

    public static String xsw2(String xml, String attacker) {
        return responseWrap(xml, attacker, false);
    }

    public static String xsw3(String xml, String attacker) {
        Parts p = Parts.assertionSigned(xml);
        Element evil = p.evilCopy(attacker, true);
        p.response.insertBefore(evil, p.assertion);
        return p.serialize();
    }

    public static String xsw4(String xml, String attacker) {
        Parts p = Parts.assertionSigned(xml);
        Element evil = p.evilCopy(attacker, true);
        p.response.replaceChild(evil, p.assertion);
        evil.appendChild(p.assertion);
        return p.serialize();
    }

    public static String xsw5(String xml, String attacker) {
        Parts p = Parts.assertionSigned(xml);
        Element original = unsignedCopy(p.assertion);
        p.turnEvil(p.assertion, attacker, true);
        p.response.appendChild(original);
        return p.serialize();
    }

    public static String xsw6(String xml, String attacker) {
        Parts p = Parts.assertionSigned(xml);
        Element original = unsignedCopy(p.assertion);
        p.turnEvil(p.assertion, attacker, true);
        p.assertionSignature.appendChild(original);
        return p.serialize();
    }

    public static String xsw7(String xml, String attacker) {
        Parts p = Parts.assertionSigned(xml);
        Element evil = p.evilCopy(attacker, false);
        p.extensions().appendChild(evil);
        return p.serialize();
    }

    public static String xsw8(String xml, String attacker) {
        Parts p = Parts.assertionSigned(xml);
        Element original = unsignedCopy(p.assertion);
        p.turnEvil(p.assertion, attacker, true);
        Element object = p.doc.createElementNS(Ns.DS, "Object");
        p.assertionSignature.appendChild(object);
        object.appendChild(original);
        return p.serialize();
    }

    public static String wrappedResponse(String xml, String attacker) {
        Parts p = Parts.of(xml);
        Element original = p.response;
        Element evil = unsignedCopy(original);
        p.turnEvil(evil, attacker, true);
        p.doc.replaceChild(evil, original);
        Element extensions = p.doc.createElementNS(Ns.SAMLP, "samlp:Extensions");
        evil.insertBefore(extensions, Dom.firstChild(evil, Ns.SAML, "Issuer").getNextSibling());
        extensions.appendChild(original);
        return p.serialize();
    }

    public static String duplicateAssertion(String xml, String attacker) {
        Parts p = Parts.assertionSigned(xml);
        Dom.insertAfter(p.evilCopy(attacker, true), p.assertion);
        return p.serialize();
    }

    public static String duplicateIds(String xml) {
        Parts p = Parts.assertionSigned(xml);
        Dom.firstChild(p.response, Ns.SAMLP, "Status").setAttributeNS(null, "ID", p.assertion.getAttribute("ID"));
        return p.serialize();
    }

    public static String referenceToOtherId(String xml) {
        Parts p = Parts.assertionSigned(xml);
        Element reference = Dom.descendants(p.assertionSignature, Ns.DS, "Reference").get(0);
        reference.setAttributeNS(null, "URI", "#" + p.response.getAttribute("ID"));
        return p.serialize();
    }

    public static String strippedSignature(String xml) {
        Parts p = Parts.of(xml);
        for (Element signature : Dom.descendants(p.doc, Ns.DS, "Signature")) {
            signature.getParentNode().removeChild(signature);
        }
        return p.serialize();
    }

    public static String tamperedAfterSigning(String xml, String newNameId) {
        Parts p = Parts.of(xml);
        Dom.descendants(p.doc, Ns.SAML, "NameID").forEach(n -> n.setTextContent(newNameId));
        return p.serialize();
    }

    /** Splits the NameID text with an empty comment: {@code before<!---->after}. */
    public static void commentInNameId(Document doc, String before, String after) {
        Element nameId = Dom.single(doc, Ns.SAML, "NameID");
        while (nameId.getFirstChild() != null) {
            nameId.removeChild(nameId.getFirstChild());
        }
        nameId.appendChild(doc.createTextNode(before));
        nameId.appendChild(doc.createComment(""));
        nameId.appendChild(doc.createTextNode(after));
    }

    private static String responseWrap(String xml, String attacker, boolean insideSignature) {
        Parts p = Parts.of(xml);
        Element signature = Dom.firstChild(p.response, Ns.DS, "Signature");
        if (signature == null) {
            throw new IllegalArgumentException("expected a response signed at the Response level "
                    + "(ResponseBuilder.signResponse()), found no Signature child of the Response");
        }
        Element original = unsignedCopy(p.response);
        p.turnEvil(p.response, attacker, true);
        if (insideSignature) {
            signature.appendChild(original);
        } else {
            p.response.insertBefore(original, signature);
        }
        return p.serialize();
    }

    private static Element unsignedCopy(Element element) {
        Element copy = (Element) element.cloneNode(true);
        Element signature = Dom.firstChild(copy, Ns.DS, "Signature");
        if (signature != null) {
            copy.removeChild(signature);
        }
        return copy;
    }

    /** The parsed response and the parts every attack needs. */
    private static final class Parts {
        final Document doc;
        final Element response;
        final Element assertion;
        final Element assertionSignature;
        final String victimNameId;

        private Parts(Document doc) {
            this.doc = doc;
            this.response = doc.getDocumentElement();
            this.assertion = Dom.firstChild(response, Ns.SAML, "Assertion");
            this.assertionSignature = assertion == null ? null : Dom.firstChild(assertion, Ns.DS, "Signature");
            List<Element> names = Dom.descendants(doc, Ns.SAML, "NameID");
            this.victimNameId = names.isEmpty() ? null : names.get(0).getTextContent();
        }

        static Parts of(String xml) {
            return new Parts(SecureXml.parse(xml));
        }

        static Parts assertionSigned(String xml) {
            Parts p = of(xml);
            if (p.assertionSignature == null) {
                throw new IllegalArgumentException("expected a response whose (unencrypted) Assertion is signed, "
                        + "as ResponseBuilder builds by default; found no Signature in the Assertion");
            }
            return p;
        }

        /** A copy of the assertion without its signature, turned evil. */
        Element evilCopy(String attacker, boolean newId) {
            Element copy = unsignedCopy(assertion);
            turnEvil(copy, attacker, newId);
            return copy;
        }

        /** Gives the element a fresh ID and replaces the victim's name wherever it appears as text. */
        void turnEvil(Element element, String attacker, boolean newId) {
            if (newId) {
                element.setAttributeNS(null, "ID", "_evil_" + UUID.randomUUID());
            }
            replaceText(element, victimNameId, attacker);
        }

        Element extensions() {
            Element extensions = doc.createElementNS(Ns.SAMLP, "samlp:Extensions");
            Element before = Dom.firstChild(response, Ns.DS, "Signature");
            Node after = before != null ? before : Dom.firstChild(response, Ns.SAML, "Issuer");
            Dom.insertAfter(extensions, after);
            return extensions;
        }

        String serialize() {
            return XmlText.serialize(doc);
        }

        private static void replaceText(Node node, String from, String to) {
            for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeType() == Node.TEXT_NODE && n.getNodeValue().equals(from)) {
                    n.setNodeValue(to);
                } else if (n.getNodeType() == Node.ELEMENT_NODE
                        && !(Ns.DS.equals(n.getNamespaceURI()) && "Signature".equals(n.getLocalName()))) {
                    replaceText(n, from, to);
                }
            }
        }
    }
}

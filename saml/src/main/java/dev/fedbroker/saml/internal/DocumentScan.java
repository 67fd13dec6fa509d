package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.ValidationLimits;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * One bounded, iterative walk over a parsed tree (no recursion: a deep document cannot overflow the stack). It
 * enforces depth, attribute and element limits, refuses duplicate ID values, and indexes what later steps need:
 * every element named Assertion or EncryptedAssertion (in any namespace) and every ds:Signature.
 */
final class DocumentScan {

    final List<Element> assertions = new ArrayList<>(1);
    final List<Element> signatures = new ArrayList<>(2);
    private final Set<String> ids = new HashSet<>();
    private int elements;

    /** Scans {@code root}'s subtree; {@code alreadySeen} carries IDs of an enclosing document (decrypted content). */
    static DocumentScan of(Element root, ValidationLimits limits, Set<String> alreadySeen) {
        DocumentScan scan = new DocumentScan();
        scan.ids.addAll(alreadySeen);
        scan.walk(root, limits);
        return scan;
    }

    Set<String> ids() {
        return ids;
    }

    private void walk(Element root, ValidationLimits limits) {
        ArrayDeque<Element> stack = new ArrayDeque<>();
        ArrayDeque<Integer> depths = new ArrayDeque<>();
        stack.push(root);
        depths.push(1);
        while (!stack.isEmpty()) {
            Element e = stack.pop();
            int depth = depths.pop();
            if (depth > limits.maxDepth()) {
                throw new SamlValidationException(Reason.TOO_LARGE, "Elements nest deeper than " + limits.maxDepth()
                        + " (ValidationLimits.maxDepth).");
            }
            if (++elements > limits.maxElements()) {
                throw new SamlValidationException(Reason.TOO_LARGE, "The document has more than "
                        + limits.maxElements() + " elements (ValidationLimits.maxElements).");
            }
            visit(e, limits);
            for (Node n = e.getLastChild(); n != null; n = n.getPreviousSibling()) {
                if (n.getNodeType() == Node.ELEMENT_NODE) {
                    stack.push((Element) n);
                    depths.push(depth + 1);
                }
            }
        }
    }

    private void visit(Element e, ValidationLimits limits) {
        NamedNodeMap attributes = e.getAttributes();
        if (attributes.getLength() > limits.maxAttributesPerElement()) {
            throw new SamlValidationException(Reason.TOO_LARGE, Log.clip(e.getLocalName(), 100) + " has "
                    + attributes.getLength() + " attributes; at most " + limits.maxAttributesPerElement()
                    + " are accepted (ValidationLimits.maxAttributesPerElement).");
        }
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (("ID".equals(local) || "Id".equals(local) || "id".equals(local)) && !ids.add(a.getValue())) {
                throw new SamlValidationException(Reason.DUPLICATE_ID, "Two elements carry the ID value of "
                        + Log.clip(e.getLocalName(), 100) + "; IDs must be unique, or a signature could be made to"
                        + " cover the wrong element (signature wrapping). Refused.");
            }
        }
        String local = e.getLocalName();
        if ("Assertion".equals(local) || "EncryptedAssertion".equals(local)) {
            assertions.add(e);
        } else if ("Signature".equals(local) && Names.DSIG.equals(e.getNamespaceURI())) {
            signatures.add(e);
        }
    }
}

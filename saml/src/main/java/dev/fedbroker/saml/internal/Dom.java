package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers: children by qualified name, attributes as Optionals, xs:dateTime. No XPath (slow, and a trap). */
final class Dom {

    private static final Pattern XS_DATE_TIME = Pattern.compile(
            "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");

    private Dom() {
    }

    static boolean is(Node node, String namespace, String localName) {
        return node != null && node.getNodeType() == Node.ELEMENT_NODE && localName.equals(node.getLocalName())
                && namespace.equals(node.getNamespaceURI());
    }

    /** Direct element children, whatever their name. */
    static List<Element> elements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** Direct element children with this name. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>(2);
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, namespace, localName)) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The first direct child with this name. */
    static Optional<Element> child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (is(n, namespace, localName)) {
                return Optional.of((Element) n);
            }
        }
        return Optional.empty();
    }

    /** The only direct child with this name, or a MALFORMED rejection naming what is wrong. */
    static Optional<Element> atMostOne(Element parent, String namespace, String localName) {
        List<Element> found = children(parent, namespace, localName);
        if (found.size() > 1) {
            throw new SamlValidationException(Reason.MALFORMED, parent.getLocalName() + " has " + found.size() + " "
                    + localName + " elements; the SAML schema allows one.");
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** An unqualified attribute's value, if present (empty string counts as present). */
    static Optional<String> attribute(Element e, String name) {
        Attr a = e.getAttributeNodeNS(null, name);
        return a == null ? Optional.empty() : Optional.of(a.getValue());
    }

    /**
     * The element's text exactly as the signature covered it: every descendant text and CDATA node concatenated,
     * comments and processing instructions skipped, so {@code a<!---->b} reads {@code ab}, never {@code a}.
     */
    static String text(Element e) {
        Node only = e.getFirstChild();
        if (only != null && only.getNextSibling() == null && only.getNodeType() == Node.TEXT_NODE) {
            return only.getNodeValue();
        }
        StringBuilder sb = new StringBuilder();
        appendText(e, sb);
        return sb.toString();
    }

    /**
     * The text of an element whose schema type is a plain string (NameID, Issuer, Audience), read like {@link #text}.
     * Child elements are refused (MALFORMED): the schema forbids them, and concatenating their text would let a
     * reader that takes only the element, or only the first text node, disagree with this one about who signed in.
     */
    static String simpleText(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                throw new SamlValidationException(Reason.MALFORMED, e.getLocalName() + " holds a child element;"
                        + " its schema type is a plain string. Refused.");
            }
        }
        return text(e);
    }

    /** Document-order walk without recursion: a host may raise the depth limit far beyond what the stack holds. */
    private static void appendText(Node root, StringBuilder sb) {
        Node n = root.getFirstChild();
        while (n != null) {
            short type = n.getNodeType();
            if (type == Node.TEXT_NODE || type == Node.CDATA_SECTION_NODE) {
                sb.append(n.getNodeValue());
            } // comments and processing instructions are not content
            if (type == Node.ELEMENT_NODE && n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            while (n != root && n.getNextSibling() == null) {
                n = n.getParentNode();
            }
            n = n == root ? null : n.getNextSibling();
        }
    }

    /**
     * An xs:dateTime attribute with a four-digit year, seconds and a time zone ({@code Z} or {@code ±hh:mm}); anything
     * else is refused (MALFORMED). Bounding the lexical form keeps every instant in years 0000-9999, so no later
     * arithmetic with the clock skew can overflow {@link Instant}'s range.
     */
    static Optional<Instant> instant(Element e, String name) {
        Optional<String> v = attribute(e, name);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        String s = v.get().trim();
        try {
            Instant fast = utcInstant(s);
            if (fast != null) {
                return Optional.of(fast);
            }
            if (!XS_DATE_TIME.matcher(s).matches()) {
                throw new DateTimeParseException("not the xs:dateTime lexical form", s, 0);
            }
            return Optional.of(s.endsWith("Z") ? Instant.parse(s) : OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ex) {
            throw new SamlValidationException(Reason.MALFORMED, e.getLocalName() + "/@" + name
                    + " is not an xs:dateTime with a four-digit year and a time zone (found a value of " + s.length()
                    + " characters); Azure AD sends UTC instants such as 2024-01-01T10:00:00.000Z.");
        }
    }

    /**
     * Azure's form {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, read without java.time's general parser (which cost about
     * a tenth of a whole validation, at nine instants per response). Null for anything else, including an invalid date
     * or hour 24, so that the general parser decides those exactly as before.
     */
    static Instant utcInstant(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z'
                || (n > 20 && (n == 21 || s.charAt(19) != '.'))) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int fraction = n > 20 ? digits(s, 20, n - 21) : 0;
        if ((year | month | day | hour | minute | second | fraction) < 0 || hour > 23 || minute > 59 || second > 59
                || month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        int nanos = fraction;
        for (int i = n - 21; i < 9; i++) {
            nanos *= 10;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
    }

    /** The decimal number in {@code s[from, from + count)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** A short human path of an element, e.g. Response/Assertion/Subject, for messages. */
    static String path(Node n) {
        StringBuilder sb = new StringBuilder();
        for (Node p = n; p != null && p.getNodeType() == Node.ELEMENT_NODE; p = p.getParentNode()) {
            sb.insert(0, sb.length() == 0 ? p.getLocalName() : p.getLocalName() + "/");
        }
        return Log.clip(sb.toString(), 300);
    }
}

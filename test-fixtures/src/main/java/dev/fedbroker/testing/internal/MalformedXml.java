package dev.fedbroker.testing.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text-level edits for parser attacks (DOCTYPE, entities, size, depth, attribute count). They work on the serialized
 * response because a DOM cannot hold what they add. The public descriptions live on {@code dev.fedbroker.testing.Hostile}.
 * Stateless and thread-safe.
 */
public final class MalformedXml {

    private static final Pattern NAME_ID = Pattern.compile("(<(?:\\w+:)?NameID\\b[^>]*>)([^<]*)(</(?:\\w+:)?NameID>)");
    private static final Pattern ROOT = Pattern.compile("<([A-Za-z_][\\w.:-]*)");

    private MalformedXml() {
    }

    /** Adds an external entity {@code xxe} pointing at {@code file:///etc/passwd} and uses it as the NameID. */
    public static String xxe(String xml) {
        String subset = "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">";
        return withDoctype(replaceNameId(xml, "&xxe;"), subset);
    }

    /** Adds the ten-level "billion laughs" entity expansion and uses its top entity as the NameID. */
    public static String billionLaughs(String xml) {
        StringBuilder subset = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            subset.append("<!ENTITY lol").append(i).append(" \"");
            subset.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return withDoctype(replaceNameId(xml, "&lol9;"), subset.toString());
    }

    /** Adds {@code <!DOCTYPE root>} with no subset at all. */
    public static String doctypeOnly(String xml) {
        return withDoctype(xml, null);
    }

    /** Puts {@code depth} nested elements in a {@code samlp:Extensions} after the Response Issuer. */
    public static String deepNesting(String xml, int depth) {
        StringBuilder nested = new StringBuilder(depth * 8 + 40).append("<samlp:Extensions>");
        nested.append("<e>".repeat(depth)).append("</e>".repeat(depth)).append("</samlp:Extensions>");
        return afterResponseIssuer(xml, nested.toString());
    }

    /** Adds {@code count} XML attributes {@code a0="0" a1="1" ...} to the Response element. */
    public static String manyAttributes(String xml, int count) {
        StringBuilder attributes = new StringBuilder(count * 12);
        for (int i = 0; i < count; i++) {
            attributes.append(" a").append(i).append("=\"").append(i).append('"');
        }
        Matcher root = ROOT.matcher(xml);
        if (!root.find()) {
            throw new IllegalArgumentException("expected an XML element in the input");
        }
        return xml.substring(0, root.end()) + attributes + xml.substring(root.end());
    }

    /** Pads the response with text in a {@code samlp:Extensions} until it is at least {@code bytes} UTF-8 bytes long. */
    public static String oversized(String xml, int bytes) {
        String open = "<samlp:Extensions><pad>";
        String close = "</pad></samlp:Extensions>";
        int missing = Math.max(0, bytes - xml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                - open.length() - close.length());
        return afterResponseIssuer(xml, open + "A".repeat(missing) + close);
    }

    private static String afterResponseIssuer(String xml, String insert) {
        int end = xml.indexOf("</Issuer>");
        if (end < 0) {
            throw new IllegalArgumentException("expected a Response with an Issuer");
        }
        end += "</Issuer>".length();
        return xml.substring(0, end) + insert + xml.substring(end);
    }

    private static String replaceNameId(String xml, String content) {
        Matcher m = NAME_ID.matcher(xml);
        if (!m.find()) {
            throw new IllegalArgumentException("expected a NameID element in the input");
        }
        return xml.substring(0, m.start(2)) + content + xml.substring(m.end(2));
    }

    private static String withDoctype(String xml, String internalSubset) {
        int start = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        Matcher root = ROOT.matcher(xml);
        if (!root.find(start)) {
            throw new IllegalArgumentException("expected an XML element in the input");
        }
        String doctype = "<!DOCTYPE " + root.group(1) + (internalSubset == null ? "" : " [" + internalSubset + "]")
                + ">";
        return xml.substring(0, root.start()) + doctype + xml.substring(root.start());
    }
}

package dev.fedbroker.aws.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a tree of maps, lists, strings, integers and booleans as block-style YAML. Every string value is written
 * double-quoted with every character outside printable ASCII escaped, so no value can change the document's
 * structure (no tags, anchors, comments or implicit typing through a value). Keys are written plain only when they
 * are simple identifiers such as {@code Fn::Sub} or {@code SAML:aud}. Stateless; thread-safe.
 */
public final class YamlWriter {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*(::?[A-Za-z0-9]+)*");

    private YamlWriter() {
    }

    /** The YAML document for a top-level map (insertion order is kept). */
    public static String write(Map<String, ?> root) {
        StringBuilder out = new StringBuilder();
        writeMap(out, root, 0);
        return out.toString();
    }

    /** A double-quoted YAML scalar for {@code value}, ASCII only. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (cp >= 0x20 && cp <= 0x7E) {
                out.append((char) cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp <= 0xFFFF) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.append(String.format("\\U%08X", cp));
            }
        });
        return out.append('"').toString();
    }

    private static void writeMap(StringBuilder out, Map<String, ?> map, int indent) {
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            out.append(" ".repeat(indent)).append(key(entry.getKey())).append(':');
            writeNested(out, entry.getValue(), indent + 2);
        }
    }

    private static void writeList(StringBuilder out, List<?> list, int indent) {
        for (Object item : list) {
            if (isScalar(item)) {
                out.append(" ".repeat(indent)).append("- ").append(scalar(item)).append('\n');
            } else {
                // Write the nested block two columns deeper, then let "- " take the place of its first indentation.
                StringBuilder nested = new StringBuilder();
                writeBlock(nested, item, indent + 2);
                out.append(" ".repeat(indent)).append("- ").append(nested, indent + 2, nested.length());
            }
        }
    }

    private static void writeNested(StringBuilder out, Object value, int indent) {
        if (isScalar(value)) {
            out.append(' ').append(scalar(value)).append('\n');
        } else if (value instanceof Map<?, ?> map && map.isEmpty()) {
            out.append(" {}\n");
        } else if (value instanceof List<?> list && list.isEmpty()) {
            out.append(" []\n");
        } else {
            out.append('\n');
            writeBlock(out, value, indent);
        }
    }

    @SuppressWarnings("unchecked")
    private static void writeBlock(StringBuilder out, Object value, int indent) {
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            writeMap(out, (Map<String, ?>) map, indent);
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            writeList(out, list, indent);
        } else {
            throw new IllegalArgumentException("cannot write an empty collection as a list item, or a "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }

    private static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean;
    }

    private static String scalar(Object value) {
        return value instanceof String text ? quote(text) : String.valueOf(value);
    }

    private static String key(String key) {
        return PLAIN_KEY.matcher(key).matches() ? key : quote(key);
    }
}

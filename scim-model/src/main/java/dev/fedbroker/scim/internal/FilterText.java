package dev.fedbroker.scim.internal;

import dev.fedbroker.scim.ScimFilter;
import java.math.BigDecimal;

/** Renders a filter tree as canonical RFC 7644 filter text (parenthesised only where precedence needs it). */
public final class FilterText {
    private FilterText() {
    }

    /** The filter as text that {@link FilterParser} parses back to an equal tree. */
    public static String render(ScimFilter filter) {
        StringBuilder out = new StringBuilder();
        render(filter, out, 0);
        return out.toString();
    }

    /** Precedence: 0 = or, 1 = and, 2 = everything tighter. */
    private static void render(ScimFilter filter, StringBuilder out, int context) {
        if (filter instanceof ScimFilter.Or or) {
            wrap(out, context > 0, () -> {
                render(or.left(), out, 0);
                out.append(" or ");
                render(or.right(), out, 1);
            });
        } else if (filter instanceof ScimFilter.And and) {
            wrap(out, context > 1, () -> {
                render(and.left(), out, 1);
                out.append(" and ");
                render(and.right(), out, 2);
            });
        } else if (filter instanceof ScimFilter.Not not) {
            out.append("not (");
            render(not.filter(), out, 0);
            out.append(')');
        } else if (filter instanceof ScimFilter.Present present) {
            out.append(present.path()).append(" pr");
        } else if (filter instanceof ScimFilter.Comparison comparison) {
            out.append(comparison.path()).append(' ').append(comparison.operator().wireName()).append(' ');
            appendValue(comparison.value().orElse(null), out);
        } else if (filter instanceof ScimFilter.ValuePath valuePath) {
            out.append(valuePath.attribute()).append('[');
            render(valuePath.filter(), out, 0);
            out.append(']');
        }
    }

    private static void wrap(StringBuilder out, boolean parenthesise, Runnable body) {
        if (parenthesise) {
            out.append('(');
        }
        body.run();
        if (parenthesise) {
            out.append(')');
        }
    }

    private static void appendValue(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            appendQuoted(text, out);
        } else if (value instanceof BigDecimal number) {
            out.append(number.toString());
        } else {
            out.append(value);
        }
    }

    /** Appends a JSON string literal. */
    static void appendQuoted(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}

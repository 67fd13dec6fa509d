package dev.fedbroker.aws.internal;

/** HTML escaping for text and double-quoted attribute values. Stateless; thread-safe. */
public final class Html {

    private Html() {
    }

    /**
     * Escapes {@code & < > " '} so that the value is inert both as element text and inside a quoted attribute;
     * control characters other than tab, CR and LF are dropped.
     */
    public static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}

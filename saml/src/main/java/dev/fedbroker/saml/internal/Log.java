package dev.fedbroker.saml.internal;

/**
 * Makes attacker-controlled identifiers safe to put in a message or a DEBUG log line: bounded, and with every
 * character that could break or disguise a log line replaced by '?': controls (C0, C1 with NEL), line and paragraph
 * separators (U+2028, U+2029), and invisible format characters (bidirectional overrides, zero-width, BOM).
 */
final class Log {

    private Log() {
    }

    static String clip(String s, int max) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 3);
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            sb.append(unsafe(c) ? '?' : c);
        }
        return s.length() > max ? sb.append("...").toString() : sb.toString();
    }

    private static boolean unsafe(char c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT;
    }
}

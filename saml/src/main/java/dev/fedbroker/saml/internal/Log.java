package dev.fedbroker.saml.internal;

/** Makes attacker-controlled identifiers safe to put in a message or a DEBUG log line (no line breaks, bounded). */
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
            sb.append(Character.isISOControl(c) ? '?' : c);
        }
        return s.length() > max ? sb.append("...").toString() : sb.toString();
    }
}

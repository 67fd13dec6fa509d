package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.util.Base64;

/** Strict base64: the standard alphabet with padding, ASCII whitespace and line breaks ignored, anything else refused. */
final class StrictBase64 {

    private static final char[] WHITESPACE = {' ', '\t', '\r', '\n'};

    private StrictBase64() {
    }

    static byte[] decode(String encoded, int maxDecodedBytes) {
        StringBuilder compact = null;
        // Posted form fields rarely carry whitespace: the JDK's vectorized indexOf finds out far faster than a loop.
        int start = firstWhitespace(encoded);
        for (int i = start; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
            if (space && compact == null) {
                compact = new StringBuilder(encoded.length()).append(encoded, 0, i);
            } else if (!space && compact != null) {
                compact.append(c);
            }
        }
        String s = compact == null ? encoded : compact.toString();
        if (s.isEmpty()) {
            throw new SamlValidationException(Reason.MALFORMED, "The SAMLResponse is empty.");
        }
        if ((long) s.length() / 4 * 3 > maxDecodedBytes + 2L) {
            throw tooLarge(maxDecodedBytes);
        }
        byte[] out;
        try {
            out = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new SamlValidationException(Reason.MALFORMED, "The SAMLResponse is not valid base64 (standard"
                    + " alphabet with padding). If the host app URL-decoded the form field twice, '+' may have"
                    + " become a space: read the POST parameter once.");
        }
        if (out.length > maxDecodedBytes) {
            throw tooLarge(maxDecodedBytes);
        }
        return out;
    }

    private static int firstWhitespace(String s) {
        int first = s.length();
        for (char c : WHITESPACE) {
            int i = s.indexOf(c);
            if (i >= 0 && i < first) {
                first = i;
            }
        }
        return first;
    }

    private static SamlValidationException tooLarge(int max) {
        return new SamlValidationException(Reason.TOO_LARGE, "The decoded SAMLResponse exceeds " + max
                + " bytes (ValidationLimits.maxDecodedBytes).");
    }
}

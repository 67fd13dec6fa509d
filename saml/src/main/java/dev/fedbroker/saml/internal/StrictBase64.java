package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.util.Base64;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

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

    /**
     * The bytes of a base64 element (SignatureValue, DigestValue, CipherValue...): character data only, XML whitespace
     * ignored; a comment, CDATA section, processing instruction or child element, or any character outside the
     * standard alphabet, makes it invalid (empty). The MIME decoder skips junk, and other verifiers read only the first
     * text node: both would let one value be written many ways, and let two implementations disagree about it.
     */
    static Optional<byte[]> xmlValue(Element e) {
        StringBuilder text = new StringBuilder();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.TEXT_NODE) {
                return Optional.empty();
            }
            text.append(n.getNodeValue());
        }
        return xmlValue(text.toString());
    }

    private static Optional<byte[]> xmlValue(String text) {
        StringBuilder compact = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                compact.append(c);
            }
        }
        try {
            return Optional.of(Base64.getDecoder().decode(compact.toString()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static SamlValidationException tooLarge(int max) {
        return new SamlValidationException(Reason.TOO_LARGE, "The decoded SAMLResponse exceeds " + max
                + " bytes (ValidationLimits.maxDecodedBytes).");
    }
}

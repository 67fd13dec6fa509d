package dev.fedbroker.cli;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A captured SAML response, as found in a file: raw XML (first non-blank character {@code <}) or the base64
 * {@code SAMLResponse} form value, which may still be URL-encoded ({@code %2B}) and may carry the
 * {@code SAMLResponse=} prefix of a copied form body. Immutable.
 *
 * @param format how the file held the response
 * @param text   for {@link Format#BASE64} and {@link Format#URL_ENCODED_BASE64}: the base64 text, as the library
 *               receives a posted form field; empty for XML
 * @param xml    for {@link Format#XML}: the bytes as read; empty for base64 (the library decodes it)
 */
record ResponseInput(Format format, String text, byte[] xml) {

    /** How a file holds the response. */
    enum Format { XML, BASE64, URL_ENCODED_BASE64 }

    static ResponseInput detect(byte[] bytes) {
        int i = startsWithBom(bytes) ? 3 : 0;
        while (i < bytes.length && isSpace(bytes[i])) {
            i++;
        }
        if (i < bytes.length && bytes[i] == '<') {
            return new ResponseInput(Format.XML, "", bytes);
        }
        String text = new String(bytes, i, bytes.length - i, StandardCharsets.ISO_8859_1).strip();
        if (text.startsWith("SAMLResponse=")) {
            text = text.substring("SAMLResponse=".length());
            int amp = text.indexOf('&');
            text = amp < 0 ? text : text.substring(0, amp);
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.contains("%2B") || upper.contains("%2F") || upper.contains("%3D")) {
            try {
                return new ResponseInput(Format.URL_ENCODED_BASE64, URLDecoder.decode(text, StandardCharsets.UTF_8),
                        new byte[0]);
            } catch (IllegalArgumentException e) {
                // not URL-encoded after all: let base64 decoding report it
            }
        }
        return new ResponseInput(Format.BASE64, text, new byte[0]);
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** A lower-case name for output: {@code xml}, {@code base64}, {@code url-encoded-base64}. */
    String formatName() {
        return format.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

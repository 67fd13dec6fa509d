package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Raw DEFLATE (RFC 1951, no zlib header) as the HTTP-Redirect binding requires, with a bounded inflate. Stateless. */
final class Deflate {

    private Deflate() {
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Inflates at most {@code maxBytes} (a DEFLATE bomb stops there: TOO_LARGE); a truncated stream is MALFORMED. */
    static byte[] inflate(byte[] data, int maxBytes) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, data.length * 4 + 64));
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SamlValidationException(Reason.MALFORMED, "The redirect-binding message is not complete"
                            + " raw DEFLATE data (SAML bindings 3.4.4.1: DEFLATE, then base64, then URL-encode).");
                }
                if (out.size() + n > maxBytes) {
                    throw new SamlValidationException(Reason.TOO_LARGE, "The inflated redirect-binding message"
                            + " exceeds " + maxBytes + " bytes (ValidationLimits.maxDecodedBytes).");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new SamlValidationException(Reason.MALFORMED, "The redirect-binding message is not raw DEFLATE"
                    + " data (SAML bindings 3.4.4.1: DEFLATE without zlib header, then base64).", e);
        } finally {
            inflater.end();
        }
    }
}

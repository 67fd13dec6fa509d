package dev.fedbroker.testing.internal;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The IdP's side of the HTTP-Redirect binding (SAML bindings 3.4.4.1), written independently of the library under
 * test: raw DEFLATE + base64 + URL encoding, and the query-string signature over
 * {@code SAMLRequest=...&RelayState=...&SigAlg=...} made and checked with plain {@link Signature}. Stateless.
 */
public final class RedirectCodec {

    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final Map<String, String> JCA = Map.of(
            "http://www.w3.org/2000/09/xmldsig#rsa-sha1", "SHA1withRSA",
            RSA_SHA256, "SHA256withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "SHA384withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "SHA512withRSA");

    /** A decoded redirect-binding message. */
    public record Decoded(String xml, String relayState, String sigAlg, boolean signed) { }

    private RedirectCodec() {
    }

    /**
     * Reads {@code parameter} from a URL or raw query; when {@code verifyWith} is not null the signature is required
     * and must verify with it, over the raw (still URL-encoded) parameter values in the order of the specification.
     *
     * @throws IllegalArgumentException when the message is malformed or the signature is missing or wrong
     */
    public static Decoded decode(String urlOrQuery, String parameter, X509Certificate verifyWith) {
        String query = urlOrQuery.contains("?") ? urlOrQuery.substring(urlOrQuery.indexOf('?') + 1) : urlOrQuery;
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (raw.put(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("expected each parameter once, found " + name + " twice");
            }
        }
        String message = raw.get(parameter);
        if (message == null) {
            throw new IllegalArgumentException("expected a " + parameter + " parameter, found " + raw.keySet());
        }
        boolean signed = raw.containsKey("Signature");
        if (verifyWith != null) {
            if (!signed || !raw.containsKey("SigAlg")) {
                throw new IllegalArgumentException("expected a signed " + parameter + " (SigAlg and Signature), found"
                        + " parameters " + raw.keySet());
            }
            String octets = parameter + "=" + message
                    + (raw.containsKey("RelayState") ? "&RelayState=" + raw.get("RelayState") : "")
                    + "&SigAlg=" + raw.get("SigAlg");
            String sigAlg = url(raw.get("SigAlg"));
            if (!verify(sigAlg, octets, Base64.getDecoder().decode(url(raw.get("Signature"))), verifyWith)) {
                throw new IllegalArgumentException("expected the " + parameter + " signature to verify with "
                        + verifyWith.getSubjectX500Principal().getName() + ", but it does not");
            }
        }
        String relayState = raw.containsKey("RelayState") ? url(raw.get("RelayState")) : null;
        String sigAlg = raw.containsKey("SigAlg") ? url(raw.get("SigAlg")) : null;
        return new Decoded(new String(inflate(Base64.getDecoder().decode(url(message))), StandardCharsets.UTF_8),
                relayState, sigAlg, signed);
    }

    /**
     * The query string carrying {@code xml} as {@code parameter}; signed when {@code key} is not null.
     *
     * @param lowerCaseEscapes write %-escapes with lower-case hex digits, as Azure AD does (a verifier must use the
     *                         octets as received, not re-encode them)
     */
    public static String encode(String parameter, String xml, String relayState, PrivateKey key, String sigAlg,
            boolean lowerCaseEscapes) {
        StringBuilder q = new StringBuilder(parameter).append('=').append(escape(Base64.getEncoder()
                .encodeToString(deflate(xml.getBytes(StandardCharsets.UTF_8))), lowerCaseEscapes));
        if (relayState != null) {
            q.append("&RelayState=").append(escape(relayState, lowerCaseEscapes));
        }
        if (key != null) {
            q.append("&SigAlg=").append(escape(sigAlg, lowerCaseEscapes));
            try {
                Signature s = Signature.getInstance(jca(sigAlg));
                s.initSign(key);
                s.update(q.toString().getBytes(StandardCharsets.UTF_8));
                q.append("&Signature=").append(escape(Base64.getEncoder().encodeToString(s.sign()),
                        lowerCaseEscapes));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not sign the redirect message: " + e.getMessage(), e);
            }
        }
        return q.toString();
    }

    private static boolean verify(String sigAlg, String octets, byte[] value, X509Certificate certificate) {
        try {
            Signature s = Signature.getInstance(jca(sigAlg));
            s.initVerify(certificate.getPublicKey());
            s.update(octets.getBytes(StandardCharsets.UTF_8));
            return s.verify(value);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static String jca(String sigAlg) {
        String jca = JCA.get(sigAlg);
        if (jca == null) {
            throw new IllegalArgumentException("expected an RSA SigAlg, found " + sigAlg);
        }
        return jca;
    }

    private static String escape(String value, boolean lowerCase) {
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        if (!lowerCase) {
            return encoded;
        }
        StringBuilder sb = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                sb.append('%').append(HexFormat.of().formatHex(new byte[] {(byte) Integer.parseInt(
                        encoded.substring(i + 1, i + 3), 16)}));
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String url(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[2048];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[2048];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && inflater.needsInput()) {
                    throw new IllegalArgumentException("expected complete raw DEFLATE data");
                }
                out.write(buffer, 0, n);
                if (out.size() > 1 << 20) {
                    throw new IllegalArgumentException("expected a message under 1 MiB once inflated");
                }
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("expected raw DEFLATE data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }
}

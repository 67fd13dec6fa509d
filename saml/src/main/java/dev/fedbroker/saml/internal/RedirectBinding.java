package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.ValidationLimits;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The SAML 2.0 HTTP-Redirect binding (bindings 3.4): the message is DEFLATE-compressed, base64-encoded and URL-encoded
 * into {@code SAMLRequest} or {@code SAMLResponse}; when signed, {@code SigAlg} and {@code Signature} sign the octets
 * {@code SAMLRequest=...&RelayState=...&SigAlg=...} built from the parameters exactly as they appear in the URL.
 * Outbound messages are signed with RSA-SHA256; inbound signatures are verified with plain
 * {@link java.security.Signature} and the IdP's metadata keys only. Stateless and thread-safe.
 */
public final class RedirectBinding {

    /** What an inbound redirect-binding message carried, after the signature (if any) verified. */
    public record Inbound(byte[] xml, Optional<String> relayState, boolean signed) { }

    private RedirectBinding() {
    }

    /**
     * The query string (without {@code ?}) for {@code xml} sent as {@code parameter}; signed with RSA-SHA256 when
     * {@code key} is present.
     */
    public static String query(String parameter, byte[] xml, Optional<String> relayState, Optional<PrivateKey> key) {
        StringBuilder q = new StringBuilder(xml.length + 512).append(parameter).append('=')
                .append(encode(Base64.getEncoder().encodeToString(Deflate.deflate(xml))));
        relayState.ifPresent(r -> q.append("&RelayState=").append(encode(r)));
        if (key.isPresent()) {
            q.append("&SigAlg=").append(encode(Names.RSA_SHA256));
            try {
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(key.get());
                s.update(q.toString().getBytes(StandardCharsets.UTF_8));
                q.append("&Signature=").append(encode(Base64.getEncoder().encodeToString(s.sign())));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Could not sign the redirect-binding message with the SP key: "
                        + e.getMessage(), e);
            }
        }
        return q.toString();
    }

    /** {@code endpoint} with {@code query} appended ({@code ?} or {@code &}, as the endpoint already has a query). */
    public static URI url(String endpoint, String query) {
        return URI.create(endpoint + (endpoint.indexOf('?') < 0 ? '?' : '&') + query);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Reads {@code parameter} (SAMLRequest or SAMLResponse) from a raw query string (or a whole URL), verifies its
     * signature if present (required when {@code requireSigned}), then decodes and inflates the message. The
     * signature is checked before any XML is read.
     */
    public static Inbound receive(String rawQuery, String parameter, List<X509Certificate> trusted,
                                  boolean requireSigned, boolean allowSha1, ValidationLimits limits,
                                  int relayStateMaxBytes) {
        RedirectQuery q = RedirectQuery.parse(rawQuery, parameter, limits.maxEncodedBytes());
        boolean signed = q.signature().isPresent();
        if (!signed && q.sigAlg().isPresent()) {
            throw new SamlValidationException(Reason.REDIRECT_SIGNATURE_INVALID, "The " + parameter + " carries"
                    + " SigAlg but no Signature parameter: the signature was stripped on the way.");
        }
        if (signed) {
            verify(q, parameter, trusted, allowSha1);
        } else if (requireSigned) {
            throw new SamlValidationException(Reason.REDIRECT_SIGNATURE_MISSING, "The " + parameter + " arrived"
                    + " without SigAlg and Signature, but signed logout messages are required"
                    + " (ServiceProvider.builder().requireSignedLogoutMessages(true)). Azure AD signs its logout"
                    + " messages; an unsigned one was altered on the way or did not come from the IdP.");
        }
        Optional<String> relayState = q.relayState().map(RedirectQuery::decode);
        if (relayState.isPresent()
                && relayState.get().getBytes(StandardCharsets.UTF_8).length > relayStateMaxBytes) {
            throw new SamlValidationException(Reason.RELAY_STATE_TOO_LONG, "The RelayState has more than "
                    + relayStateMaxBytes + " bytes (SAML bindings 3.4.3 allows 80; see relayStateMaxBytes).");
        }
        byte[] deflated = base64(RedirectQuery.decode(q.message()), parameter, Reason.MALFORMED);
        return new Inbound(Deflate.inflate(deflated, limits.maxDecodedBytes()), relayState, signed);
    }

    private static void verify(RedirectQuery q, String parameter, List<X509Certificate> trusted, boolean allowSha1) {
        if (q.sigAlg().isEmpty()) {
            throw new SamlValidationException(Reason.REDIRECT_SIGNATURE_INVALID, "The " + parameter + " carries a"
                    + " Signature but no SigAlg parameter (SAML bindings 3.4.4.1).");
        }
        SignatureAlgorithms.SignatureAlgorithm algorithm = SignatureAlgorithms.signature(
                RedirectQuery.decode(q.sigAlg().get()), allowSha1);
        byte[] value = base64(RedirectQuery.decode(q.signature().get()), "Signature",
                Reason.REDIRECT_SIGNATURE_INVALID);
        StringBuilder signedOctets = new StringBuilder(parameter).append('=').append(q.message());
        q.relayState().ifPresent(r -> signedOctets.append("&RelayState=").append(r));
        signedOctets.append("&SigAlg=").append(q.sigAlg().get());
        byte[] data = signedOctets.toString().getBytes(StandardCharsets.UTF_8);
        for (X509Certificate c : trusted) {
            if (algorithm.keyType().equals(c.getPublicKey().getAlgorithm()) && verifies(algorithm, c, data, value)) {
                return;
            }
        }
        throw new SamlValidationException(Reason.REDIRECT_SIGNATURE_INVALID, "The " + parameter + " query-string"
                + " signature does not verify with any of the " + trusted.size() + " IdP signing certificate(s):"
                + " a parameter was altered, or Azure AD rolled over its certificate (refresh the IdP metadata).");
    }

    private static boolean verifies(SignatureAlgorithms.SignatureAlgorithm algorithm, X509Certificate certificate,
                                    byte[] data, byte[] value) {
        try {
            Signature s = Signature.getInstance(algorithm.jcaName());
            s.initVerify(certificate.getPublicKey());
            s.update(data);
            return s.verify("EC".equals(algorithm.keyType()) ? SignatureVerifier.rawToDer(value) : value);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a malformed value or a key of another shape: this key does not verify it
        }
    }

    private static byte[] base64(String value, String what, Reason reason) {
        try {
            return Base64.getDecoder().decode(value.replaceAll("[\\r\\n\\t ]", ""));
        } catch (IllegalArgumentException e) {
            throw new SamlValidationException(reason, "The " + what + " parameter is not base64.");
        }
    }
}

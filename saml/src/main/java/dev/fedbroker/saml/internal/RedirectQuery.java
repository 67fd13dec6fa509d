package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The SAML parameters of a raw redirect-binding query string (or of a whole http(s) URL), kept URL-encoded exactly as received (the signature
 * covers those octets, and senders differ in how they percent-encode: Azure AD uses lower-case hex). Each SAML
 * parameter may appear once; when signed, the message, RelayState and SigAlg must come in the order of SAML bindings
 * 3.4.4.1. Other parameters are ignored (they are not signed).
 */
record RedirectQuery(String message, Optional<String> relayState, Optional<String> sigAlg,
                     Optional<String> signature) {

    private static final String OTHER_MESSAGE_REQUEST = "SAMLRequest";
    private static final String OTHER_MESSAGE_RESPONSE = "SAMLResponse";

    static RedirectQuery parse(String rawQueryOrUrl, String parameter, int maxLength) {
        if (rawQueryOrUrl == null || rawQueryOrUrl.isEmpty()) {
            throw new SamlValidationException(Reason.MALFORMED, "The query string is empty; expected " + parameter
                    + "=... (HTTP-Redirect binding). Pass the raw query string, e.g. request.getQueryString().");
        }
        if (rawQueryOrUrl.length() > maxLength) {
            throw new SamlValidationException(Reason.TOO_LARGE, "The query string has " + rawQueryOrUrl.length()
                    + " characters; at most " + maxLength + " are accepted (ValidationLimits.maxEncodedBytes).");
        }
        String q = rawQueryOrUrl;
        if (q.regionMatches(true, 0, "https://", 0, 8) || q.regionMatches(true, 0, "http://", 0, 7)) {
            // a whole URL: its query lies between the first '?' and any fragment
            int hash = q.indexOf('#');
            q = hash >= 0 ? q.substring(0, hash) : q;
            int question = q.indexOf('?');
            q = question >= 0 ? q.substring(question + 1) : "";
        } else if (q.startsWith("?")) {
            q = q.substring(1);
        }
        String other = OTHER_MESSAGE_REQUEST.equals(parameter) ? OTHER_MESSAGE_RESPONSE : OTHER_MESSAGE_REQUEST;
        String[] values = new String[4];
        int[] positions = {-1, -1, -1, -1};
        String[] names = {parameter, "RelayState", "SigAlg", "Signature"};
        String[] pairs = q.split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
            String value = eq < 0 ? "" : pairs[i].substring(eq + 1);
            if (name.equals(other)) {
                throw new SamlValidationException(Reason.MALFORMED, "The query string carries " + other + " where "
                        + parameter + " was expected (a request sent to the response endpoint, or the reverse).");
            }
            for (int k = 0; k < names.length; k++) {
                if (names[k].equals(name)) {
                    if (values[k] != null) {
                        throw new SamlValidationException(Reason.MALFORMED, "The query string repeats " + name
                                + "; each SAML parameter may appear once.");
                    }
                    values[k] = value;
                    positions[k] = i;
                }
            }
        }
        if (values[0] == null || values[0].isEmpty()) {
            throw new SamlValidationException(Reason.MALFORMED, "The query string has no " + parameter
                    + " parameter (HTTP-Redirect binding).");
        }
        if (values[3] != null && (positions[1] >= 0 && positions[1] < positions[0]
                || positions[2] >= 0 && (positions[2] < positions[0] || positions[2] < positions[1]))) {
            throw new SamlValidationException(Reason.REDIRECT_SIGNATURE_INVALID, "The signed parameters are out of"
                    + " order; SAML bindings 3.4.4.1 signs " + parameter + ", RelayState, SigAlg in that order, and"
                    + " a genuine sender sends them so. Refused as tampered.");
        }
        return new RedirectQuery(values[0], Optional.ofNullable(values[1]), Optional.ofNullable(values[2]),
                Optional.ofNullable(values[3]));
    }

    /** URL-decodes one raw value ({@code +} is a space); malformed escapes are MALFORMED. */
    static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SamlValidationException(Reason.MALFORMED, "A query-string parameter has a malformed"
                    + " %-escape.");
        }
    }
}

package dev.fedbroker.saml;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An SP-initiated sign-in over the HTTP-POST binding: serve {@link #html()} (an auto-submitting form) to the browser
 * and remember {@link #requestId()}. The AuthnRequest inside carries an enveloped XML signature when the SP has a
 * signing key. Azure AD documents HTTP-Redirect for AuthnRequests; prefer {@link ServiceProvider#authnRequest} unless
 * the request is too large for a URL. Immutable and thread-safe.
 *
 * @param action      the IdP's HTTP-POST SingleSignOnService URL
 * @param requestId   the AuthnRequest ID, which the response must carry as InResponseTo
 * @param samlRequest the base64 AuthnRequest (the {@code SAMLRequest} form field)
 * @param relayState  the RelayState form field, if any
 */
public record AuthnPost(URI action, String requestId, String samlRequest, Optional<String> relayState) {
    public AuthnPost {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(samlRequest, "samlRequest");
        Objects.requireNonNull(relayState, "relayState");
    }

    /** A complete HTML page that posts the form on load (with a button when scripts are off). */
    public String html() {
        return html(Optional.empty());
    }

    /** As {@link #html()}, with {@code nonce} on the inline script for a Content-Security-Policy {@code script-src}. */
    public String html(String cspNonce) {
        return html(Optional.of(Objects.requireNonNull(cspNonce, "cspNonce")));
    }

    private String html(Optional<String> nonce) {
        StringBuilder sb = new StringBuilder(samlRequest.length() + 1024);
        sb.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"referrer\" content=\"no-referrer\">")
                .append("<title>Signing in</title></head><body>\n<form method=\"post\" action=\"")
                .append(escape(action.toString())).append("\">\n<input type=\"hidden\" name=\"SAMLRequest\" value=\"")
                .append(escape(samlRequest)).append("\">\n");
        relayState.ifPresent(r -> sb.append("<input type=\"hidden\" name=\"RelayState\" value=\"").append(escape(r))
                .append("\">\n"));
        sb.append("<noscript><button type=\"submit\">Continue</button></noscript>\n</form>\n<script");
        nonce.ifPresent(n -> sb.append(" nonce=\"").append(escape(n)).append('"'));
        return sb.append(">document.forms[0].submit();</script>\n</body></html>\n").toString();
    }

    /** HTML-escapes text for an attribute value or element content. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '`' -> sb.append("&#96;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

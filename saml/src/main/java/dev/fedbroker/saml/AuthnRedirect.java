package dev.fedbroker.saml;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * An SP-initiated sign-in over the HTTP-Redirect binding: send the browser to {@link #url()} (HTTP 302) and remember
 * {@link #requestId()} (e.g. in the session) to pass to {@link ServiceProvider#validate(String, String)}. Immutable and
 * thread-safe.
 *
 * @param url        the IdP's SingleSignOnService URL with {@code SAMLRequest}, {@code RelayState} and, when the SP
 *                   signs, {@code SigAlg} and {@code Signature} (plus {@code login_hint} when requested)
 * @param requestId  the AuthnRequest ID, which the response must carry as InResponseTo
 * @param relayState the RelayState sent along, if any
 */
public record AuthnRedirect(URI url, String requestId, Optional<String> relayState) {
    public AuthnRedirect {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(relayState, "relayState");
    }
}

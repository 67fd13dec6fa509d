package dev.fedbroker.saml;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where to send the browser with a logout message (HTTP-Redirect binding), and the message's ID. Immutable and
 * thread-safe.
 *
 * @param url        the IdP's SingleLogoutService URL with {@code SAMLRequest}/{@code SAMLResponse}, {@code RelayState}
 *                   and, when the SP signs, {@code SigAlg} and {@code Signature}
 * @param messageId  the ID of the LogoutRequest (remember it to validate the LogoutResponse's InResponseTo) or of
 *                   the LogoutResponse
 * @param relayState the RelayState sent along, if any
 */
public record LogoutRedirect(URI url, String messageId, Optional<String> relayState) {
    public LogoutRedirect {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(relayState, "relayState");
    }
}

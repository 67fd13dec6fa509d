package dev.fedbroker.saml;

import java.util.Objects;
import java.util.Optional;

/**
 * A validated LogoutResponse to an SP-initiated logout: the IdP ended the user's session. Immutable and thread-safe.
 *
 * @param inResponseTo the LogoutRequest ID it answers
 * @param relayState   the RelayState returned with it, if any (check it with {@link RedirectTargets} before use)
 * @param partial      true when the IdP reported {@code PartialLogout}: some other session participants may still
 *                     be signed in
 * @param signed       whether the query string was signed (and verified)
 */
public record LogoutOutcome(String inResponseTo, Optional<String> relayState, boolean partial, boolean signed) {
    public LogoutOutcome {
        Objects.requireNonNull(inResponseTo, "inResponseTo");
        Objects.requireNonNull(relayState, "relayState");
    }
}

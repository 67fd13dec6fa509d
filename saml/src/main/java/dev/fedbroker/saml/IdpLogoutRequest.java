package dev.fedbroker.saml;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated, IdP-initiated LogoutRequest: end the local session(s) of this user, then answer with
 * {@link SingleLogout#response(IdpLogoutRequest)}. Immutable and thread-safe.
 *
 * @param id             the request ID (the LogoutResponse's InResponseTo)
 * @param issuer         the Issuer, one of the accepted logout issuers
 * @param nameId         the NameID of the user to sign out, exactly as sent (compare with {@code Identity.nameId()})
 * @param nameIdFormat   its Format, if given
 * @param sessionIndexes the SessionIndex values (compare with {@code Identity.sessionIndex()}); empty means every
 *                       session of that user
 * @param relayState     the RelayState, which must be returned with the response
 * @param issueInstant   when the IdP issued it
 * @param signed         whether the query string was signed (and verified)
 */
public record IdpLogoutRequest(String id, String issuer, String nameId, Optional<String> nameIdFormat,
                               List<String> sessionIndexes, Optional<String> relayState, Instant issueInstant,
                               boolean signed) {
    public IdpLogoutRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(nameIdFormat, "nameIdFormat");
        sessionIndexes = List.copyOf(sessionIndexes);
        Objects.requireNonNull(relayState, "relayState");
        Objects.requireNonNull(issueInstant, "issueInstant");
    }

    /** Whether {@code sessionIndex} is among those to end (always true when the request names none). */
    public boolean covers(String sessionIndex) {
        return sessionIndexes.isEmpty() || sessionIndexes.contains(sessionIndex);
    }
}

package dev.fedbroker.sample.dev;

import java.util.Objects;
import java.util.Optional;

/**
 * A user the development IdP can sign in: one provisioned in the SCIM directory. Immutable.
 *
 * @param scimId      the SCIM id
 * @param userName    the UPN
 * @param displayName the display name
 * @param givenName   the first name, when provisioned
 * @param surname     the last name, when provisioned
 * @param objectId    the object id put in the token (seeded, or derived from the SCIM id)
 * @param mfa         whether the sign-in counts as multi-factor
 * @param about       what the user demonstrates (seeded users only)
 */
public record DevUser(String scimId, String userName, String displayName, Optional<String> givenName,
        Optional<String> surname, String objectId, boolean mfa, Optional<String> about) {

    public DevUser {
        Objects.requireNonNull(scimId, "scimId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(about, "about");
    }
}

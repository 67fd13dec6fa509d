package dev.fedbroker.scim;

import java.util.Objects;
import java.util.Optional;

/**
 * A group that a user (or group) belongs to, as {@link ScimResourceStore#memberships(String)} reports it.
 * Immutable and thread-safe.
 *
 * @param groupId     the group's SCIM id
 * @param externalId  the group's externalId (Azure AD sends the group's object id there)
 * @param displayName the group's displayName
 * @param direct      true for a direct membership, false when it comes through a nested group
 */
public record ScimMembership(String groupId, Optional<String> externalId, String displayName, boolean direct) {
    public ScimMembership {
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(displayName, "displayName");
    }
}

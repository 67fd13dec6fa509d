package dev.fedbroker.core;

import java.util.Optional;
import java.util.Set;

/**
 * The read side of the provisioned directory that entitlement resolution needs: users, groups and memberships that
 * Azure AD provisioned over SCIM. Implementations are thread-safe.
 *
 * <p>Group ids in this interface are the ids that policies and SAML group claims use: the Azure object id of each
 * group, which Azure's default SCIM mapping sends as the group's {@code externalId}.
 */
public interface Directory {

    /** The user whose userName equals {@code userName}, compared case-insensitively. */
    Optional<DirectoryUser> userByUserName(String userName);

    /** The user whose Azure object id is {@code objectId} (when the SCIM mapping sends it). */
    Optional<DirectoryUser> userByObjectId(String objectId);

    /**
     * The ids of every group the user belongs to, directly or through a provisioned group that is itself a member
     * of another group. Empty when the user is unknown.
     */
    Set<String> groupIdsOf(DirectoryUser user);

    /** The group with this id (the Azure object id, see the class comment). */
    Optional<DirectoryGroup> groupById(String groupId);
}

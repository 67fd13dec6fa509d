package dev.fedbroker.core.internal;

import dev.fedbroker.core.Directory;
import dev.fedbroker.core.DirectoryUser;
import dev.fedbroker.core.DropReason;
import dev.fedbroker.core.DroppedCandidate;
import dev.fedbroker.core.Explanation.GroupSource;
import dev.fedbroker.core.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The groups an identity's group assignments are matched against: the token's groups claim, or, when Azure AD sent
 * the overage claim instead, the groups the provisioned directory holds for the one user that the identity matches.
 * Fails closed: without a directory, without exactly one matching user, with an object-id conflict or an inactive
 * user, there are no groups, and the reason says why.
 */
public final class IdentityGroups {

    private static final String EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    private IdentityGroups() {
    }

    /** The outcome: where the groups came from, the groups, and the reason when overage could not be resolved. */
    public record Lookup(GroupSource source, List<String> groups, Optional<DroppedCandidate> problem) {
    }

    public static Lookup of(Identity identity, Optional<Directory> directory) {
        if (!identity.groupsOverage()) {
            return new Lookup(GroupSource.TOKEN, identity.groups(), Optional.empty());
        }
        if (directory.isEmpty()) {
            return unresolved("no directory is configured. Build the resolver with EntitlementResolver.of(policy,"
                    + " directory) over the SCIM-provisioned directory, or reduce the user's groups (or filter the"
                    + " group claim in Azure AD) below the limit.");
        }
        Directory dir = directory.get();
        Map<String, DirectoryUser> found = new LinkedHashMap<>(); // by directory id
        List<String> tried = new ArrayList<>();
        identity.objectId().ifPresent(oid -> {
            tried.add("object id " + oid);
            dir.userByObjectId(oid).ifPresent(u -> found.put(u.id(), u));
        });
        Optional<String> upn = identity.upn().or(() -> EMAIL_FORMAT.equals(identity.nameIdFormat())
                ? Optional.of(identity.nameId()) : Optional.empty());
        upn.ifPresent(name -> {
            tried.add("userName " + name);
            dir.userByUserName(name).ifPresent(u -> found.put(u.id(), u));
            if (GuestUpns.isGuest(name)) {
                GuestUpns.stripped(name).ifPresent(s -> {
                    tried.add("userName " + s + " (the guest UPN as Azure provisions it)");
                    dir.userByUserName(s).ifPresent(u -> found.put(u.id(), u));
                });
            }
        });
        if (tried.isEmpty()) {
            return unresolved("the identity has neither an object id nor a UPN to find it in the directory by. Send"
                    + " the objectidentifier or name claim.");
        }
        if (found.isEmpty()) {
            return unresolved("no provisioned user matches " + String.join(", ", tried) + ". Check that the user is"
                    + " in the provisioning scope of the Azure AD app and that provisioning has run.");
        }
        if (found.size() > 1) {
            return unresolved("several provisioned users match (" + String.join(", ", tried) + "): directory ids "
                    + found.keySet() + ". Remove the stale user from the directory.");
        }
        DirectoryUser user = found.values().iterator().next();
        if (user.objectId().isPresent() && identity.objectId().isPresent()
                && !user.objectId().get().equalsIgnoreCase(identity.objectId().get())) {
            return unresolved("the provisioned user " + user.id() + " has userName " + user.userName()
                    + " but object id " + user.objectId().get() + ", not the signed-in user's; the UPN may have been"
                    + " reassigned. Let provisioning update or remove the stale user.");
        }
        if (!user.active()) {
            return unresolved("the provisioned user " + user.id() + " is inactive (disabled or soft-deleted in Azure"
                    + " AD); its groups are not used.");
        }
        List<String> groups = new ArrayList<>(dir.groupIdsOf(user));
        groups.sort(null); // a directory returns a set: sort for a deterministic explanation
        return new Lookup(GroupSource.DIRECTORY, groups, Optional.empty());
    }

    private static Lookup unresolved(String why) {
        String message = "Azure AD sent the group-overage claim (the user is in more groups than a SAML token holds)"
                + " instead of the groups, and the groups could not be read from the directory: " + why
                + " No group assignment applies.";
        return new Lookup(GroupSource.UNRESOLVED, List.of(),
                Optional.of(new DroppedCandidate(DropReason.OVERAGE_UNRESOLVED, Optional.empty(), message, List.of())));
    }
}

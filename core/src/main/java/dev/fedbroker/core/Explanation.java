package dev.fedbroker.core;

import java.util.List;
import java.util.Objects;

/**
 * What an identity gets, and what it does not get and why. Immutable and thread-safe.
 *
 * @param granted     the entitlements, ordered by account id then permission-set name (as {@code resolve} returns)
 * @param dropped     the candidates left out, and the inputs that could not be used, each with a reason
 * @param groupSource where the identity's groups came from
 * @param groups      the group ids matched against group assignments
 */
public record Explanation(List<Entitlement> granted, List<DroppedCandidate> dropped, GroupSource groupSource,
        List<String> groups) {

    public Explanation {
        granted = List.copyOf(granted);
        dropped = List.copyOf(dropped);
        Objects.requireNonNull(groupSource, "groupSource");
        groups = List.copyOf(groups);
    }

    /** Where the groups matched against group assignments came from. */
    public enum GroupSource {
        /** The SAML groups claim. */
        TOKEN,
        /** The provisioned directory, because Azure AD sent the overage claim instead of the groups. */
        DIRECTORY,
        /** Nowhere: overage could not be resolved, so no group assignment applies (see {@link DropReason#OVERAGE_UNRESOLVED}). */
        UNRESOLVED
    }
}

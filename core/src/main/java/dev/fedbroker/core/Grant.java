package dev.fedbroker.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One reason why an identity has an entitlement: a group or user assignment on a target, or a legacy role claim.
 * Immutable and thread-safe.
 *
 * @param kind       how the entitlement was granted
 * @param principal  the group id or user as the policy names it; for a role claim, the claim value as received
 * @param target     the assignment's target (account, unit or root id); for a role claim, the account id
 * @param targetPath the ids from the organization root down to the target, inclusive (e.g. {@code [r-root, ou-prod]});
 *                   just {@code [accountId]} for a role claim on an account that the policy does not know
 * @param rolePair   for a role claim, the parsed role and SAML provider ARNs
 */
public record Grant(Kind kind, String principal, String target, List<String> targetPath, Optional<RolePair> rolePair)
        implements Comparable<Grant> {

    public Grant {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(target, "target");
        targetPath = List.copyOf(targetPath);
        Objects.requireNonNull(rolePair, "rolePair");
        if (rolePair.isPresent() != (kind == Kind.ROLE_CLAIM)) {
            throw new IllegalArgumentException("a rolePair belongs to exactly the ROLE_CLAIM grants");
        }
    }

    /** A short human-readable form, e.g. {@code group 0b6e... on ou-prod (r-root/ou-prod)}. */
    public String describe() {
        String who = switch (kind) {
            case GROUP -> "group " + principal;
            case USER -> "user " + principal;
            case ROLE_CLAIM -> "role claim " + principal;
        };
        return who + " on " + target + " (" + String.join("/", targetPath) + ")";
    }

    /** Orders by kind, then principal, then target. */
    @Override
    public int compareTo(Grant o) {
        int c = kind.compareTo(o.kind);
        if (c == 0) {
            c = principal.compareTo(o.principal);
        }
        return c != 0 ? c : target.compareTo(o.target);
    }

    /** How an entitlement was granted. */
    public enum Kind {
        /** An assignment to a group the identity is in (from the token, or from the directory on overage). */
        GROUP,
        /** An assignment to the identity itself (object id, UPN or NameID). */
        USER,
        /** A legacy AWS role claim, when the policy accepts them. */
        ROLE_CLAIM
    }
}

package dev.fedbroker.core;

import dev.fedbroker.core.internal.PairExplainer;
import dev.fedbroker.core.internal.PolicyIndex;
import dev.fedbroker.core.internal.Resolution;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a validated {@link Identity} into the (account, permission set) pairs it may use, each with every grant that
 * produced it. The policy is indexed once, at construction (group → assignments, user → assignments, unit → accounts
 * beneath it), so resolution costs what the identity's own assignments cost, not what the policy's size costs.
 *
 * <p>Matching: a user principal matches the identity's object id, UPN or NameID, ignoring case; a group principal
 * matches a group of the identity's groups claim, ignoring case, or, when Azure AD sent the group-overage claim
 * instead, a group that the {@link Directory} holds for the user (found by object id or by UPN = userName, B2B guest
 * UPNs also in the stripped form Azure provisions). Without a directory, or without exactly one matching active user,
 * an overage identity gets no group grants (fail closed). Permission sets that require MFA need
 * {@link Identity#hasMfa()}. With {@link Policy#acceptRoleClaims()}, role claim values that are valid ARN pairs also
 * grant (account, role name). {@link #explain(Identity)} says what was left out and why.
 *
 * <p>Immutable and thread-safe; build one per policy and share it (the directory must be thread-safe too).
 */
public final class EntitlementResolver {

    private static final Logger LOG = LoggerFactory.getLogger(EntitlementResolver.class);

    private final Resolution resolution;

    private EntitlementResolver(Policy policy, Optional<Directory> directory) {
        this.resolution = new Resolution(new PolicyIndex(Objects.requireNonNull(policy, "policy")), directory);
    }

    /** A resolver without directory: identities with group overage get no group grants. */
    public static EntitlementResolver of(Policy policy) {
        return new EntitlementResolver(policy, Optional.empty());
    }

    /** A resolver that reads the groups of identities with group overage from {@code directory}. */
    public static EntitlementResolver of(Policy policy, Directory directory) {
        return new EntitlementResolver(policy, Optional.of(Objects.requireNonNull(directory, "directory")));
    }

    public Policy policy() {
        return resolution.index().policy();
    }

    /** The identity's entitlements, deduplicated, ordered by account id then permission-set name. */
    public List<Entitlement> resolve(Identity identity) {
        return explain(identity).granted();
    }

    /** The identity's entitlements, plus every candidate or input left out, with its reason. */
    public Explanation explain(Identity identity) {
        Explanation e = resolution.explain(Objects.requireNonNull(identity, "identity"));
        if (LOG.isDebugEnabled()) {
            LOG.debug("resolved {} entitlement(s), {} dropped, groups from {} ({})", e.granted().size(),
                    e.dropped().size(), e.groupSource(), e.groups().size());
        }
        return e;
    }

    /**
     * Why the identity does or does not get this pair. Any strings are accepted (they may come from a browser); an
     * unknown account or permission set is itself the answer.
     */
    public PairExplanation explain(Identity identity, String accountId, String permissionSetName) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(permissionSetName, "permissionSetName");
        return PairExplainer.explain(resolution.index(), explain(identity), accountId, permissionSetName);
    }
}

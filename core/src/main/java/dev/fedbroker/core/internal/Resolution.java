package dev.fedbroker.core.internal;

import dev.fedbroker.core.AccountRole;
import dev.fedbroker.core.Directory;
import dev.fedbroker.core.DropReason;
import dev.fedbroker.core.DroppedCandidate;
import dev.fedbroker.core.Entitlement;
import dev.fedbroker.core.Explanation;
import dev.fedbroker.core.Grant;
import dev.fedbroker.core.Identity;
import dev.fedbroker.core.PermissionSet;
import dev.fedbroker.core.RolePair;
import dev.fedbroker.core.internal.PolicyIndex.AccountNode;
import dev.fedbroker.core.internal.PolicyIndex.Compiled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves one identity against an indexed policy: collects candidate pairs from group assignments, user assignments
 * and (when accepted) role claims, merges the grants of each pair, applies the MFA condition, and explains every
 * candidate or input it leaves out. Thread-safe: it keeps no state between calls.
 */
public final class Resolution {

    /** Session duration of a role claim whose role name is no permission set of the policy (AWS's default). */
    public static final Duration ROLE_CLAIM_SESSION = Duration.ofHours(1);

    private final PolicyIndex index;
    private final Optional<Directory> directory;

    public Resolution(PolicyIndex index, Optional<Directory> directory) {
        this.index = index;
        this.directory = directory;
    }

    public PolicyIndex index() {
        return index;
    }

    private record PairKey(String accountId, String name) {
    }

    /** A pair being collected; {@code set} is null for a role claim that names no permission set of the policy. */
    private static final class Candidate {
        final String accountName;
        final PermissionSet set;
        final List<Grant> grants = new ArrayList<>(2);

        Candidate(String accountName, PermissionSet set) {
            this.accountName = accountName;
            this.set = set;
        }
    }

    public Explanation explain(Identity identity) {
        IdentityGroups.Lookup groups = IdentityGroups.of(identity, directory);
        List<DroppedCandidate> dropped = new ArrayList<>();
        groups.problem().ifPresent(dropped::add);
        Map<PairKey, Candidate> candidates = new HashMap<>();
        Set<String> groupKeys = new HashSet<>();
        for (String group : groups.groups()) {
            String key = PolicyIndex.key(group);
            if (groupKeys.add(key)) {
                index.forGroup(key).forEach(c -> apply(c, candidates));
            }
        }
        for (String key : userKeys(identity)) {
            index.forUser(key).forEach(c -> apply(c, candidates));
        }
        roleClaims(identity, candidates, dropped);
        List<PairKey> keys = new ArrayList<>(candidates.keySet());
        keys.sort((a, b) -> {
            int c = a.accountId().compareTo(b.accountId());
            return c != 0 ? c : a.name().compareTo(b.name());
        });
        List<Entitlement> granted = new ArrayList<>(keys.size());
        for (PairKey key : keys) {
            Candidate c = candidates.get(key);
            AccountRole pair = new AccountRole(key.accountId(), key.name());
            List<Grant> grants = c.grants.size() == 1 ? List.of(c.grants.get(0))
                    : c.grants.stream().distinct().sorted().toList();
            if (c.set != null && c.set.requireMfa() && !identity.hasMfa()) {
                dropped.add(new DroppedCandidate(DropReason.MFA_REQUIRED, Optional.of(pair), "Permission set "
                        + key.name() + " requires multi-factor authentication, and the sign-in's authentication"
                        + " methods " + identity.authnMethods() + " do not include " + Identity.AZURE_MFA_METHOD
                        + ". Sign in with MFA (e.g. a Conditional Access policy that requires MFA for this app).",
                        grants));
            } else {
                Duration duration = c.set != null ? c.set.sessionDuration() : ROLE_CLAIM_SESSION;
                granted.add(new Entitlement(pair, c.accountName, duration, grants));
            }
        }
        return new Explanation(granted, dropped, groups.source(), groups.groups());
    }

    private static void apply(Compiled c, Map<PairKey, Candidate> candidates) {
        for (AccountNode node : c.target().accounts()) {
            candidates.computeIfAbsent(new PairKey(node.account().id(), c.permissionSet().name()),
                    k -> new Candidate(node.account().name(), c.permissionSet())).grants.add(c.grant());
        }
    }

    /** The identity's user ids that user principals may name: object id, UPN, NameID (lower-cased, distinct). */
    private static Set<String> userKeys(Identity identity) {
        Set<String> keys = new LinkedHashSet<>();
        identity.objectId().ifPresent(v -> keys.add(PolicyIndex.key(v)));
        identity.upn().ifPresent(v -> keys.add(PolicyIndex.key(v)));
        keys.add(PolicyIndex.key(identity.nameId()));
        return keys;
    }

    private void roleClaims(Identity identity, Map<PairKey, Candidate> candidates, List<DroppedCandidate> dropped) {
        boolean accepted = index.policy().acceptRoleClaims();
        for (String value : identity.roles()) {
            RoleClaims.Result result = RoleClaims.parse(value);
            if (result instanceof RoleClaims.NotAPair) {
                continue;
            }
            if (!accepted) {
                Optional<AccountRole> pair = result instanceof RoleClaims.Parsed p
                        ? Optional.of(new AccountRole(p.pair().accountId(), p.pair().roleName())) : Optional.empty();
                dropped.add(new DroppedCandidate(DropReason.ROLE_CLAIMS_NOT_ACCEPTED, pair, "Role claim value "
                        + PolicyRules.quote(value) + " is ignored: the policy does not accept role claims. Assign a"
                        + " permission set instead, or set \"acceptRoleClaims\": true in the policy.", List.of()));
            } else if (result instanceof RoleClaims.Rejected r) {
                dropped.add(new DroppedCandidate(r.reason(), Optional.empty(), "Role claim value "
                        + PolicyRules.quote(value) + " " + r.message(), List.of()));
            } else if (result instanceof RoleClaims.Parsed p) {
                RolePair pair = p.pair();
                Optional<AccountNode> account = index.account(pair.accountId());
                List<String> path = account.map(AccountNode::path).orElse(List.of(pair.accountId()));
                Grant grant = new Grant(Grant.Kind.ROLE_CLAIM, value, pair.accountId(), path, Optional.of(pair));
                // A role named like a permission set of the policy takes that set's duration and MFA condition.
                PermissionSet set = index.policy().permissionSet(pair.roleName()).orElse(null);
                String accountName = account.map(a -> a.account().name()).orElse(pair.accountId());
                candidates.computeIfAbsent(new PairKey(pair.accountId(), pair.roleName()),
                        k -> new Candidate(accountName, set)).grants.add(grant);
            }
        }
    }
}

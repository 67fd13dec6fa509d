package dev.fedbroker.core.internal;

import dev.fedbroker.core.Account;
import dev.fedbroker.core.AccountRole;
import dev.fedbroker.core.Assignment;
import dev.fedbroker.core.Grant;
import dev.fedbroker.core.OrganizationalUnit;
import dev.fedbroker.core.PermissionSet;
import dev.fedbroker.core.Policy;
import dev.fedbroker.core.Principal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A policy indexed once for resolution: group → assignments, user → assignments, target → the accounts beneath it,
 * with each assignment's grant precomputed. Principals are keyed in lower case (matching is case-insensitive).
 * Immutable after construction, hence thread-safe.
 */
public final class PolicyIndex {

    /** An account and the ids from the root down to it, inclusive. */
    public record AccountNode(Account account, List<String> path) {
    }

    /** An assignment target and every account beneath it (itself, for an account). */
    public record TargetNode(String id, List<String> path, List<AccountNode> accounts) {
    }

    /**
     * An assignment ready to apply. {@code pairs} holds, for each account of the target (in the same order), the
     * ordinal of the (account, permission set) pair: see {@link #pairOrdinals()}.
     */
    public record Compiled(Assignment assignment, PermissionSet permissionSet, TargetNode target, Grant grant,
            int[] pairs) {
    }

    /** Above this many (account, permission set) pairs, pairs are not cached (about 16 MiB of references). */
    private static final long MAX_CACHED_PAIRS = 4_000_000;

    private final Policy policy;
    private final Map<String, AccountNode> accounts = new HashMap<>();
    private final Map<String, TargetNode> targets = new HashMap<>();
    private final Map<String, List<Compiled>> byGroup = new HashMap<>();
    private final Map<String, List<Compiled>> byUser = new HashMap<>();
    private final Map<String, List<Compiled>> byTarget = new HashMap<>();
    private final AccountNode[] accountsInOrder;
    private final PermissionSet[] setsInOrder;
    private final boolean pairOrdinals;
    private final AccountRole[] pairCache;

    public PolicyIndex(Policy policy) {
        this.policy = policy;
        Map<String, List<AccountNode>> beneath = new HashMap<>();
        Map<String, List<String>> unitPaths = new HashMap<>();
        indexTree(beneath, unitPaths);
        unitPaths.forEach((id, path) -> targets.put(id, new TargetNode(id, path, List.copyOf(beneath.get(id)))));
        accounts.values().forEach(a -> targets.put(a.account().id(), new TargetNode(a.account().id(), a.path(),
                List.of(a))));
        Map<String, PermissionSet> sets = new HashMap<>();
        policy.permissionSets().forEach(s -> sets.put(s.name(), s));
        // Ordinals in (account id, set name) order, so that resolution sorts ints instead of string pairs.
        accountsInOrder = accounts.values().stream().sorted(Comparator.comparing(a -> a.account().id()))
                .toArray(AccountNode[]::new);
        setsInOrder = policy.permissionSets().stream().sorted(Comparator.comparing(PermissionSet::name))
                .toArray(PermissionSet[]::new);
        long pairCount = (long) accountsInOrder.length * setsInOrder.length;
        pairOrdinals = pairCount < Integer.MAX_VALUE;
        pairCache = pairOrdinals && pairCount <= MAX_CACHED_PAIRS ? new AccountRole[(int) pairCount] : null;
        Map<String, Integer> accountOrdinal = new HashMap<>();
        for (int i = 0; i < accountsInOrder.length; i++) {
            accountOrdinal.put(accountsInOrder[i].account().id(), i);
        }
        Map<String, Integer> setOrdinal = new HashMap<>();
        for (int i = 0; i < setsInOrder.length; i++) {
            setOrdinal.put(setsInOrder[i].name(), i);
        }
        for (Assignment a : policy.assignments()) {
            TargetNode target = targets.get(a.target());
            Principal p = a.principal();
            Grant.Kind kind = p.kind() == Principal.Kind.GROUP ? Grant.Kind.GROUP : Grant.Kind.USER;
            Grant grant = new Grant(kind, p.id(), a.target(), target.path(), Optional.empty());
            int[] pairs = new int[pairOrdinals ? target.accounts().size() : 0];
            int set = setOrdinal.get(a.permissionSet());
            for (int i = 0; i < pairs.length; i++) {
                pairs[i] = accountOrdinal.get(target.accounts().get(i).account().id()) * setsInOrder.length + set;
            }
            Compiled c = new Compiled(a, sets.get(a.permissionSet()), target, grant, pairs);
            Map<String, List<Compiled>> index = kind == Grant.Kind.GROUP ? byGroup : byUser;
            index.computeIfAbsent(key(p.id()), k -> new ArrayList<>(2)).add(c);
            byTarget.computeIfAbsent(a.target(), k -> new ArrayList<>(2)).add(c);
        }
        byGroup.replaceAll((k, v) -> List.copyOf(v));
        byUser.replaceAll((k, v) -> List.copyOf(v));
        byTarget.replaceAll((k, v) -> List.copyOf(v));
    }

    /** Walks the tree without recursion, recording each account under every unit above it. */
    private void indexTree(Map<String, List<AccountNode>> beneath, Map<String, List<String>> unitPaths) {
        record Frame(String id, List<Account> accounts, List<OrganizationalUnit> units, List<String> path) {
        }
        var org = policy.organization();
        Deque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(org.id(), org.accounts(), org.units(), List.of(org.id())));
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            unitPaths.put(f.id(), f.path());
            beneath.putIfAbsent(f.id(), new ArrayList<>());
            for (Account account : f.accounts()) {
                List<String> path = append(f.path(), account.id());
                AccountNode node = new AccountNode(account, path);
                accounts.put(account.id(), node);
                for (String unit : f.path()) {
                    beneath.get(unit).add(node);
                }
            }
            for (OrganizationalUnit u : f.units()) {
                stack.push(new Frame(u.id(), u.accounts(), u.units(), append(f.path(), u.id())));
            }
        }
    }

    private static List<String> append(List<String> path, String id) {
        List<String> next = new ArrayList<>(path.size() + 1);
        next.addAll(path);
        next.add(id);
        return List.copyOf(next);
    }

    /** The lookup key of a principal or claimed id: lower case, so matching ignores case. */
    public static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    public Policy policy() {
        return policy;
    }

    public Optional<AccountNode> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public List<Compiled> forGroup(String groupKey) {
        return byGroup.getOrDefault(groupKey, List.of());
    }

    public List<Compiled> forUser(String userKey) {
        return byUser.getOrDefault(userKey, List.of());
    }

    /**
     * Whether {@link Compiled#pairs()} are filled: pair ordinal = account ordinal x set count + set ordinal, the
     * accounts ordered by id and the sets by name, so ordinals order pairs as entitlement lists are ordered. False
     * only for policies with 2^31 pairs or more.
     */
    public boolean pairOrdinals() {
        return pairOrdinals;
    }

    /** The account of a pair ordinal. */
    public AccountNode accountOfPair(int pair) {
        return accountsInOrder[pair / setsInOrder.length];
    }

    /** The permission set of a pair ordinal. */
    public PermissionSet setOfPair(int pair) {
        return setsInOrder[pair % setsInOrder.length];
    }

    /** The (account, permission set) of a pair ordinal; made once and kept for policies of up to 4 million pairs. */
    public AccountRole accountRoleOfPair(int pair) {
        if (pairCache == null) {
            return new AccountRole(accountOfPair(pair).account().id(), setOfPair(pair).name());
        }
        AccountRole known = pairCache[pair];
        if (known == null) {
            // A benign race: AccountRole is immutable (final fields), so a thread sees it whole or makes its own.
            known = new AccountRole(accountOfPair(pair).account().id(), setOfPair(pair).name());
            pairCache[pair] = known;
        }
        return known;
    }

    /** Assignments whose target is exactly {@code targetId}. */
    public List<Compiled> forTarget(String targetId) {
        return byTarget.getOrDefault(targetId, List.of());
    }
}

package dev.fedbroker.core;

import dev.fedbroker.core.internal.CrossReferences;
import dev.fedbroker.core.internal.PolicyDraft;
import dev.fedbroker.core.internal.PolicyDraft.Named;
import dev.fedbroker.core.internal.PolicyDraft.Ref;
import dev.fedbroker.core.internal.PolicyDraft.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may use which permission set in which accounts: the organization tree, the permission sets, the assignments,
 * and whether legacy AWS role claims are honoured. Every cross-reference is checked at construction (unique ids, no
 * unit nested in a unit of the same id, assignments naming existing targets and permission sets), so a {@code Policy}
 * that exists is consistent. Immutable and thread-safe. Load one from JSON with {@link PolicyLoader}.
 */
public final class Policy {

    private final Organization organization;
    private final List<PermissionSet> permissionSets;
    private final List<Assignment> assignments;
    private final boolean acceptRoleClaims;
    private final Map<String, PermissionSet> setsByName;

    private Policy(Organization organization, List<PermissionSet> permissionSets, List<Assignment> assignments,
            boolean acceptRoleClaims) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.permissionSets = List.copyOf(permissionSets);
        this.assignments = List.copyOf(assignments);
        this.acceptRoleClaims = acceptRoleClaims;
        List<PolicyProblem> problems = CrossReferences.check(draft());
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
        Map<String, PermissionSet> byName = new LinkedHashMap<>();
        this.permissionSets.forEach(s -> byName.put(s.name(), s));
        this.setsByName = Collections.unmodifiableMap(byName);
    }

    /**
     * A policy from its parts.
     *
     * @param acceptRoleClaims when true, the AWS role claim ({@code role ARN,SAML provider ARN} values) also grants
     *                         entitlements, as with Azure's legacy AWS gallery app
     * @throws PolicyException listing every cross-reference problem, with JSON-style paths
     *                         ({@code $.assignments[3].permissionSet}) that match the same policy written as JSON
     */
    public static Policy of(Organization organization, List<PermissionSet> permissionSets,
            List<Assignment> assignments, boolean acceptRoleClaims) {
        return new Policy(organization, permissionSets, assignments, acceptRoleClaims);
    }

    public Organization organization() {
        return organization;
    }

    public List<PermissionSet> permissionSets() {
        return permissionSets;
    }

    public List<Assignment> assignments() {
        return assignments;
    }

    /** Whether legacy AWS role claims yield entitlements. */
    public boolean acceptRoleClaims() {
        return acceptRoleClaims;
    }

    /** The permission set with exactly this name. */
    public Optional<PermissionSet> permissionSet(String name) {
        return Optional.ofNullable(setsByName.get(name));
    }

    private PolicyDraft draft() {
        record Frame(OrganizationalUnit unit, List<Unit> into, String path) {
        }
        Unit root = new Unit(new Named(organization.id(), "$.organization.id", null),
                accounts(organization.accounts(), "$.organization"), new ArrayList<>());
        Deque<Frame> stack = new ArrayDeque<>();
        List<Frame> children = new ArrayList<>();
        for (int i = 0; i < organization.units().size(); i++) {
            children.add(new Frame(organization.units().get(i), root.units(), "$.organization.units[" + i + "]"));
        }
        // Iterative, not recursive: a tree built in code may be deeper than the stack allows.
        while (true) {
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
            if (stack.isEmpty()) {
                break;
            }
            Frame f = stack.pop();
            Unit unit = new Unit(new Named(f.unit().id(), f.path() + ".id", null),
                    accounts(f.unit().accounts(), f.path()), new ArrayList<>());
            f.into().add(unit);
            children.clear();
            for (int i = 0; i < f.unit().units().size(); i++) {
                children.add(new Frame(f.unit().units().get(i), unit.units(), f.path() + ".units[" + i + "]"));
            }
        }
        List<Named> sets = new ArrayList<>();
        for (int i = 0; i < permissionSets.size(); i++) {
            sets.add(new Named(permissionSets.get(i).name(), "$.permissionSets[" + i + "].name", null));
        }
        List<Ref> refs = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            Assignment a = assignments.get(i);
            String path = "$.assignments[" + i + "]";
            refs.add(new Ref(new Named(a.target(), path + ".target", null),
                    new Named(a.permissionSet(), path + ".permissionSet", null)));
        }
        return new PolicyDraft(root, sets, refs);
    }

    private static List<Named> accounts(List<Account> accounts, String parent) {
        List<Named> named = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            named.add(new Named(accounts.get(i).id(), parent + ".accounts[" + i + "].id", null));
        }
        return named;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Policy p && acceptRoleClaims == p.acceptRoleClaims && organization.equals(p.organization)
                && permissionSets.equals(p.permissionSets) && assignments.equals(p.assignments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organization, permissionSets, assignments, acceptRoleClaims);
    }

    @Override
    public String toString() {
        return "Policy[root=" + organization.id() + ", permissionSets=" + permissionSets.size() + ", assignments="
                + assignments.size() + ", acceptRoleClaims=" + acceptRoleClaims + "]";
    }
}

package dev.fedbroker.core.internal;

import dev.fedbroker.core.PolicyProblem;
import dev.fedbroker.core.PolicyProblem.Code;
import dev.fedbroker.core.internal.PolicyDraft.Named;
import dev.fedbroker.core.internal.PolicyDraft.Ref;
import dev.fedbroker.core.internal.PolicyDraft.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy's whole-document rules: unique account, unit and permission-set ids; no unit inside a unit of the same
 * id; assignments that name an existing target and permission set. Shared by {@code Policy} and the JSON loader.
 */
public final class CrossReferences {

    private CrossReferences() {
    }

    public static List<PolicyProblem> check(PolicyDraft draft) {
        List<PolicyProblem> problems = new ArrayList<>();
        Map<String, Named> accounts = new HashMap<>();
        Map<String, Named> units = new HashMap<>();
        checkTree(draft.root(), accounts, units, problems);
        Map<String, Named> sets = new HashMap<>();
        Map<String, String> setsByLowerName = new HashMap<>();
        for (Named set : draft.permissionSets()) {
            if (set.value() == null) {
                continue;
            }
            Named first = sets.putIfAbsent(set.value(), set);
            if (first != null) {
                problems.add(problem(set, Code.DUPLICATE_PERMISSION_SET, "permission set \"" + set.value()
                        + "\" is already defined at " + first.path() + "; give each permission set a unique name."));
            }
            setsByLowerName.putIfAbsent(set.value().toLowerCase(Locale.ROOT), set.value());
        }
        for (Ref ref : draft.assignments()) {
            checkTarget(ref.target(), accounts, units, problems);
            Named set = ref.permissionSet();
            if (set != null && set.value() != null && !sets.containsKey(set.value())) {
                String hint = Optional.ofNullable(setsByLowerName.get(set.value().toLowerCase(Locale.ROOT)))
                        .map(n -> " Names are case-sensitive: did you mean \"" + n + "\"?")
                        .orElse(" Define it under $.permissionSets or fix the name.");
                problems.add(problem(set, Code.UNKNOWN_PERMISSION_SET, "expected the name of a permission set defined"
                        + " in this policy, found " + PolicyRules.quote(set.value()) + "." + hint));
            }
        }
        return problems;
    }

    private static void checkTarget(Named target, Map<String, Named> accounts, Map<String, Named> units,
            List<PolicyProblem> problems) {
        if (target == null || target.value() == null) {
            return;
        }
        String t = target.value();
        if (accounts.containsKey(t) || units.containsKey(t)) {
            return;
        }
        String what;
        if (PolicyRules.isAccountId(t)) {
            what = "account " + t + " is not in $.organization; add it to the tree or fix the id.";
        } else if (PolicyRules.isUnitId(t) || PolicyRules.isRootId(t)) {
            what = "unit " + t + " is not in $.organization; add it to the tree or fix the id.";
        } else {
            what = "expected a 12-digit account id, an \"ou-\" unit id or the \"r-\" root id of this policy's"
                    + " organization, found " + PolicyRules.quote(t) + ".";
        }
        problems.add(problem(target, Code.UNKNOWN_TARGET, what));
    }

    /**
     * Walks the tree without recursion, keeping the ids on the path from the root to the current unit in one set
     * (added on the way down, removed on the way back up), so that a unit reusing an ancestor's id is a cycle.
     */
    private static void checkTree(Unit root, Map<String, Named> accounts, Map<String, Named> units,
            List<PolicyProblem> problems) {
        Deque<Object> stack = new ArrayDeque<>(); // a Unit to enter, or the String id of a unit to leave
        Set<String> onPath = new HashSet<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Object next = stack.pop();
            if (next instanceof String leaving) {
                onPath.remove(leaving);
                continue;
            }
            Unit unit = (Unit) next;
            Named id = unit.id();
            if (id != null && id.value() != null) {
                Named first = units.putIfAbsent(id.value(), id);
                if (onPath.contains(id.value())) {
                    problems.add(problem(id, Code.CYCLE, "unit " + id.value() + " is nested inside itself (its"
                            + " ancestor at " + first.path() + " has the same id); give each unit a unique id."));
                } else {
                    if (first != null) {
                        problems.add(problem(id, Code.DUPLICATE_UNIT, "unit " + id.value() + " is already defined at "
                                + first.path() + "; a unit appears once in the tree, give each a unique id."));
                    }
                    onPath.add(id.value());
                    stack.push(id.value());
                }
            }
            for (Named account : unit.accounts()) {
                if (account.value() == null) {
                    continue;
                }
                Named first = accounts.putIfAbsent(account.value(), account);
                if (first != null) {
                    problems.add(problem(account, Code.DUPLICATE_ACCOUNT, "account " + account.value()
                            + " is already in the tree at " + first.path() + "; an account belongs to exactly one"
                            + " unit, remove one of them."));
                }
            }
            List<Unit> children = unit.units();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }

    private static PolicyProblem problem(Named where, Code code, String message) {
        return new PolicyProblem(where.path(), code, message, Optional.ofNullable(where.location()));
    }
}

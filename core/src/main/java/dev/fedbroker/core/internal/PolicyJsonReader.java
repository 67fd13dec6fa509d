package dev.fedbroker.core.internal;

import dev.fedbroker.core.Account;
import dev.fedbroker.core.Assignment;
import dev.fedbroker.core.Organization;
import dev.fedbroker.core.OrganizationalUnit;
import dev.fedbroker.core.PermissionSet;
import dev.fedbroker.core.Policy;
import dev.fedbroker.core.PolicyException;
import dev.fedbroker.core.PolicyProblem;
import dev.fedbroker.core.PolicyProblem.Code;
import dev.fedbroker.core.PolicyProblem.Location;
import dev.fedbroker.core.Principal;
import dev.fedbroker.core.internal.JsonTree.Node;
import dev.fedbroker.core.internal.PolicyDraft.Named;
import dev.fedbroker.core.internal.PolicyDraft.Ref;
import dev.fedbroker.core.internal.PolicyDraft.Unit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a {@link JsonTree} into a {@link Policy}, collecting every problem with its JSON path and location before
 * failing. Records are built only for parts without problems; they are used only when the whole document is clean.
 */
final class PolicyJsonReader {

    private static final Set<String> TOP = Set.of("organization", "permissionSets", "assignments", "acceptRoleClaims");
    private static final Set<String> UNIT = Set.of("id", "name", "accounts", "units");
    private static final Set<String> ACCOUNT = Set.of("id", "name");
    private static final Set<String> SET = Set.of("name", "sessionDuration", "requireMfa", "description");
    private static final Set<String> ASSIGNMENT = Set.of("group", "user", "target", "permissionSet");

    private final List<PolicyProblem> problems = new ArrayList<>();

    private PolicyJsonReader() {
    }

    static Policy read(Node root) {
        return new PolicyJsonReader().readPolicy(root);
    }

    private Policy readPolicy(Node root) {
        JsonFields top = JsonFields.of(root, "$", TOP, problems).orElseThrow(this::failure);
        Node orgNode = top.node("organization", true);
        UnitResult org = orgNode == null ? null : readUnit(orgNode, "$.organization", true);
        List<Named> setNames = new ArrayList<>();
        List<PermissionSet> sets = new ArrayList<>();
        List<Node> setNodes = top.array("permissionSets", true);
        for (int i = 0; i < setNodes.size(); i++) {
            readPermissionSet(setNodes.get(i), "$.permissionSets[" + i + "]", setNames, sets);
        }
        List<Ref> refs = new ArrayList<>();
        List<Assignment> assignments = new ArrayList<>();
        List<Node> assignmentNodes = top.array("assignments", true);
        for (int i = 0; i < assignmentNodes.size(); i++) {
            readAssignment(assignmentNodes.get(i), "$.assignments[" + i + "]", refs, assignments, org != null);
        }
        Boolean acceptRoleClaims = top.bool("acceptRoleClaims");
        Unit draftRoot = org != null ? org.draft : new Unit(null, List.of(), List.of());
        problems.addAll(CrossReferences.check(new PolicyDraft(draftRoot, setNames, refs)));
        if (!problems.isEmpty()) {
            throw failure();
        }
        Organization organization = new Organization(org.id, org.name, org.accounts, org.units);
        return Policy.of(organization, sets, assignments, acceptRoleClaims);
    }

    /** Parts of a unit (or the root); {@code id} is null when any part of the subtree had a problem. */
    private record UnitResult(Unit draft, String id, String name, List<Account> accounts,
            List<OrganizationalUnit> units) {
    }

    private UnitResult readUnit(Node node, String path, boolean root) {
        Optional<JsonFields> maybe = JsonFields.of(node, path, UNIT, problems);
        if (maybe.isEmpty()) {
            return new UnitResult(new Unit(null, List.of(), List.of()), null, null, List.of(), List.of());
        }
        JsonFields f = maybe.get();
        int before = problems.size();
        Named id = f.string("id", true);
        if (id != null) {
            id = check(id, root ? PolicyRules.rootId(id.value(), id.path()) : PolicyRules.unitId(id.value(), id.path()));
        }
        Named name = checkedText(f.string("name", true));
        List<Named> accountDrafts = new ArrayList<>();
        List<Account> accounts = new ArrayList<>();
        List<Node> accountNodes = f.array("accounts", false);
        for (int i = 0; i < accountNodes.size(); i++) {
            readAccount(accountNodes.get(i), path + ".accounts[" + i + "]", accountDrafts, accounts);
        }
        List<Unit> unitDrafts = new ArrayList<>();
        List<OrganizationalUnit> units = new ArrayList<>();
        List<Node> unitNodes = f.array("units", false);
        for (int i = 0; i < unitNodes.size(); i++) {
            UnitResult child = readUnit(unitNodes.get(i), path + ".units[" + i + "]", false);
            unitDrafts.add(child.draft);
            if (child.id != null) {
                units.add(new OrganizationalUnit(child.id, child.name, child.accounts, child.units));
            }
        }
        Unit draft = new Unit(id, accountDrafts, unitDrafts);
        boolean clean = problems.size() == before;
        return new UnitResult(draft, clean ? id.value() : null, clean ? name.value() : null, accounts, units);
    }

    private void readAccount(Node node, String path, List<Named> drafts, List<Account> accounts) {
        Optional<JsonFields> maybe = JsonFields.of(node, path, ACCOUNT, problems);
        if (maybe.isEmpty()) {
            return;
        }
        JsonFields f = maybe.get();
        Named id = f.string("id", true);
        if (id != null) {
            id = check(id, PolicyRules.accountId(id.value(), id.path()));
        }
        Named name = checkedText(f.string("name", true));
        drafts.add(id != null ? id : new Named(null, path + ".id", f.location()));
        if (id != null && name != null) {
            accounts.add(new Account(id.value(), name.value()));
        }
    }

    private void readPermissionSet(Node node, String path, List<Named> names, List<PermissionSet> sets) {
        Optional<JsonFields> maybe = JsonFields.of(node, path, SET, problems);
        if (maybe.isEmpty()) {
            return;
        }
        JsonFields f = maybe.get();
        Named name = f.string("name", true);
        if (name != null) {
            name = check(name, PolicyRules.permissionSetName(name.value(), name.path()));
        }
        Duration duration = null;
        Named text = f.string("sessionDuration", true);
        if (text != null) {
            Optional<Duration> parsed = PolicyRules.parseDuration(text.value());
            if (parsed.isEmpty()) {
                problems.add(located(PolicyRules.durationProblem(text.value(), text.path()), text.location()));
            } else if (check(text, PolicyRules.sessionDuration(parsed.get(), text.path())) != null) {
                duration = parsed.get();
            }
        }
        Boolean requireMfa = f.bool("requireMfa");
        Named description = f.string("description", false);
        if (description != null) {
            description = check(description, PolicyRules.description(description.value(), description.path()));
        }
        names.add(name != null ? name : new Named(null, path + ".name", f.location()));
        if (name != null && duration != null && requireMfa != null && (description != null || !f.has("description"))) {
            sets.add(new PermissionSet(name.value(), duration, requireMfa,
                    Optional.ofNullable(description).map(Named::value)));
        }
    }

    private void readAssignment(Node node, String path, List<Ref> refs, List<Assignment> out, boolean checkTarget) {
        Optional<JsonFields> maybe = JsonFields.of(node, path, ASSIGNMENT, problems);
        if (maybe.isEmpty()) {
            return;
        }
        JsonFields f = maybe.get();
        Principal principal = null;
        boolean group = f.has("group");
        boolean user = f.has("user");
        if (group && user) {
            problems.add(new PolicyProblem(path, Code.PRINCIPAL_CONFLICT, "an assignment names exactly one principal,"
                    + " found both \"group\" and \"user\"; split it into two assignments.", Optional.of(f.location())));
        } else if (!group && !user) {
            problems.add(new PolicyProblem(path, Code.PRINCIPAL_MISSING, "an assignment needs a principal: add"
                    + " \"group\" (a group object id or name) or \"user\" (an object id, UPN or NameID).",
                    Optional.of(f.location())));
        } else {
            Named who = checkedText(f.string(group ? "group" : "user", true));
            if (who != null) {
                principal = group ? Principal.group(who.value()) : Principal.user(who.value());
            }
        }
        Named target = checkedText(f.string("target", true));
        Named set = f.string("permissionSet", true);
        if (set != null) {
            set = check(set, PolicyRules.permissionSetName(set.value(), set.path()));
        }
        refs.add(new Ref(checkTarget ? target : null, set));
        if (principal != null && target != null && set != null) {
            out.add(new Assignment(principal, target.value(), set.value()));
        }
    }

    private Named checkedText(Named value) {
        return value == null ? null : check(value, PolicyRules.text(value.value(), value.path()));
    }

    /** The value when the rule found no problem; otherwise records the problem (with its location) and returns null. */
    private Named check(Named value, Optional<PolicyProblem> problem) {
        if (problem.isEmpty()) {
            return value;
        }
        problems.add(located(problem.get(), value.location()));
        return null;
    }

    private static PolicyProblem located(PolicyProblem p, Location location) {
        return new PolicyProblem(p.path(), p.code(), p.message(), Optional.ofNullable(location));
    }

    private PolicyException failure() {
        List<PolicyProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing((PolicyProblem p) -> p.location().map(Location::line).orElse(Integer.MAX_VALUE))
                .thenComparing(p -> p.location().map(Location::column).orElse(Integer.MAX_VALUE)));
        return new PolicyException(sorted);
    }
}

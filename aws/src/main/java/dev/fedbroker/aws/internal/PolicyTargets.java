package dev.fedbroker.aws.internal;

import dev.fedbroker.core.Account;
import dev.fedbroker.core.Assignment;
import dev.fedbroker.core.OrganizationalUnit;
import dev.fedbroker.core.Policy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * A policy seen from AWS's side: which permission sets reach each account (assigned on the account, on a unit above
 * it, or on the root), and which are assigned on each unit. Built once per policy; immutable; thread-safe.
 */
public final class PolicyTargets {

    /** An account, or the root or a unit, with the ids above it (root first, the node's parent last). */
    private record Node(String id, String name, List<String> ancestors, boolean account) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, SortedSet<String>> assignedOn = new HashMap<>();

    public PolicyTargets(Policy policy) {
        record Frame(OrganizationalUnit unit, List<String> ancestors) {
        }
        String rootId = policy.organization().id();
        nodes.put(rootId, new Node(rootId, policy.organization().name(), List.of(), false));
        addAccounts(policy.organization().accounts(), List.of(rootId));
        Deque<Frame> stack = new ArrayDeque<>();
        pushAll(stack, policy.organization().units(), List.of(rootId), Frame::new);
        // Iterative: a tree built in code may be deeper than the call stack allows.
        while (!stack.isEmpty()) {
            Frame frame = stack.pop();
            OrganizationalUnit unit = frame.unit();
            nodes.put(unit.id(), new Node(unit.id(), unit.name(), frame.ancestors(), false));
            List<String> below = new ArrayList<>(frame.ancestors());
            below.add(unit.id());
            List<String> path = List.copyOf(below);
            addAccounts(unit.accounts(), path);
            pushAll(stack, unit.units(), path, Frame::new);
        }
        for (Assignment assignment : policy.assignments()) {
            assignedOn.computeIfAbsent(assignment.target(), t -> new TreeSet<>()).add(assignment.permissionSet());
        }
    }

    /** Pushes in reverse, so that units pop in document order. */
    private static <F> void pushAll(Deque<F> stack, List<OrganizationalUnit> units, List<String> ancestors,
            BiFunction<OrganizationalUnit, List<String>, F> frame) {
        for (int i = units.size() - 1; i >= 0; i--) {
            stack.push(frame.apply(units.get(i), ancestors));
        }
    }

    private void addAccounts(List<Account> accounts, List<String> ancestors) {
        accounts.forEach(a -> nodes.put(a.id(), new Node(a.id(), a.name(), ancestors, true)));
    }

    /** Every account id of the policy, in tree order. */
    public List<String> accountIds() {
        return nodes.values().stream().filter(Node::account).map(Node::id).toList();
    }

    /** The root and every unit id, in tree order (parents before children). */
    public List<String> containerIds() {
        return nodes.values().stream().filter(n -> !n.account()).map(Node::id).toList();
    }

    public boolean isAccount(String id) {
        Node node = nodes.get(id);
        return node != null && node.account();
    }

    public boolean isContainer(String id) {
        Node node = nodes.get(id);
        return node != null && !node.account();
    }

    /** The display name of an account, unit or the root. */
    public Optional<String> name(String id) {
        return Optional.ofNullable(nodes.get(id)).map(Node::name);
    }

    /** The permission sets that reach {@code accountId}: on the account itself or on any unit above it, sorted. */
    public SortedSet<String> permissionSetsOfAccount(String accountId) {
        SortedSet<String> sets = new TreeSet<>(assignedOn(accountId));
        nodes.get(accountId).ancestors().forEach(a -> sets.addAll(assignedOn(a)));
        return Collections.unmodifiableSortedSet(sets);
    }

    /** The permission sets assigned directly on a unit or the root. */
    public SortedSet<String> assignedOn(String targetId) {
        return Collections.unmodifiableSortedSet(assignedOn.getOrDefault(targetId, new TreeSet<>()));
    }

    /** The ids above {@code id}, root first. */
    public List<String> ancestors(String id) {
        return nodes.get(id).ancestors();
    }

    /** Every account beneath a unit or the root, at any depth. */
    public List<String> accountsBeneath(String containerId) {
        return nodes.values().stream().filter(n -> n.account() && n.ancestors().contains(containerId))
                .map(Node::id).toList();
    }
}

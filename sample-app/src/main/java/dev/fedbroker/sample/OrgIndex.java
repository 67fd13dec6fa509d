package dev.fedbroker.sample;

import dev.fedbroker.core.Account;
import dev.fedbroker.core.Assignment;
import dev.fedbroker.core.OrganizationalUnit;
import dev.fedbroker.core.Policy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The policy's organization tree, indexed for display: names of accounts and units, the unit holding each account,
 * and which permission sets reach each account. Built once; immutable and thread-safe.
 */
public final class OrgIndex {

    /**
     * A place in the tree: the root, a unit or an account.
     *
     * @param id   the id
     * @param name the name
     * @param path names from the root down to this node, inclusive
     */
    public record Node(String id, String name, List<String> path) {
        public Node {
            path = List.copyOf(path);
        }

        /** The path for people, e.g. {@code Root › Workloads › Production}. */
        public String pathText() {
            return String.join(" \u203a ", path);
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, String> unitOfAccount = new LinkedHashMap<>();
    private final Map<String, List<String>> accountsUnder = new LinkedHashMap<>();
    private final Set<String> assignedPairs = new HashSet<>();

    public OrgIndex(Policy policy) {
        var root = policy.organization();
        List<String> rootPath = List.of(root.name());
        nodes.put(root.id(), new Node(root.id(), root.name(), rootPath));
        List<String> all = new ArrayList<>(addAccounts(root.id(), root.accounts(), rootPath));
        for (OrganizationalUnit unit : root.units()) {
            all.addAll(addUnit(unit, rootPath));
        }
        accountsUnder.put(root.id(), List.copyOf(all));
        for (Assignment a : policy.assignments()) {
            for (String account : accountsUnder(a.target())) {
                assignedPairs.add(account + "\n" + a.permissionSet());
            }
        }
    }

    private List<String> addUnit(OrganizationalUnit unit, List<String> parentPath) {
        List<String> path = append(parentPath, unit.name());
        nodes.put(unit.id(), new Node(unit.id(), unit.name(), path));
        List<String> all = new ArrayList<>(addAccounts(unit.id(), unit.accounts(), path));
        for (OrganizationalUnit child : unit.units()) {
            all.addAll(addUnit(child, path));
        }
        accountsUnder.put(unit.id(), List.copyOf(all));
        return all;
    }

    private List<String> addAccounts(String parentId, List<Account> accounts, List<String> parentPath) {
        List<String> ids = new ArrayList<>();
        for (Account a : accounts) {
            nodes.put(a.id(), new Node(a.id(), a.name(), append(parentPath, a.name())));
            unitOfAccount.put(a.id(), parentId);
            accountsUnder.put(a.id(), List.of(a.id()));
            ids.add(a.id());
        }
        return ids;
    }

    private static List<String> append(List<String> path, String name) {
        List<String> out = new ArrayList<>(path);
        out.add(name);
        return Collections.unmodifiableList(out);
    }

    /** The root, unit or account with this id. */
    public Optional<Node> node(String id) {
        return Optional.ofNullable(nodes.get(id));
    }

    /** The root or unit that directly holds this account. */
    public Optional<Node> unitOf(String accountId) {
        return Optional.ofNullable(unitOfAccount.get(accountId)).map(nodes::get);
    }

    /** Every account at or beneath this target (root, unit or account id); empty when unknown. */
    public List<String> accountsUnder(String targetId) {
        return accountsUnder.getOrDefault(targetId, List.of());
    }

    /** Whether some assignment gives this permission set on this account (so its role exists there). */
    public boolean assigned(String accountId, String permissionSet) {
        return assignedPairs.contains(accountId + "\n" + permissionSet);
    }
}

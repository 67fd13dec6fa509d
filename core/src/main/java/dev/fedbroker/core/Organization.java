package dev.fedbroker.core;

import static dev.fedbroker.core.internal.PolicyRules.require;
import static dev.fedbroker.core.internal.PolicyRules.rootId;
import static dev.fedbroker.core.internal.PolicyRules.text;

import java.util.List;

/**
 * The root of the organization tree, as in AWS Organizations: accounts directly under the root, and nested
 * organizational units. An assignment that targets the root id grants every account in the tree. Immutable and
 * thread-safe. Uniqueness of ids across the tree is checked by {@link Policy}.
 *
 * @param id       the root id, {@code r-} followed by letters, digits, {@code _} or {@code -} (e.g. {@code r-root})
 * @param name     a display name
 * @param accounts the accounts directly under the root
 * @param units    the top-level organizational units
 * @throws PolicyException when the id or name is malformed
 */
public record Organization(String id, String name, List<Account> accounts, List<OrganizationalUnit> units) {
    public Organization {
        require(rootId(id, "Organization.id"));
        require(text(name, "Organization.name"));
        accounts = List.copyOf(accounts);
        units = List.copyOf(units);
    }
}

package dev.fedbroker.core;

import static dev.fedbroker.core.internal.PolicyRules.require;
import static dev.fedbroker.core.internal.PolicyRules.text;
import static dev.fedbroker.core.internal.PolicyRules.unitId;

import java.util.List;

/**
 * An organizational unit: a named node of the organization tree holding accounts and further units. An assignment
 * that targets a unit grants every account beneath it, at any depth. Immutable and thread-safe.
 *
 * @param id       the unit id, {@code ou-} followed by letters, digits, {@code _} or {@code -} (e.g. {@code ou-prod})
 * @param name     a display name
 * @param accounts the accounts directly in this unit
 * @param units    the units directly in this unit
 * @throws PolicyException when the id or name is malformed
 */
public record OrganizationalUnit(String id, String name, List<Account> accounts, List<OrganizationalUnit> units) {
    public OrganizationalUnit {
        require(unitId(id, "OrganizationalUnit.id"));
        require(text(name, "OrganizationalUnit.name"));
        accounts = List.copyOf(accounts);
        units = List.copyOf(units);
    }
}

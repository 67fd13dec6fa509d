package dev.fedbroker.core;

import static dev.fedbroker.core.internal.PolicyRules.permissionSetName;
import static dev.fedbroker.core.internal.PolicyRules.require;
import static dev.fedbroker.core.internal.PolicyRules.text;

import java.util.Objects;

/**
 * Gives a principal a permission set in a target: one account, or every account beneath an organizational unit or
 * the root. Immutable and thread-safe. Whether the target and permission set exist is checked by {@link Policy}.
 *
 * @param principal     the group or user
 * @param target        a 12-digit account id, an organizational-unit id ({@code ou-...}) or the root id ({@code r-...})
 * @param permissionSet the permission set's name
 */
public record Assignment(Principal principal, String target, String permissionSet) {
    public Assignment {
        Objects.requireNonNull(principal, "principal");
        require(text(target, "Assignment.target"));
        require(permissionSetName(permissionSet, "Assignment.permissionSet"));
    }
}

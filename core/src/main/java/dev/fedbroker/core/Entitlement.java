package dev.fedbroker.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * An (account, permission set) pair that an identity may use, with every grant that produced it. Immutable and
 * thread-safe.
 *
 * @param accountRole     the pair
 * @param accountName     the account's name in the policy (the id itself for a role claim on an unknown account)
 * @param sessionDuration the permission set's session duration (1 hour for a role claim naming no permission set)
 * @param grants          every grant, deduplicated, ordered by kind, principal and target; never empty
 */
public record Entitlement(AccountRole accountRole, String accountName, Duration sessionDuration, List<Grant> grants) {

    public Entitlement {
        Objects.requireNonNull(accountRole, "accountRole");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(sessionDuration, "sessionDuration");
        grants = List.copyOf(grants);
        if (grants.isEmpty()) {
            throw new IllegalArgumentException("an entitlement needs at least one grant");
        }
    }

    public String accountId() {
        return accountRole.accountId();
    }

    public String permissionSetName() {
        return accountRole.permissionSetName();
    }
}

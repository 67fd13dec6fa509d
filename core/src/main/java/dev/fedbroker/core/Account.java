package dev.fedbroker.core;

import static dev.fedbroker.core.internal.PolicyRules.accountId;
import static dev.fedbroker.core.internal.PolicyRules.require;
import static dev.fedbroker.core.internal.PolicyRules.text;

/**
 * An AWS account in the policy's organization tree. Immutable and thread-safe.
 *
 * @param id   the 12-digit account id (a string: leading zeros matter)
 * @param name a display name, e.g. {@code payments-prod}
 * @throws PolicyException when the id is not 12 digits or the name is blank
 */
public record Account(String id, String name) {
    public Account {
        require(accountId(id, "Account.id"));
        require(text(name, "Account.name"));
    }
}

package dev.fedbroker.core;

import static dev.fedbroker.core.internal.PolicyRules.permissionSetName;
import static dev.fedbroker.core.internal.PolicyRules.require;

import dev.fedbroker.core.internal.PolicyRules;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A permission set, as in IAM Identity Center: the role a user gets in each account it is assigned to. Immutable and
 * thread-safe.
 *
 * @param name            1-32 characters of {@code [\w+=,.@-]}, e.g. {@code ReadOnlyAccess}
 * @param sessionDuration from 15 minutes to 12 hours, in whole seconds
 * @param requireMfa      when true, only identities that signed in with multi-factor authentication get it
 * @param description     an optional description of at most 700 characters
 * @throws PolicyException when a value breaks these rules
 */
public record PermissionSet(String name, Duration sessionDuration, boolean requireMfa, Optional<String> description) {

    public PermissionSet {
        require(permissionSetName(name, "PermissionSet.name"));
        require(PolicyRules.sessionDuration(sessionDuration, "PermissionSet.sessionDuration"));
        Objects.requireNonNull(description, "description");
        require(PolicyRules.description(description.orElse(null), "PermissionSet.description"));
    }

    /** A permission set without MFA requirement or description. */
    public static PermissionSet of(String name, Duration sessionDuration) {
        return new PermissionSet(name, sessionDuration, false, Optional.empty());
    }
}

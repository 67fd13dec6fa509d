package dev.fedbroker.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that did not become an entitlement, and why. Immutable and thread-safe.
 *
 * @param reason      machine-readable reason
 * @param accountRole the pair concerned, when there is one (none for an unresolved overage or an unparseable claim)
 * @param message     what happened and how to fix it
 * @param grants      the grants that would have given the pair (empty when none apply)
 */
public record DroppedCandidate(DropReason reason, Optional<AccountRole> accountRole, String message,
        List<Grant> grants) {

    public DroppedCandidate {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(accountRole, "accountRole");
        Objects.requireNonNull(message, "message");
        grants = List.copyOf(grants);
    }
}

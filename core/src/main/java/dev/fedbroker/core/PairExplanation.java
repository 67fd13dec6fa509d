package dev.fedbroker.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an identity does or does not get one (account, permission set) pair. Immutable and thread-safe.
 *
 * @param accountId         the account asked about, as given
 * @param permissionSetName the permission set asked about, as given
 * @param entitlement       the entitlement with its grants, when granted
 * @param reasons           when not granted, why: the first reason is the main one, further ones are context (such
 *                          as an unresolved group overage); empty when granted
 */
public record PairExplanation(String accountId, String permissionSetName, Optional<Entitlement> entitlement,
        List<DroppedCandidate> reasons) {

    public PairExplanation {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(permissionSetName, "permissionSetName");
        Objects.requireNonNull(entitlement, "entitlement");
        reasons = List.copyOf(reasons);
    }

    public boolean granted() {
        return entitlement.isPresent();
    }
}

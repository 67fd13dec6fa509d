package dev.fedbroker.core.internal;

import dev.fedbroker.core.DropReason;
import dev.fedbroker.core.DroppedCandidate;
import dev.fedbroker.core.Entitlement;
import dev.fedbroker.core.Explanation;
import dev.fedbroker.core.Grant;
import dev.fedbroker.core.PairExplanation;
import dev.fedbroker.core.internal.PolicyIndex.AccountNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers "why does (or doesn't) this identity get this account and permission set", from the identity's full
 * explanation plus, when nothing matched, the assignments that would have granted the pair.
 */
public final class PairExplainer {

    private static final int GRANTS_IN_MESSAGE = 10;

    private PairExplainer() {
    }

    public static PairExplanation explain(PolicyIndex index, Explanation whole, String accountId, String setName) {
        Optional<Entitlement> granted = whole.granted().stream()
                .filter(e -> e.accountId().equals(accountId) && e.permissionSetName().equals(setName))
                .findFirst();
        if (granted.isPresent()) {
            return new PairExplanation(accountId, setName, granted, List.of());
        }
        List<DroppedCandidate> reasons = new ArrayList<>();
        whole.dropped().stream()
                .filter(d -> d.accountRole().isPresent() && d.accountRole().get().accountId().equals(accountId)
                        && d.accountRole().get().permissionSetName().equals(setName))
                .forEach(reasons::add);
        if (reasons.isEmpty()) {
            reasons.add(mainReason(index, whole, accountId, setName));
        }
        whole.dropped().stream().filter(d -> d.accountRole().isEmpty()).forEach(reasons::add);
        return new PairExplanation(accountId, setName, Optional.empty(), reasons);
    }

    private static DroppedCandidate mainReason(PolicyIndex index, Explanation whole, String accountId, String setName) {
        Optional<AccountNode> account = index.account(accountId);
        if (account.isEmpty()) {
            return new DroppedCandidate(DropReason.UNKNOWN_ACCOUNT, Optional.empty(), "Account "
                    + PolicyRules.quote(accountId) + " is not in the policy's organization, and no accepted role claim"
                    + " of this identity names it. Check the account id (12 digits).", List.of());
        }
        if (index.policy().permissionSet(setName).isEmpty()) {
            return new DroppedCandidate(DropReason.UNKNOWN_PERMISSION_SET, Optional.empty(), "Permission set "
                    + PolicyRules.quote(setName) + " is not defined in the policy, and no accepted role claim of this"
                    + " identity names a role of that name in account " + accountId + ". Names are case-sensitive.",
                    List.of());
        }
        List<Grant> wouldGrant = new ArrayList<>();
        for (String target : account.get().path()) {
            index.forTarget(target).stream()
                    .filter(c -> c.permissionSet().name().equals(setName))
                    .forEach(c -> wouldGrant.add(c.grant()));
        }
        List<Grant> sorted = wouldGrant.stream().distinct().sorted().toList();
        String where = String.join("/", account.get().path());
        String message;
        if (sorted.isEmpty()) {
            message = "No assignment gives permission set " + setName + " in account " + accountId + " (" + where
                    + "), neither on the account nor on a unit above it.";
        } else {
            StringBuilder sb = new StringBuilder();
            sorted.stream().limit(GRANTS_IN_MESSAGE).forEach(g -> sb.append(sb.length() == 0 ? "" : "; ")
                    .append(g.describe()));
            if (sorted.size() > GRANTS_IN_MESSAGE) {
                sb.append("; and ").append(sorted.size() - GRANTS_IN_MESSAGE).append(" more");
            }
            message = sorted.size() + " assignment(s) give permission set " + setName + " in account " + accountId
                    + " (" + where + "): " + sb + ". This identity matches none of them: its " + whole.groups().size()
                    + " group(s) (from " + whole.groupSource() + ") and its object id, UPN and NameID are not among"
                    + " their principals.";
        }
        return new DroppedCandidate(DropReason.NO_MATCHING_ASSIGNMENT, Optional.empty(), message, sorted);
    }
}

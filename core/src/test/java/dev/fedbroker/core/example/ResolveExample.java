package dev.fedbroker.core.example;

import dev.fedbroker.core.DroppedCandidate;
import dev.fedbroker.core.Entitlement;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Explanation;
import dev.fedbroker.core.Grant;
import dev.fedbroker.core.Identity;
import dev.fedbroker.core.Policy;
import dev.fedbroker.core.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The library at work: loads {@code examples/policy.json}, resolves the identity in
 * {@code examples/identity-alice.json} (or the two files given as arguments), and prints each (account, permission
 * set) pair with the grants that gave it, then what was left out and why.
 */
public final class ResolveExample {

    private ResolveExample() {
    }

    public static void main(String[] args) throws Exception {
        Path policyFile = args.length > 0 ? Path.of(args[0]) : example("policy.json");
        Path identityFile = args.length > 1 ? Path.of(args[1]) : example("identity-alice.json");
        Policy policy = PolicyLoader.defaults().load(policyFile);
        Identity identity = ExampleIdentity.read(identityFile);
        EntitlementResolver resolver = EntitlementResolver.of(policy);

        Explanation explanation = resolver.explain(identity);

        System.out.printf("Policy %s: %d permission sets, %d assignments, role claims %s%n", policyFile,
                policy.permissionSets().size(), policy.assignments().size(),
                policy.acceptRoleClaims() ? "accepted" : "ignored");
        System.out.printf("Identity %s: %d groups (from %s), MFA %s%n%n", identity.nameId(), explanation.groups().size(),
                explanation.groupSource(), identity.hasMfa() ? "yes" : "no");
        System.out.printf("%d (account, permission set) pairs:%n", explanation.granted().size());
        for (Entitlement e : explanation.granted()) {
            System.out.printf("  %s %-18s %-20s session %s%n", e.accountId(), e.accountName(), e.permissionSetName(),
                    e.sessionDuration());
            for (Grant g : e.grants()) {
                System.out.printf("      via %s%n", g.describe());
            }
        }
        if (!explanation.dropped().isEmpty()) {
            System.out.printf("%nLeft out:%n");
            for (DroppedCandidate d : explanation.dropped()) {
                System.out.printf("  %s%s: %s%n", d.reason(), d.accountRole().map(p -> " " + p.accountId() + "/"
                        + p.permissionSetName()).orElse(""), d.message());
            }
        }
    }

    /** The examples folder, whether run from the repository root or from the core module. */
    private static Path example(String name) {
        Path fromRoot = Path.of("examples", name);
        return Files.exists(fromRoot) ? fromRoot : Path.of("..", "examples", name);
    }
}

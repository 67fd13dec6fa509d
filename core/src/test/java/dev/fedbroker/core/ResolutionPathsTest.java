package dev.fedbroker.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The resolver has two paths to one answer: pair ordinals (the common case) and a candidate map (needed when role
 * claims are accepted and present). A role value that is no ARN pair yields no candidate but takes the second path,
 * so the two are compared on random policies and identities, with and without MFA, with overlapping grants.
 */
class ResolutionPathsTest {

    private static final int GROUPS = 40;

    @Test
    void explainWhenRoleClaimPathForcedThenSameExplanationAsOrdinalPath() {
        Random random = new Random(11);
        for (int round = 0; round < 20; round++) {
            Policy policy = PolicyLoader.defaults().parse(randomPolicy(random));
            EntitlementResolver resolver = EntitlementResolver.of(policy);
            for (int u = 0; u < 10; u++) {
                List<String> groups = new ArrayList<>();
                for (int g = 0; g < GROUPS; g++) {
                    if (random.nextInt(4) == 0) {
                        groups.add((random.nextBoolean() ? "G-" : "g-") + g);
                    }
                }
                String user = "user" + random.nextInt(5) + "@contoso.example";
                List<String> amr = random.nextBoolean() ? List.of(Identity.AZURE_MFA_METHOD) : List.of();
                Identity plain = Identity.builder(user).upn(user).groups(groups).authnMethods(amr).build();
                Identity withAppRole = Identity.builder(user).upn(user).groups(groups).authnMethods(amr)
                        .roles(List.of("ReadOnly")).build();

                Explanation ordinals = resolver.explain(plain);
                Explanation candidates = resolver.explain(withAppRole);

                assertThat(candidates.granted()).isEqualTo(ordinals.granted());
                assertThat(candidates.dropped()).isEqualTo(ordinals.dropped());
            }
        }
    }

    /** Units r-root > ou-a, ou-b > ou-b1; accounts under each; 5 sets (2 MFA); random group and user assignments. */
    private static String randomPolicy(Random random) {
        String[] targets = {"r-root", "ou-a", "ou-b", "ou-b1", "100000000001", "100000000002", "100000000003",
            "100000000004", "100000000005", "100000000006", "100000000007"};
        String organization = """
                {"id": "r-root", "name": "Root", "accounts": [{"id": "100000000001", "name": "one"}],
                 "units": [{"id": "ou-a", "name": "A", "accounts": [{"id": "100000000002", "name": "two"},
                                                                     {"id": "100000000003", "name": "three"}]},
                           {"id": "ou-b", "name": "B", "accounts": [{"id": "100000000004", "name": "four"}],
                            "units": [{"id": "ou-b1", "name": "B1", "accounts": [
                                {"id": "100000000005", "name": "five"}, {"id": "100000000006", "name": "six"},
                                {"id": "100000000007", "name": "seven"}]}]}]}""";
        String sets = """
                [{"name": "ReadOnly", "sessionDuration": "PT8H"},
                 {"name": "Admin", "sessionDuration": "PT1H", "requireMfa": true},
                 {"name": "Billing", "sessionDuration": "PT2H"}, {"name": "Dev", "sessionDuration": "PT4H"},
                 {"name": "Break-Glass", "sessionDuration": "PT1H", "requireMfa": true}]""";
        String[] setNames = {"ReadOnly", "Admin", "Billing", "Dev", "Break-Glass"};
        StringBuilder assignments = new StringBuilder("[");
        for (int i = 0; i < 120; i++) {
            String principal = random.nextInt(8) == 0 ? "\"user\": \"USER" + random.nextInt(5) + "@contoso.example\""
                    : "\"group\": \"g-" + random.nextInt(GROUPS) + "\"";
            assignments.append(i == 0 ? "" : ",").append('{').append(principal).append(", \"target\": \"")
                    .append(targets[random.nextInt(targets.length)]).append("\", \"permissionSet\": \"")
                    .append(setNames[random.nextInt(setNames.length)]).append("\"}");
        }
        return "{\"organization\": " + organization + ", \"permissionSets\": " + sets + ", \"assignments\": "
                + assignments + "], \"acceptRoleClaims\": true}";
    }
}

package dev.fedbroker.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A policy at the scale the issue names (10,000 accounts in a nested unit tree, 200,000 assignments, 100,000 groups),
 * generated here, written as JSON, loaded, and resolved for a user in 150 groups; the expected entitlements are
 * computed independently by a naive loop over every assignment. No timing assertions: speed is the benchmarks' job.
 */
class LargePolicyTest {

    private static final int TOP = 10;
    private static final int FANOUT = 10;
    private static final int ACCOUNTS_PER_LEAF = 10;
    private static final int GROUPS = 100_000;
    private static final int GROUP_ASSIGNMENTS = 199_000;
    private static final int USER_ASSIGNMENTS = 1_000;
    private static final int SETS = 20;
    private static final String USER = "pat@contoso.example";
    private static final String USER_OID = "9f9f9f9f-0000-4000-8000-000000000001";

    // The generator's own model, kept apart from the library's.
    private final Map<String, List<String>> childUnits = new HashMap<>();
    private final Map<String, List<String>> accountsOf = new HashMap<>();
    private final List<String> leafUnits = new ArrayList<>();
    private final List<String> midUnits = new ArrayList<>();
    private final List<String> topUnits = new ArrayList<>();
    private final List<String> allAccounts = new ArrayList<>();
    private final List<String> groupIds = new ArrayList<>();
    private final List<String[]> assignments = new ArrayList<>(); // {kind, principal, target, set}
    private String json;

    @BeforeEach
    void generate() {
        Random random = new Random(20260101);
        int account = 0;
        for (int t = 0; t < TOP; t++) {
            String top = "ou-t" + t;
            topUnits.add(top);
            for (int m = 0; m < FANOUT; m++) {
                String mid = top + "-m" + m;
                midUnits.add(mid);
                childUnits.computeIfAbsent(top, k -> new ArrayList<>()).add(mid);
                for (int l = 0; l < FANOUT; l++) {
                    String leaf = mid + "-l" + l;
                    leafUnits.add(leaf);
                    childUnits.computeIfAbsent(mid, k -> new ArrayList<>()).add(leaf);
                    for (int a = 0; a < ACCOUNTS_PER_LEAF; a++) {
                        String id = String.format("%012d", 100_000_000_000L + 7919L * account++);
                        accountsOf.computeIfAbsent(leaf, k -> new ArrayList<>()).add(id);
                        allAccounts.add(id);
                    }
                }
            }
        }
        childUnits.put("r-big", topUnits);
        for (int g = 0; g < GROUPS; g++) {
            groupIds.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        assignments.add(new String[] {"group", groupIds.get(0), "r-big", "PS00"});
        for (int i = 1; i < GROUP_ASSIGNMENTS; i++) {
            String target = i % 1000 == 0 ? pick(topUnits, random) : i % 100 == 1 ? pick(midUnits, random)
                    : i % 10 == 2 ? pick(leafUnits, random) : pick(allAccounts, random);
            assignments.add(new String[] {"group", groupIds.get(i % GROUPS), target, set(random)});
        }
        for (int i = 0; i < USER_ASSIGNMENTS; i++) {
            String user = i == 0 ? USER.toUpperCase() : i == 1 ? USER_OID : "user" + i + "@contoso.example";
            assignments.add(new String[] {"user", user, i % 2 == 0 ? pick(leafUnits, random) : pick(allAccounts, random),
                    set(random)});
        }
        json = toJson();
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static String set(Random random) {
        return String.format("PS%02d", random.nextInt(SETS));
    }

    private static boolean requiresMfa(String set) {
        return set.equals("PS01") || set.equals("PS02");
    }

    private String toJson() {
        StringBuilder sb = new StringBuilder(24 << 20).append("{\"organization\": ");
        unitJson(sb, "r-big");
        sb.append(",\n\"permissionSets\": [");
        for (int s = 0; s < SETS; s++) {
            String name = String.format("PS%02d", s);
            sb.append(s == 0 ? "" : ",").append("{\"name\": \"").append(name).append("\", \"sessionDuration\": \"PT")
                    .append(1 + s % 12).append("H\", \"requireMfa\": ").append(requiresMfa(name)).append('}');
        }
        sb.append("],\n\"assignments\": [");
        for (int i = 0; i < assignments.size(); i++) {
            String[] a = assignments.get(i);
            sb.append(i == 0 ? "" : ",\n").append("{\"").append(a[0]).append("\": \"").append(a[1])
                    .append("\", \"target\": \"").append(a[2]).append("\", \"permissionSet\": \"").append(a[3])
                    .append("\"}");
        }
        return sb.append("]}").toString();
    }

    private void unitJson(StringBuilder sb, String unit) {
        sb.append("{\"id\": \"").append(unit).append("\", \"name\": \"").append(unit).append("\", \"accounts\": [");
        List<String> accounts = accountsOf.getOrDefault(unit, List.of());
        for (int i = 0; i < accounts.size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\": \"").append(accounts.get(i)).append("\", \"name\": \"acct-")
                    .append(accounts.get(i)).append("\"}");
        }
        sb.append("], \"units\": [");
        List<String> children = childUnits.getOrDefault(unit, List.of());
        for (int i = 0; i < children.size(); i++) {
            sb.append(i == 0 ? "" : ",\n");
            unitJson(sb, children.get(i));
        }
        sb.append("]}");
    }

    /** Every account at or below a target, by walking the generator's tree. */
    private List<String> accountsBelow(String target) {
        if (Character.isDigit(target.charAt(0))) {
            return List.of(target);
        }
        List<String> out = new ArrayList<>(accountsOf.getOrDefault(target, List.of()));
        for (String child : childUnits.getOrDefault(target, List.of())) {
            out.addAll(accountsBelow(child));
        }
        return out;
    }

    @Test
    void resolveWhenPolicyIsLargeThenUserIn150GroupsGetsExactlyTheNaivelyComputedEntitlements() {
        Policy policy = PolicyLoader.defaults().parse(json);
        assertThat(policy.assignments()).hasSize(200_000);
        EntitlementResolver resolver = EntitlementResolver.of(policy);

        Random random = new Random(42);
        Set<String> userGroups = new HashSet<>(List.of(groupIds.get(0)));
        while (userGroups.size() < 150) {
            userGroups.add(groupIds.get(random.nextInt(GROUPS)));
        }
        Identity pat = Identity.builder(USER).upn(USER).objectId(USER_OID).groups(new ArrayList<>(userGroups)).build();

        // Naive: look at every assignment; (account, set) -> {"kind principal target", ...}
        Map<String, Set<String>> expected = new TreeMap<>();
        Map<String, Set<String>> expectedDropped = new TreeMap<>();
        for (String[] a : assignments) {
            boolean matches = a[0].equals("group") ? userGroups.contains(a[1])
                    : a[1].equalsIgnoreCase(USER) || a[1].equalsIgnoreCase(USER_OID);
            if (matches) {
                Map<String, Set<String>> into = requiresMfa(a[3]) ? expectedDropped : expected;
                for (String account : accountsBelow(a[2])) {
                    into.computeIfAbsent(account + "/" + a[3], k -> new HashSet<>())
                            .add(a[0].toUpperCase() + " " + a[1] + " " + a[2]);
                }
            }
        }

        Explanation explanation = resolver.explain(pat);

        Map<String, Set<String>> actual = new LinkedHashMap<>();
        for (Entitlement e : explanation.granted()) {
            actual.put(e.accountId() + "/" + e.permissionSetName(), grantKeys(e.grants()));
        }
        Map<String, Set<String>> dropped = new TreeMap<>();
        for (DroppedCandidate d : explanation.dropped()) {
            AccountRole pair = d.accountRole().orElseThrow();
            dropped.put(pair.accountId() + "/" + pair.permissionSetName(), grantKeys(d.grants()));
        }
        assertThat(expected).hasSizeGreaterThan(10_000);
        // List equality, not containsExactly: AssertJ's element-wise comparison is quadratic on 10,000+ pairs.
        assertThat(new ArrayList<>(actual.keySet())).isEqualTo(new ArrayList<>(expected.keySet()));
        assertThat(actual).isEqualTo(expected);
        assertThat(dropped).isEqualTo(expectedDropped).isNotEmpty();
        assertThat(explanation.dropped()).extracting(DroppedCandidate::reason).containsOnly(DropReason.MFA_REQUIRED);
        assertThat(resolver.resolve(pat)).isEqualTo(explanation.granted());
    }

    private static Set<String> grantKeys(List<Grant> grants) {
        Set<String> keys = new HashSet<>();
        grants.forEach(g -> keys.add(g.kind() + " " + g.principal() + " " + g.target()));
        assertThat(keys).hasSameSizeAs(grants);
        return keys;
    }
}

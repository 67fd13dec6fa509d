package dev.fedbroker.bench;

import dev.fedbroker.core.Identity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The large policy, generated from a fixed seed: 10,000 accounts in a tree of 10 top units x 10 middle units x
 * 10 leaf units x 10 accounts, 100,000 groups, 200,000 assignments (199,000 to groups, every group getting one or two,
 * plus 1,000 to users) over 20 permission sets, 2 of them requiring MFA. Group assignments target an account 90% of
 * the time, a leaf unit (10 accounts) 9%, a middle unit (100 accounts) 1%: IAM Identity Center's shape, where most
 * assignments name accounts. Keeps its own model so that tests can compute expected results independently of the
 * library. Immutable after construction.
 */
final class LargePolicy {

    static final int ACCOUNTS = 10_000;
    static final int GROUPS = 100_000;
    static final int ASSIGNMENTS = 200_000;
    static final int USER_ASSIGNMENTS = 1_000;
    static final int SETS = 20;
    private static final int FANOUT = 10;

    final List<String> groupIds = new ArrayList<>(GROUPS);
    /** {kind, principal, target, permission set} per assignment. */
    final List<String[]> assignments = new ArrayList<>(ASSIGNMENTS);
    private final Map<String, List<String>> accountsBelow = new HashMap<>();
    private final Map<String, List<String>> childUnits = new HashMap<>();
    private final Map<String, List<String>> accountsOf = new HashMap<>();
    private final List<String> leafUnits = new ArrayList<>();
    private final List<String> midUnits = new ArrayList<>();
    private final List<String> allAccounts = new ArrayList<>(ACCOUNTS);
    final String json;

    LargePolicy() {
        Random random = new Random(20260101);
        int account = 0;
        List<String> tops = new ArrayList<>();
        for (int t = 0; t < FANOUT; t++) {
            String top = "ou-t" + t;
            tops.add(top);
            for (int m = 0; m < FANOUT; m++) {
                String mid = top + "-m" + m;
                midUnits.add(mid);
                childUnits.computeIfAbsent(top, k -> new ArrayList<>()).add(mid);
                for (int l = 0; l < FANOUT; l++) {
                    String leaf = mid + "-l" + l;
                    leafUnits.add(leaf);
                    childUnits.computeIfAbsent(mid, k -> new ArrayList<>()).add(leaf);
                    for (int a = 0; a < FANOUT; a++) {
                        String id = String.format("%012d", 100_000_000_000L + 7919L * account++);
                        accountsOf.computeIfAbsent(leaf, k -> new ArrayList<>()).add(id);
                        allAccounts.add(id);
                    }
                }
            }
        }
        childUnits.put("r-big", tops);
        for (int g = 0; g < GROUPS; g++) {
            groupIds.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        for (int i = 0; i < ASSIGNMENTS - USER_ASSIGNMENTS; i++) {
            int p = random.nextInt(100);
            String target = p == 0 ? pick(midUnits, random) : p < 10 ? pick(leafUnits, random)
                    : pick(allAccounts, random);
            assignments.add(new String[] {"group", groupIds.get(i % GROUPS), target, set(random)});
        }
        for (int i = 0; i < USER_ASSIGNMENTS; i++) {
            assignments.add(new String[] {"user", "user" + i + "@contoso.example", pick(allAccounts, random),
                    set(random)});
        }
        json = toJson();
    }

    /**
     * A user in {@code groups} distinct groups, MFA done (so MFA-only sets are granted too): {@code assigned} of them
     * random groups of the policy (each carries one or two assignments), the others groups the policy never names
     * (the distribution lists and teams most of an Azure user's groups are).
     */
    Identity user(int index, int groups, int assigned) {
        Random random = new Random(7_000 + index);
        Set<String> chosen = new LinkedHashSet<>();
        while (chosen.size() < assigned) {
            chosen.add(groupIds.get(random.nextInt(GROUPS)));
        }
        while (chosen.size() < groups) {
            chosen.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        String upn = "user" + index + "@contoso.example";
        return Identity.builder(upn).upn(upn).objectId(new UUID(index, 42).toString())
                .groups(new ArrayList<>(chosen)).authnMethods(List.of(Identity.AZURE_MFA_METHOD)).build();
    }

    /** "account/set" pairs the identity gets, computed by a naive loop over every assignment. */
    Set<String> expectedPairs(Identity who) {
        Set<String> groups = new HashSet<>(who.groups());
        Set<String> pairs = new HashSet<>();
        for (String[] a : assignments) {
            boolean matches = a[0].equals("group") ? groups.contains(a[1])
                    : a[1].equalsIgnoreCase(who.nameId());
            if (matches) {
                for (String account : accountsBelow(a[2])) {
                    pairs.add(account + "/" + a[3]);
                }
            }
        }
        return pairs;
    }

    private List<String> accountsBelow(String target) {
        if (Character.isDigit(target.charAt(0))) {
            return List.of(target);
        }
        List<String> known = accountsBelow.get(target);
        if (known != null) {
            return known;
        }
        List<String> out = new ArrayList<>(accountsOf.getOrDefault(target, List.of()));
        for (String child : childUnits.getOrDefault(target, List.of())) {
            out.addAll(accountsBelow(child));
        }
        accountsBelow.put(target, out);
        return out;
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    private static String set(Random random) {
        return String.format("PS%02d", random.nextInt(SETS));
    }

    private String toJson() {
        StringBuilder sb = new StringBuilder(24 << 20).append("{\"organization\": ");
        unitJson(sb, "r-big");
        sb.append(",\n\"permissionSets\": [");
        for (int s = 0; s < SETS; s++) {
            String name = String.format("PS%02d", s);
            sb.append(s == 0 ? "" : ",").append("{\"name\": \"").append(name).append("\", \"sessionDuration\": \"PT")
                    .append(1 + s % 12).append("H\", \"requireMfa\": ").append(s == 1 || s == 2).append('}');
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
}

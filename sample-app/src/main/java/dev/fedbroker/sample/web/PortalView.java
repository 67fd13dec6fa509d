package dev.fedbroker.sample.web;

import dev.fedbroker.core.AccountRole;
import dev.fedbroker.core.Directory;
import dev.fedbroker.core.DirectoryGroup;
import dev.fedbroker.core.DroppedCandidate;
import dev.fedbroker.core.Entitlement;
import dev.fedbroker.core.Explanation;
import dev.fedbroker.core.Grant;
import dev.fedbroker.core.Identity;
import dev.fedbroker.sample.OrgIndex;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the portal page shows: the granted (account, permission set) pairs grouped by the unit holding each account,
 * each with the grants that explain it, and what was left out and why. Immutable.
 *
 * @param user        who is signed in
 * @param groupSource where the groups matched against the policy came from, in words
 * @param units       the units (in tree order) with their pairs
 * @param leftOut     the candidates left out, with reasons
 * @param hasLeftOut  whether {@code leftOut} is not empty (for the template)
 * @param console     whether the "Open console" buttons are shown
 */
public record PortalView(String user, String groupSource, List<Unit> units, List<LeftOut> leftOut,
        boolean hasLeftOut, boolean console) {

    /**
     * A unit's pairs.
     *
     * @param headingId the heading's element id
     * @param path      the unit's path, e.g. {@code Root › Workloads › Production}
     * @param rows      its pairs
     */
    public record Unit(String headingId, String path, List<Row> rows) {
    }

    /**
     * One pair.
     *
     * @param accountId     the account id
     * @param accountName   the account name
     * @param permissionSet the permission set
     * @param duration      its session duration, e.g. {@code 8 h}
     * @param why           one sentence per grant
     */
    public record Row(String accountId, String accountName, String permissionSet, String duration, List<String> why) {
    }

    /**
     * A pair (or input) left out.
     *
     * @param what   the pair, or what could not be used
     * @param reason the reason code
     * @param message what happened and what to do
     */
    public record LeftOut(String what, String reason, String message) {
    }

    /** The page for {@code who}, whose entitlements were explained as {@code explanation}. */
    public static PortalView of(Identity who, Explanation explanation, OrgIndex org, Directory directory,
            boolean console) {
        Map<String, List<Row>> byUnit = new LinkedHashMap<>();
        for (Entitlement e : explanation.granted()) {
            String unit = org.unitOf(e.accountId()).map(OrgIndex.Node::pathText).orElse("Accounts outside the policy");
            byUnit.computeIfAbsent(unit, k -> new ArrayList<>()).add(new Row(e.accountId(), e.accountName(),
                    e.permissionSetName(), duration(e.sessionDuration()),
                    e.grants().stream().map(g -> why(g, e, explanation, org, directory)).toList()));
        }
        List<Unit> units = new ArrayList<>();
        byUnit.forEach((path, rows) -> units.add(new Unit("unit-" + units.size(), path, List.copyOf(rows))));
        List<LeftOut> leftOut = explanation.dropped().stream().map(d -> leftOut(d, org)).toList();
        return new PortalView(PageModels.label(who), groupSource(explanation), List.copyOf(units), leftOut,
                !leftOut.isEmpty(), console);
    }

    private static String why(Grant g, Entitlement e, Explanation explanation, OrgIndex org, Directory directory) {
        String where = org.node(g.target()).map(n -> (g.target().equals(e.accountId()) ? "account " : "unit ")
                + n.pathText()).orElse(g.target());
        return switch (g.kind()) {
            case GROUP -> "You are in group " + directory.groupById(g.principal()).map(DirectoryGroup::displayName)
                    .map(n -> "\u201c" + n + "\u201d (" + g.principal() + ")").orElse(g.principal())
                    + (explanation.groupSource() == Explanation.GroupSource.DIRECTORY
                            ? ", as the provisioned directory says" : ", as your sign-in token says")
                    + "; the policy assigns " + e.permissionSetName() + " to it on " + where + ".";
            case USER -> "The policy assigns " + e.permissionSetName() + " to you (" + g.principal() + ") on "
                    + where + ".";
            case ROLE_CLAIM -> "Azure AD sent the AWS role claim " + g.principal() + ".";
        };
    }

    private static LeftOut leftOut(DroppedCandidate d, OrgIndex org) {
        String what = d.accountRole().map(p -> p.permissionSetName() + " on " + accountName(p, org))
                .orElse("Your groups");
        return new LeftOut(what, d.reason().name(), d.message());
    }

    private static String accountName(AccountRole pair, OrgIndex org) {
        return org.node(pair.accountId()).map(n -> n.name() + " (" + pair.accountId() + ")").orElse(pair.accountId());
    }

    private static String groupSource(Explanation e) {
        return switch (e.groupSource()) {
            case TOKEN -> e.groups().size() + " group(s) from your sign-in token";
            case DIRECTORY -> e.groups().size() + " group(s) from the provisioned directory (you are in more groups"
                    + " than Azure AD puts in a token, so it sent the overage link instead)";
            case UNRESOLVED -> "none: Azure AD sent the overage link and the directory could not resolve your groups";
        };
    }

    private static String duration(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}

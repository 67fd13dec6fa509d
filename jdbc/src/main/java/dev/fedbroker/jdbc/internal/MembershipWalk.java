package dev.fedbroker.jdbc.internal;

import dev.fedbroker.scim.ScimMembership;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Memberships on H2, whose recursive queries neither discard rows already produced nor stay cheap on nested or
 * cyclic groups. The walk is breadth-first in Java over edges read two levels per statement (a member's groups and
 * those groups' own groups): one statement when nesting is at most one level deep, as Azure provisions it. Exact at
 * any depth, each group once, cycles followed once; direct groups in the order the member joined them, then nested
 * ones breadth-first, as scim-model's in-memory store orders them.
 */
final class MembershipWalk {
    private static final String EDGES = "SELECT m.member_id, m.group_id, g.external_id, g.display_name,"
            + " p.group_id, pg.external_id, pg.display_name"
            + " FROM fedbroker_scim_member m JOIN fedbroker_scim_resource g ON g.id = m.group_id"
            + " LEFT JOIN fedbroker_scim_member p ON p.member_id = m.group_id"
            + " LEFT JOIN fedbroker_scim_resource pg ON pg.id = p.group_id"
            + " WHERE m.member_id IN (%s) ORDER BY m.seq, p.seq";

    private record Group(String externalId, String displayName) {
    }

    /** member id -> its groups' ids in joining order, for every id read so far. */
    private final Map<String, Set<String>> parents = new HashMap<>();
    private final Map<String, Group> groups = new HashMap<>();

    private MembershipWalk() {
    }

    static Map<String, List<ScimMembership>> memberships(Connection connection, Collection<String> memberIds)
            throws SQLException {
        MembershipWalk walk = new MembershipWalk();
        walk.read(connection, memberIds);
        Map<String, List<ScimMembership>> out = new HashMap<>();
        for (String memberId : memberIds) {
            List<ScimMembership> memberships = walk.from(memberId);
            if (!memberships.isEmpty()) {
                out.put(memberId, memberships);
            }
        }
        return out;
    }

    /** Reads edges until every reachable group's own groups are known. */
    private void read(Connection connection, Collection<String> start) throws SQLException {
        Set<String> frontier = new LinkedHashSet<>(start);
        while (!frontier.isEmpty()) {
            List<String> ids = new ArrayList<>(frontier);
            frontier.clear();
            for (int from = 0; from < ids.size(); from += MemberRows.CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MemberRows.CHUNK));
                chunk.forEach(id -> parents.putIfAbsent(id, new LinkedHashSet<>()));
                try (PreparedStatement statement = connection.prepareStatement(
                        String.format(EDGES, MemberRows.placeholders(chunk.size())))) {
                    MemberRows.bind(statement, 1, chunk);
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            String group = result.getString(2);
                            parents.get(result.getString(1)).add(group);
                            groups.putIfAbsent(group, new Group(result.getString(3), result.getString(4)));
                            Set<String> above = parents.computeIfAbsent(group, k -> new LinkedHashSet<>());
                            String parent = result.getString(5);
                            if (parent != null) {
                                above.add(parent);
                                groups.putIfAbsent(parent, new Group(result.getString(6), result.getString(7)));
                            }
                        }
                    }
                }
            }
            // Groups whose own groups were read came in as "above" entries; their parents are the next frontier.
            for (String id : ids) {
                for (String group : parents.get(id)) {
                    for (String parent : parents.getOrDefault(group, Set.of())) {
                        if (!parents.containsKey(parent)) {
                            frontier.add(parent);
                        }
                    }
                }
            }
        }
    }

    private List<ScimMembership> from(String memberId) {
        List<ScimMembership> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(memberId);
        Deque<String> queue = new ArrayDeque<>();
        for (String group : parents.getOrDefault(memberId, Set.of())) {
            if (seen.add(group)) {
                queue.add(group);
                out.add(membership(group, true));
            }
        }
        while (!queue.isEmpty()) {
            for (String parent : parents.getOrDefault(queue.poll(), Set.of())) {
                if (seen.add(parent)) {
                    queue.add(parent);
                    out.add(membership(parent, false));
                }
            }
        }
        return out;
    }

    private ScimMembership membership(String groupId, boolean direct) {
        Group group = groups.get(groupId);
        return new ScimMembership(groupId, Optional.ofNullable(group.externalId()),
                group.displayName() == null ? "" : group.displayName(), direct);
    }
}

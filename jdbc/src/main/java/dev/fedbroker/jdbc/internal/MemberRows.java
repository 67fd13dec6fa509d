package dev.fedbroker.jdbc.internal;

import dev.fedbroker.jdbc.internal.ResourceCodec.Member;
import dev.fedbroker.scim.ScimMembership;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Statements on {@code fedbroker_scim_member}: one row per direct membership, walked recursively for nesting. */
public final class MemberRows {
    /** Ids per IN list, well under every driver's parameter limit. */
    static final int CHUNK = 500;

    /*
     * PostgreSQL: every group reachable from each origin, with whether one path is direct, in ONE statement however
     * many groups and however deep. The recursive UNION discards rows already produced, so a cycle ends by itself.
     * (H2's does not, hence MembershipWalk there.)
     */
    private static final String MEMBERSHIPS_POSTGRESQL = "WITH RECURSIVE reach (origin, group_id, direct, added) AS ("
            + " SELECT m.member_id, m.group_id, 1, m.seq FROM fedbroker_scim_member m WHERE m.member_id IN (%s)"
            + " UNION"
            + " SELECT r.origin, m.group_id, 0, CAST(0 AS BIGINT) FROM reach r"
            + " JOIN fedbroker_scim_member m ON m.member_id = r.group_id"
            + ") SELECT r.origin, g.id, g.external_id, g.display_name, MAX(r.direct) AS direct"
            + " FROM reach r JOIN fedbroker_scim_resource g ON g.id = r.group_id WHERE g.id <> r.origin"
            + " GROUP BY r.origin, g.id, g.external_id, g.display_name"
            // Direct groups in the order the member joined them (as the in-memory store), then nested ones.
            + " ORDER BY r.origin, MAX(r.direct) DESC, MAX(r.added), MIN(g.seq)";

    private MemberRows() {
    }

    /** The members of each group, in the order they were added. */
    public static Map<String, List<Member>> load(Connection connection, Collection<String> groupIds)
            throws SQLException {
        Map<String, List<Member>> out = new HashMap<>();
        List<String> ids = List.copyOf(groupIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String sql = "SELECT group_id, member_id, member FROM fedbroker_scim_member WHERE group_id IN ("
                    + placeholders(chunk.size()) + ") ORDER BY group_id, seq";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, 1, chunk);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        out.computeIfAbsent(result.getString(1), k -> new ArrayList<>()).add(new Member(
                                result.getString(2), ResourceCodec.memberFromJson(result.getString(3))));
                    }
                }
            }
        }
        return out;
    }

    public static void insert(Connection connection, String groupId, List<Member> members) throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "INSERT INTO fedbroker_scim_member (group_id, member_id, member) VALUES (?, ?, ?)")) {
            for (Member member : members) {
                statement.setString(1, groupId);
                statement.setString(2, member.id());
                statement.setString(3, ResourceCodec.toJson(member.value()));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Makes the group's rows equal {@code wanted}, touching only the members that changed (a group of 50,000 gaining
     * one member writes one row).
     *
     * @return the members as now stored: those kept in their old order, then the new ones
     */
    public static List<Member> sync(Connection connection, String groupId, List<Member> wanted) throws SQLException {
        List<Member> current = load(connection, List.of(groupId)).getOrDefault(groupId, List.of());
        Map<String, Member> wantedById = new LinkedHashMap<>();
        wanted.forEach(member -> wantedById.put(member.id(), member));
        List<Member> result = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Member> changed = new ArrayList<>();
        for (Member existing : current) {
            Member next = wantedById.remove(existing.id());
            if (next == null) {
                removed.add(existing.id());
            } else {
                result.add(next);
                if (!Objects.equals(ResourceCodec.toJson(next.value()), ResourceCodec.toJson(existing.value()))) {
                    changed.add(next);
                }
            }
        }
        List<Member> added = new ArrayList<>(wantedById.values());
        delete(connection, groupId, removed);
        update(connection, groupId, changed);
        insert(connection, groupId, added);
        result.addAll(added);
        return result;
    }

    /** The groups that list {@code memberId} directly. */
    public static List<String> directGroupIds(Connection connection, String memberId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT group_id FROM fedbroker_scim_member WHERE member_id = ? ORDER BY group_id")) {
            statement.setString(1, memberId);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        return ids;
    }

    /**
     * Removes {@code memberId} from these groups only (the caller locked them and gave them a new version); a row
     * another transaction added meanwhile to another group stays, as if that change came after this one.
     */
    public static void remove(Connection connection, String memberId, List<String> groupIds) throws SQLException {
        if (groupIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM fedbroker_scim_member WHERE member_id = ? AND group_id = ?")) {
            for (String groupId : groupIds) {
                statement.setString(1, memberId);
                statement.setString(2, groupId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Each member's groups, direct ones first (in joining order), then nested ones; each group once. */
    public static Map<String, List<ScimMembership>> memberships(Connection connection, Collection<String> memberIds)
            throws SQLException {
        if (Dialect.of(connection) == Dialect.H2) {
            return MembershipWalk.memberships(connection, memberIds);
        }
        Map<String, List<ScimMembership>> out = new HashMap<>();
        List<String> ids = List.copyOf(memberIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement statement = connection.prepareStatement(
                    String.format(MEMBERSHIPS_POSTGRESQL, placeholders(chunk.size())))) {
                bind(statement, 1, chunk);
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        String displayName = result.getString(4);
                        out.computeIfAbsent(result.getString(1), k -> new ArrayList<>()).add(new ScimMembership(
                                result.getString(2), Optional.ofNullable(result.getString(3)),
                                displayName == null ? "" : displayName, result.getInt(5) == 1));
                    }
                }
            }
        }
        return out;
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static void bind(PreparedStatement statement, int first, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            statement.setString(first + i, values.get(i));
        }
    }

    private static void delete(Connection connection, String groupId, List<String> memberIds) throws SQLException {
        if (memberIds.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM fedbroker_scim_member WHERE group_id = ? AND member_id = ?")) {
            for (String memberId : memberIds) {
                statement.setString(1, groupId);
                statement.setString(2, memberId);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void update(Connection connection, String groupId, List<Member> members) throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE fedbroker_scim_member SET member = ? WHERE group_id = ? AND member_id = ?")) {
            for (Member member : members) {
                statement.setString(1, ResourceCodec.toJson(member.value()));
                statement.setString(2, groupId);
                statement.setString(3, member.id());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }
}

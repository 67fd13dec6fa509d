package dev.fedbroker.jdbc.internal;

import dev.fedbroker.jdbc.internal.ResourceCodec.Member;
import dev.fedbroker.jdbc.internal.ResourceRows.Row;
import dev.fedbroker.scim.ScimMembership;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimSchemas;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows back into resources: a Group gets its members from their table, a User its computed groups. */
public final class ResourceAssembler {
    private ResourceAssembler() {
    }

    /**
     * The resources of {@code rows}, in order.
     *
     * @param members whether Groups get their members (two statements per 500 groups)
     * @param groups  whether Users get their groups (one recursive statement per 500 users)
     */
    public static List<ScimResource> assemble(Connection connection, List<Row> rows, boolean members,
                                              boolean groups) throws SQLException {
        List<String> groupIds = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        for (Row row : rows) {
            if (row.resourceType().equals(ScimSchemas.GROUP_TYPE)) {
                groupIds.add(row.id());
            } else if (row.resourceType().equals(ScimSchemas.USER_TYPE)) {
                userIds.add(row.id());
            }
        }
        Map<String, List<Member>> membersOf = members && !groupIds.isEmpty()
                ? MemberRows.load(connection, groupIds) : Map.of();
        Map<String, List<ScimMembership>> groupsOf = groups && !userIds.isEmpty()
                ? MemberRows.memberships(connection, userIds) : Map.of();
        List<ScimResource> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            out.add(resource(row, membersOf.getOrDefault(row.id(), List.of()),
                    groupsOf.getOrDefault(row.id(), List.of())));
        }
        return out;
    }

    /** One resource from its row, its members (a Group) and its memberships (a User). */
    public static ScimResource resource(Row row, List<Member> members, List<ScimMembership> memberships) {
        ScimResource stored = ScimResource.fromJson(row.resourceType(), row.id(), row.version(), row.created(),
                row.lastModified(), row.attributesJson());
        if (members.isEmpty() && memberships.isEmpty()) {
            return stored;
        }
        Map<String, Object> attributes = new LinkedHashMap<>(stored.attributes());
        if (!members.isEmpty()) {
            attributes.put("members", ResourceCodec.memberValues(members));
        }
        if (!memberships.isEmpty()) {
            attributes.put("groups", groupValues(memberships));
        }
        return new ScimResource(row.resourceType(), row.id(), row.version(), row.created(), row.lastModified(),
                attributes);
    }

    /** A User's {@code groups} (RFC 7643 4.1.2): value, display and whether the membership is direct. */
    static List<Object> groupValues(List<ScimMembership> memberships) {
        List<Object> values = new ArrayList<>(memberships.size());
        for (ScimMembership membership : memberships) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("value", membership.groupId());
            value.put("display", membership.displayName());
            value.put("type", membership.direct() ? "direct" : "indirect");
            values.add(value);
        }
        return values;
    }
}

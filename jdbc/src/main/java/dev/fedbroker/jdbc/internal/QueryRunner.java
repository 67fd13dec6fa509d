package dev.fedbroker.jdbc.internal;

import dev.fedbroker.jdbc.internal.ResourceRows.Row;
import dev.fedbroker.scim.ScimFilter;
import dev.fedbroker.scim.ScimPage;
import dev.fedbroker.scim.ScimQuery;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimSchemas;
import dev.fedbroker.scim.ScimSorting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers a SCIM query on one snapshot: candidates from SQL (by index when {@link QueryPlan} finds one, otherwise the
 * whole type, in creation order, 500 rows at a time), the filter evaluated by scim-model exactly as the in-memory
 * store does, then sorting and the page. Members and groups are loaded before evaluation only when the filter or
 * sort reads them, and otherwise for the returned page alone.
 */
public final class QueryRunner {
    private static final int BATCH = 500;

    private QueryRunner() {
    }

    /** One page of the matches of {@code query} among the resources of {@code type}. */
    public static ScimPage run(Connection connection, ScimResourceType type, ScimQuery query, ScimSchemas schemas)
            throws SQLException {
        if (query.filter().isEmpty() && query.sortBy().isEmpty()) {
            return unfiltered(connection, type, query);
        }
        Optional<ScimFilter> filter = query.filter();
        boolean group = type.name().equals(ScimSchemas.GROUP_TYPE);
        boolean user = type.name().equals(ScimSchemas.USER_TYPE);
        boolean members = group && (filter.map(f -> QueryPlan.mentions(f, "members")).orElse(false)
                || query.sortBy().map(p -> p.attribute().equalsIgnoreCase("members")).orElse(false));
        boolean groups = user && (filter.map(f -> QueryPlan.mentions(f, "groups")).orElse(false)
                || query.sortBy().map(p -> p.attribute().equalsIgnoreCase("groups")).orElse(false));
        Optional<QueryPlan> plan = filter.flatMap(f -> QueryPlan.of(f, type));
        String sql = "SELECT " + ResourceRows.COLUMNS + " FROM fedbroker_scim_resource WHERE resource_type = ?"
                + plan.map(p -> " AND " + p.sql()).orElse("") + " ORDER BY seq";
        boolean sorted = query.sortBy().isPresent();
        int from = query.startIndex() - 1;
        long to = (long) from + query.count();
        int total = 0;
        List<Row> pageRows = new ArrayList<>();
        List<ScimResource> matches = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(BATCH);
            statement.setString(1, type.name());
            if (plan.isPresent()) {
                MemberRows.bind(statement, 2, plan.get().parameters());
            }
            try (ResultSet result = statement.executeQuery()) {
                List<Row> batch = new ArrayList<>();
                boolean more = true;
                while (more) {
                    more = result.next();
                    if (more) {
                        batch.add(ResourceRows.row(result));
                    }
                    if (batch.size() == BATCH || !more && !batch.isEmpty()) {
                        List<ScimResource> resources = ResourceAssembler.assemble(connection, batch, members, groups);
                        for (int i = 0; i < batch.size(); i++) {
                            ScimResource resource = resources.get(i);
                            if (filter.isPresent() && !filter.get().matches(resource, schemas)) {
                                continue;
                            }
                            if (sorted) {
                                matches.add(resource);
                            } else if (total >= from && total < to) {
                                pageRows.add(batch.get(i));
                            }
                            total++;
                        }
                        batch.clear();
                    }
                }
            }
        }
        if (sorted) {
            List<ScimResource> ordered = ScimSorting.sort(matches, query.sortBy().get(), query.descending(), type);
            int start = Math.min(ordered.size(), from);
            int end = (int) Math.min(ordered.size(), to);
            List<String> ids = ordered.subList(start, end).stream().map(ScimResource::id).toList();
            return new ScimPage(ordered.size(), query.startIndex(), reload(connection, ids));
        }
        return new ScimPage(total, query.startIndex(), ResourceAssembler.assemble(connection, pageRows, true, true));
    }

    /** No filter, no sort: COUNT plus one page by creation order. */
    private static ScimPage unfiltered(Connection connection, ScimResourceType type, ScimQuery query)
            throws SQLException {
        int total;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT COUNT(*) FROM fedbroker_scim_resource WHERE resource_type = ?")) {
            statement.setString(1, type.name());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                total = result.getInt(1);
            }
        }
        List<Row> rows = List.of();
        if (query.count() > 0 && query.startIndex() <= total) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + ResourceRows.COLUMNS
                    + " FROM fedbroker_scim_resource WHERE resource_type = ? ORDER BY seq LIMIT ? OFFSET ?")) {
                statement.setString(1, type.name());
                statement.setInt(2, query.count());
                statement.setInt(3, query.startIndex() - 1);
                try (ResultSet result = statement.executeQuery()) {
                    rows = ResourceRows.rows(result);
                }
            }
        }
        return new ScimPage(total, query.startIndex(), ResourceAssembler.assemble(connection, rows, true, true));
    }

    /** The full resources (members, groups) with these ids, in this order. */
    private static List<ScimResource> reload(Connection connection, List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MemberRows.CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MemberRows.CHUNK));
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + ResourceRows.COLUMNS
                    + " FROM fedbroker_scim_resource WHERE id IN (" + MemberRows.placeholders(chunk.size()) + ")")) {
                MemberRows.bind(statement, 1, chunk);
                try (ResultSet result = statement.executeQuery()) {
                    rows.addAll(ResourceRows.rows(result));
                }
            }
        }
        java.util.Map<String, Row> byId = new java.util.HashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        return ResourceAssembler.assemble(connection, ids.stream().map(byId::get).toList(), true, true);
    }
}

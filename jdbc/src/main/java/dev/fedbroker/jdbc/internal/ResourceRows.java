package dev.fedbroker.jdbc.internal;

import dev.fedbroker.scim.ScimSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Statements on {@code fedbroker_scim_resource}, one row per resource. */
public final class ResourceRows {
    static final String COLUMNS = "id, resource_type, version, created, last_modified, attributes";

    private ResourceRows() {
    }

    /** A row as read. */
    public record Row(String id, String resourceType, long version, Instant created, Instant lastModified,
                      String attributesJson) {
    }

    /** The indexed copies of attributes, derived on every write. */
    public record Keys(Optional<String> userName, Optional<String> displayName, Optional<String> externalId,
                       Optional<String> nameKey, Optional<String> externalIdKey) {

        public static Keys of(String resourceType, Map<String, ?> attributes) {
            Optional<String> userName = ResourceCodec.string(attributes, "userName");
            Optional<String> displayName = ResourceCodec.string(attributes, "displayName");
            Optional<String> externalId = ResourceCodec.string(attributes, "externalId");
            Optional<String> unique = resourceType.equals(ScimSchemas.USER_TYPE) ? userName
                    : resourceType.equals(ScimSchemas.GROUP_TYPE) ? displayName : Optional.empty();
            return new Keys(userName, displayName, externalId, unique.map(ResourceCodec::fold),
                    externalId.map(ResourceCodec::fold));
        }
    }

    public static Optional<Row> find(Connection connection, String resourceType, String id, boolean forUpdate)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM fedbroker_scim_resource WHERE id = ? AND resource_type = ?"
                + (forUpdate ? " FOR UPDATE" : "");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.setString(2, resourceType);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? Optional.of(row(result)) : Optional.empty();
            }
        }
    }

    /** Whether another resource of this type already holds the unique name. */
    public static boolean nameTaken(Connection connection, String resourceType, String nameKey, String exceptId)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT id FROM fedbroker_scim_resource"
                + " WHERE resource_type = ? AND name_key = ? AND id <> ?")) {
            statement.setString(1, resourceType);
            statement.setString(2, nameKey);
            statement.setString(3, exceptId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    public static boolean idExists(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM fedbroker_scim_resource WHERE id = ?")) {
            statement.setString(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    public static void insert(Connection connection, Row row, Keys keys) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO fedbroker_scim_resource"
                + " (id, resource_type, version, created, last_modified, user_name, display_name, external_id,"
                + " name_key, external_id_key, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            statement.setString(1, row.id());
            statement.setString(2, row.resourceType());
            statement.setLong(3, row.version());
            statement.setObject(4, ReplaySql.timestamp(row.created()));
            statement.setObject(5, ReplaySql.timestamp(row.lastModified()));
            setKeys(statement, 6, keys);
            statement.setString(11, row.attributesJson());
            statement.executeUpdate();
        }
    }

    /** Writes a new version; false when the row is not at {@code previousVersion} any more. */
    public static boolean update(Connection connection, Row row, Keys keys, long previousVersion)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE fedbroker_scim_resource SET"
                + " version = ?, last_modified = ?, user_name = ?, display_name = ?, external_id = ?, name_key = ?,"
                + " external_id_key = ?, attributes = ? WHERE id = ? AND version = ?")) {
            statement.setLong(1, row.version());
            statement.setObject(2, ReplaySql.timestamp(row.lastModified()));
            setKeys(statement, 3, keys);
            statement.setString(8, row.attributesJson());
            statement.setString(9, row.id());
            statement.setLong(10, previousVersion);
            return statement.executeUpdate() == 1;
        }
    }

    /** Gives each of these groups a new version (a member is about to leave them). */
    public static void bump(Connection connection, List<String> groupIds, Instant now) throws SQLException {
        for (int from = 0; from < groupIds.size(); from += MemberRows.CHUNK) {
            List<String> chunk = groupIds.subList(from, Math.min(groupIds.size(), from + MemberRows.CHUNK));
            try (PreparedStatement statement = connection.prepareStatement("UPDATE fedbroker_scim_resource SET"
                    + " version = version + 1, last_modified = ? WHERE id IN ("
                    + MemberRows.placeholders(chunk.size()) + ")")) {
                statement.setObject(1, ReplaySql.timestamp(now));
                MemberRows.bind(statement, 2, chunk);
                statement.executeUpdate();
            }
        }
    }

    public static void delete(Connection connection, String id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "DELETE FROM fedbroker_scim_resource WHERE id = ?")) {
            statement.setString(1, id);
            statement.executeUpdate();
        }
    }

    /** Reads every row of a result set. */
    public static List<Row> rows(ResultSet result) throws SQLException {
        List<Row> rows = new ArrayList<>();
        while (result.next()) {
            rows.add(row(result));
        }
        return rows;
    }

    static Row row(ResultSet result) throws SQLException {
        return new Row(result.getString("id"), result.getString("resource_type"), result.getLong("version"),
                result.getObject("created", OffsetDateTime.class).toInstant(),
                result.getObject("last_modified", OffsetDateTime.class).toInstant(), result.getString("attributes"));
    }

    private static void setKeys(PreparedStatement statement, int first, Keys keys) throws SQLException {
        statement.setString(first, keys.userName().orElse(null));
        statement.setString(first + 1, keys.displayName().orElse(null));
        statement.setString(first + 2, keys.externalId().orElse(null));
        statement.setString(first + 3, keys.nameKey().orElse(null));
        statement.setString(first + 4, keys.externalIdKey().orElse(null));
    }
}

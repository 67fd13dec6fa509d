package dev.fedbroker.jdbc;

import dev.fedbroker.jdbc.internal.MemberRows;
import dev.fedbroker.jdbc.internal.QueryRunner;
import dev.fedbroker.jdbc.internal.ResourceAssembler;
import dev.fedbroker.jdbc.internal.ResourceCodec;
import dev.fedbroker.jdbc.internal.ResourceCodec.Member;
import dev.fedbroker.jdbc.internal.ResourceRows;
import dev.fedbroker.jdbc.internal.ResourceRows.Keys;
import dev.fedbroker.jdbc.internal.ResourceRows.Row;
import dev.fedbroker.jdbc.internal.StoreErrors;
import dev.fedbroker.jdbc.internal.Transactions;
import dev.fedbroker.scim.ScimDirectory;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimMembership;
import dev.fedbroker.scim.ScimPage;
import dev.fedbroker.scim.ScimQuery;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimResourceStore;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimSchemas;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * scim-model's {@link ScimResourceStore} in database tables, shared by every instance on the same database; core's
 * {@code Directory} comes from it through {@link ScimDirectory}. Each call is one transaction: it commits whole or
 * not at all. Writes lock the resource's row and check its version, so a PATCH computed on an old version fails with
 * {@link ScimErrorType#PRECONDITION_FAILED} instead of overwriting a newer one. A Group's members are one row each, so
 * adding a member to a large group writes one row; a user's groups (direct and nested) come from one recursive
 * query. When the database is unreachable or drops the connection, calls throw {@link ScimErrorType#UNAVAILABLE}
 * (the endpoint answers 503 with Retry-After). Thread-safe.
 *
 * <p>Timestamps are kept to the microsecond. Run {@link FedbrokerSchema#migrate(DataSource)} once before use.
 */
public final class JdbcScimResourceStore implements ScimResourceStore {
    private final DataSource dataSource;
    private final Clock clock;
    private final ScimSchemas schemas;
    private final Supplier<String> ids;

    private JdbcScimResourceStore(Builder builder) {
        this.dataSource = builder.dataSource;
        this.clock = builder.clock;
        this.schemas = builder.schemas;
        this.ids = builder.ids;
    }

    /** A builder over {@code dataSource} (a pool such as HikariCP in production). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public Optional<ScimResource> get(String resourceType, String id) {
        String type = canonical(resourceType);
        Objects.requireNonNull(id, "id");
        return read("Reading a " + type, (connection, dialect) -> {
            Optional<Row> row = ResourceRows.find(connection, type, id, false);
            return row.isEmpty() ? Optional.<ScimResource>empty()
                    : Optional.of(ResourceAssembler.assemble(connection, List.of(row.get()), true, true).get(0));
        });
    }

    @Override
    public ScimResource create(String resourceType, Map<String, ?> attributes) {
        String type = canonical(resourceType);
        boolean group = type.equals(ScimSchemas.GROUP_TYPE);
        Map<String, Object> stored = ResourceCodec.storedAttributes(attributes, group);
        List<Member> members = group ? ResourceCodec.members(attributes) : List.of();
        Instant now = now();
        String id = ids.get();
        // Validated and normalized (numbers, no nulls) before any SQL, and stored as normalized.
        ScimResource validated = new ScimResource(type, id, 1, now, now, stored);
        Row row = new Row(id, type, 1, now, now, ResourceCodec.toJson(validated.attributes()));
        Keys keys = Keys.of(type, validated.attributes());
        return write("Creating a " + type, (connection, dialect) -> {
            if (ResourceRows.idExists(connection, id)) {
                throw new IllegalStateException("the id generator repeated id " + id);
            }
            checkUnique(connection, type, keys, id);
            ResourceRows.insert(connection, row, keys);
            MemberRows.insert(connection, id, members);
            return built(connection, row, members);
        });
    }

    @Override
    public ScimResource replace(String resourceType, String id, Map<String, ?> attributes,
                                OptionalLong expectedVersion) {
        String type = canonical(resourceType);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        boolean group = type.equals(ScimSchemas.GROUP_TYPE);
        Map<String, Object> stored = ResourceCodec.storedAttributes(attributes, group);
        List<Member> members = group ? ResourceCodec.members(attributes) : List.of();
        Instant now = now();
        Map<String, Object> normalized = new ScimResource(type, id, 1, now, now, stored).attributes();
        String json = ResourceCodec.toJson(normalized);
        Keys keys = Keys.of(type, normalized);
        return write("Replacing a " + type, (connection, dialect) -> {
            Row current = lockCurrent(connection, type, id, expectedVersion);
            Row next = new Row(id, type, current.version() + 1, current.created(), now, json);
            checkUnique(connection, type, keys, id);
            if (!ResourceRows.update(connection, next, keys, current.version())) {
                throw new ScimException(ScimErrorType.CONFLICT, type + " " + id + " changed while it was replaced;"
                        + " retry.");
            }
            List<Member> kept = group ? MemberRows.sync(connection, id, members) : List.of();
            return built(connection, next, kept);
        });
    }

    @Override
    public void delete(String resourceType, String id, OptionalLong expectedVersion) {
        String type = canonical(resourceType);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Instant now = now();
        write("Deleting a " + type, (connection, dialect) -> {
            lockCurrent(connection, type, id, expectedVersion);
            // The groups it leaves get a new version; sorted ids, so concurrent deletes lock groups in one order.
            List<String> groups = MemberRows.directGroupIds(connection, id);
            ResourceRows.bump(connection, groups, now);
            MemberRows.remove(connection, id, groups);
            ResourceRows.delete(connection, id);
            return null;
        });
    }

    @Override
    public ScimPage query(String resourceType, ScimQuery query) {
        ScimResourceType type = resourceType(resourceType);
        Objects.requireNonNull(query, "query");
        return read("Querying " + type.name() + "s",
                (connection, dialect) -> QueryRunner.run(connection, type, query, schemas));
    }

    @Override
    public List<ScimMembership> memberships(String memberId) {
        Objects.requireNonNull(memberId, "memberId");
        return single("Reading the groups of a member", (connection, dialect) -> List.copyOf(
                MemberRows.memberships(connection, List.of(memberId)).getOrDefault(memberId, List.of())));
    }

    private Row lockCurrent(Connection connection, String type, String id, OptionalLong expectedVersion)
            throws SQLException {
        Row current = ResourceRows.find(connection, type, id, true).orElseThrow(() -> new ScimException(
                ScimErrorType.NOT_FOUND, type + " " + id + " not found."));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new ScimException(ScimErrorType.PRECONDITION_FAILED, type + " " + id + " is at version "
                    + current.version() + ", not " + expectedVersion.getAsLong() + "; read it again and retry.");
        }
        return current;
    }

    private static void checkUnique(Connection connection, String type, Keys keys, String id) throws SQLException {
        if (keys.nameKey().isPresent() && ResourceRows.nameTaken(connection, type, keys.nameKey().get(), id)) {
            String attribute = type.equals(ScimSchemas.GROUP_TYPE) ? "displayName" : "userName";
            throw new ScimException(ScimErrorType.UNIQUENESS, "A " + type + " with this " + attribute + " already"
                    + " exists (compared case-insensitively); " + attribute + " must be unique.");
        }
    }

    /** The resource just written, as a read would return it (a User with its groups). */
    private static ScimResource built(Connection connection, Row row, List<Member> members) throws SQLException {
        List<ScimMembership> groups = row.resourceType().equals(ScimSchemas.USER_TYPE)
                ? MemberRows.memberships(connection, List.of(row.id())).getOrDefault(row.id(), List.of())
                : List.of();
        return ResourceAssembler.resource(row, members, groups);
    }

    private <T> T read(String operation, Transactions.Work<T> work) {
        try {
            return Transactions.inSnapshot(dataSource, work);
        } catch (SQLException e) {
            throw StoreErrors.of(operation, e);
        }
    }

    private <T> T single(String operation, Transactions.Work<T> work) {
        try {
            return Transactions.singleStatement(dataSource, work);
        } catch (SQLException e) {
            throw StoreErrors.of(operation, e);
        }
    }

    private <T> T write(String operation, Transactions.Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw StoreErrors.of(operation, e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private String canonical(String resourceType) {
        return resourceType(resourceType).name();
    }

    private ScimResourceType resourceType(String resourceType) {
        Objects.requireNonNull(resourceType, "resourceType");
        return schemas.resourceType(resourceType).orElseThrow(() -> new IllegalArgumentException(
                "unknown resource type '" + resourceType + "'"));
    }

    /** Builds a {@link JdbcScimResourceStore}. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private ScimSchemas schemas = ScimSchemas.standard();
        private Supplier<String> ids = () -> UUID.randomUUID().toString();

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The clock for created/lastModified (default: system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The schemas filters and sorting follow (default: {@link ScimSchemas#standard()}). */
        public Builder schemas(ScimSchemas value) {
            this.schemas = Objects.requireNonNull(value, "schemas");
            return this;
        }

        /** Where new ids come from (default: random UUIDs); must never repeat, at most 255 characters. */
        public Builder ids(Supplier<String> value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        public JdbcScimResourceStore build() {
            return new JdbcScimResourceStore(this);
        }
    }
}

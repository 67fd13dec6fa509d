package dev.fedbroker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimSchemas;
import dev.fedbroker.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server kills the connection (pg_terminate_backend) while a multi-statement write waits inside its transaction:
 * nothing of it is stored, the caller gets UNAVAILABLE, and the same pool works again afterwards.
 */
class PostgresTerminatedBackendTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2024-05-01T10:00:00Z"));
    private HikariDataSource pool;

    @BeforeEach
    void open() {
        pool = TestDatabases.postgresPool(4, "terminated");
        TestDatabases.migrateAndClean(pool);
    }

    @AfterEach
    void close() {
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void replaceWhenServerTerminatesTheBackendMidTransactionThenNothingIsStoredAndThePoolRecovers() throws Exception {
        JdbcScimResourceStore store = JdbcScimResourceStore.builder(pool).clock(clock).build();
        ScimResource before = store.create("Group", group("m-1", "m-2"));
        Map<String, Object> wanted = group("m-1", "m-2", "new-1", "new-2", "new-3", "m-blocked");

        try (Connection blocker = pool.getConnection(); Connection admin = pool.getConnection()) {
            // An uncommitted insert of the same key makes the write wait after it updated the group's row.
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement("INSERT INTO fedbroker_scim_member"
                    + " (group_id, member_id, member) VALUES (?, 'm-blocked', '{\"value\":\"m-blocked\"}')")) {
                insert.setString(1, before.id());
                insert.executeUpdate();
            }
            CompletableFuture<ScimResource> write = CompletableFuture.supplyAsync(
                    () -> store.replace("Group", before.id(), wanted, OptionalLong.of(1)));
            int waiting = waitingBackend(admin);
            try (PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                kill.setInt(1, waiting);
                kill.executeQuery().close();
            }

            Throwable failure = write.handle((ok, e) -> e).get(30, TimeUnit.SECONDS);
            assertThat(failure).hasCauseInstanceOf(ScimException.class);
            assertThat(((ScimException) failure.getCause()).type()).isEqualTo(ScimErrorType.UNAVAILABLE);
            blocker.rollback();
        }

        assertThat(store.get("Group", before.id())).contains(before);
        ScimResource after = store.replace("Group", before.id(), wanted, OptionalLong.of(1));
        assertThat(after.version()).isEqualTo(2);
        assertThat(store.get("Group", before.id()).orElseThrow().memberIds())
                .containsExactlyInAnyOrder("m-1", "m-2", "new-1", "new-2", "new-3", "m-blocked");
    }

    /** The pid of the backend that waits for a lock in this database (bounded wait). */
    private static int waitingBackend(Connection admin) throws SQLException, InterruptedException {
        for (int attempt = 0; attempt < 200; attempt++) {
            try (PreparedStatement find = admin.prepareStatement("SELECT pid FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
                 ResultSet result = find.executeQuery()) {
                if (result.next()) {
                    return result.getInt(1);
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no backend waited for the blocker's lock within 10 seconds");
    }

    private static Map<String, Object> group(String... memberIds) {
        return Map.of("schemas", List.of(ScimSchemas.GROUP), "displayName", "Target", "members",
                java.util.Arrays.stream(memberIds).map(id -> Map.of("value", id)).toList());
    }
}

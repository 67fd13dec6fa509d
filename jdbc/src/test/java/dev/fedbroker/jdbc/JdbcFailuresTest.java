package dev.fedbroker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.scim.ScimEndpoint;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResponse;
import dev.fedbroker.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** What callers see when the database is unreachable or not migrated: clear reasons, failing closed. */
class JdbcFailuresTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2024-05-01T10:00:00Z"));

    /** A PostgreSQL DataSource on a local port where nothing listens (connection refused). */
    private static DataSource unreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL("jdbc:postgresql://127.0.0.1:" + port + "/fedbroker");
        postgres.setConnectTimeout(2);
        return postgres;
    }

    @Test
    void putIfAbsentWhenDatabaseUnreachableThenThrowsUnavailable() throws IOException {
        ReplayCache cache = JdbcReplayCache.builder(unreachable()).clock(clock).build();

        assertThatExceptionOfType(JdbcStoreException.class)
                .isThrownBy(() -> cache.putIfAbsent("_a1", clock.instant().plusSeconds(60)))
                .extracting(JdbcStoreException::reason).isEqualTo(JdbcStoreException.Reason.UNAVAILABLE);
    }

    @Test
    void storeWhenDatabaseUnreachableThenUnavailableAndTheEndpointAnswers503WithRetryAfter() throws IOException {
        JdbcScimResourceStore store = JdbcScimResourceStore.builder(unreachable()).clock(clock).build();
        ScimEndpoint endpoint = ScimEndpoint.builder().store(store)
                .baseUrl(URI.create("https://broker.example.com/scim/v2")).build();

        ScimException failure = assertThatExceptionOfType(ScimException.class)
                .isThrownBy(() -> store.memberships("u-1")).actual();
        ScimResponse response = endpoint.handle(ScimRequest.of("GET", "/Users?filter=userName%20eq%20%22a%22", null));

        assertThat(failure.type()).isEqualTo(ScimErrorType.UNAVAILABLE);
        assertThat(failure.getCause()).isInstanceOfSatisfying(JdbcStoreException.class,
                cause -> assertThat(cause.reason()).isEqualTo(JdbcStoreException.Reason.UNAVAILABLE));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isPresent();
    }

    @Test
    void migrateWhenDatabaseUnreachableThenUnavailable() throws IOException {
        DataSource dataSource = unreachable();

        assertThatExceptionOfType(JdbcStoreException.class).isThrownBy(() -> FedbrokerSchema.migrate(dataSource))
                .extracting(JdbcStoreException::reason).isEqualTo(JdbcStoreException.Reason.UNAVAILABLE);
    }

    @Test
    void putIfAbsentWhenTablesNotMigratedThenThrowsSchema() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(TestDatabases.newH2Url());
        ReplayCache cache = JdbcReplayCache.builder(h2).clock(clock).build();

        assertThatExceptionOfType(JdbcStoreException.class)
                .isThrownBy(() -> cache.putIfAbsent("_a1", clock.instant().plusSeconds(60)))
                .extracting(JdbcStoreException::reason).isEqualTo(JdbcStoreException.Reason.SCHEMA);
    }
}

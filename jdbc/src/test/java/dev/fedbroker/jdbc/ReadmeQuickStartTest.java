package dev.fedbroker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fedbroker.core.Directory;
import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.scim.ScimDirectory;
import dev.fedbroker.scim.ScimEndpoint;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResourceStore;
import dev.fedbroker.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** README's quick start, on the embedded H2 file database it recommends for one machine. */
class ReadmeQuickStartTest {

    @Test
    void quickStartWhenRunOnEmbeddedH2ThenProvisioningReachesTheDirectory(@TempDir Path data) {
        Clock clock = MutableClock.at(ReplayCacheContract.START);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + data.resolve("fedbroker")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        config.setUsername("sa");
        config.setPassword("");
        try (HikariDataSource dataSource = new HikariDataSource(config)) {
            FedbrokerSchema.migrate(dataSource);

            ReplayCache replayCache = JdbcReplayCache.builder(dataSource).clock(clock).build();
            ScimResourceStore store = JdbcScimResourceStore.builder(dataSource).clock(clock).build();
            Directory directory = ScimDirectory.builder().store(store).build();
            ScimEndpoint scim = ScimEndpoint.builder().store(store)
                    .baseUrl(URI.create("https://broker.example.com/scim/v2")).build();

            int created = scim.handle(ScimRequest.of("POST", "/Users", "{\"schemas\":"
                    + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"Ann@Contoso.com\"}")).status();

            assertThat(created).isEqualTo(201);
            assertThat(directory.userByUserName("ann@contoso.com")).isPresent();
            assertThat(replayCache.putIfAbsent("_assertion-1", clock.instant().plusSeconds(300))).isTrue();
            assertThat(replayCache.putIfAbsent("_assertion-1", clock.instant().plusSeconds(300))).isFalse();
        }
    }
}

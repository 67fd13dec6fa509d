package dev.fedbroker.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the tests run on: embedded H2 in PostgreSQL mode (always), and a real PostgreSQL server when
 * FEDBROKER_TEST_PG_URL, _USER and _PASSWORD are set (system properties or environment variables; {@code eval
 * "$(bash .ci/postgres.sh start)"} starts one and sets them).
 */
final class TestDatabases {
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";DB_CLOSE_DELAY=-1";

    private TestDatabases() {
    }

    /** A fresh in-memory H2 database's URL; every pool opened on it shares the same data. */
    static String newH2Url() {
        return "jdbc:h2:mem:fedbroker-" + UUID.randomUUID() + H2_OPTIONS;
    }

    /** A pool of at most {@code size} connections on {@code url}; the caller closes it. */
    static HikariDataSource pool(String url, String user, String password, int size, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName(name);
        config.setConnectionTimeout(10_000);
        return new HikariDataSource(config);
    }

    static HikariDataSource h2Pool(String url, int size, String name) {
        return pool(url, "sa", "", size, name);
    }

    /** A pool on the test PostgreSQL server; skips the calling test when none is configured. */
    static HikariDataSource postgresPool(int size, String name) {
        Settings settings = postgres().orElse(null);
        Assumptions.assumeTrue(settings != null, "PostgreSQL tests skipped: FEDBROKER_TEST_PG_URL,"
                + " FEDBROKER_TEST_PG_USER and FEDBROKER_TEST_PG_PASSWORD are not set. Start a throwaway server with"
                + " eval \"$(bash .ci/postgres.sh start)\" and run the tests again.");
        return pool(settings.url(), settings.user(), settings.password(), size, name);
    }

    /** The PostgreSQL connection settings, when configured. */
    static Optional<Settings> postgres() {
        Optional<String> url = setting("FEDBROKER_TEST_PG_URL");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Settings(url.get(), setting("FEDBROKER_TEST_PG_USER").orElse("postgres"),
                setting("FEDBROKER_TEST_PG_PASSWORD").orElse("")));
    }

    /** Creates the tables (once per database) and empties them, so each test starts clean. */
    static void migrateAndClean(DataSource dataSource) {
        FedbrokerSchema.migrate(dataSource);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM fedbroker_scim_member");
            statement.executeUpdate("DELETE FROM fedbroker_scim_resource");
            statement.executeUpdate("DELETE FROM fedbroker_replay");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test tables", e);
        }
    }

    private static Optional<String> setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    record Settings(String url, String user, String password) {
    }
}

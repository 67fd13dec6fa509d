package dev.fedbroker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Migrations apply once, and beside a host app's own tables. */
class FedbrokerSchemaTest {

    private static JdbcDataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(TestDatabases.newH2Url());
        return h2;
    }

    @Test
    void migrateWhenRunTwiceThenSecondRunAppliesNothing() {
        JdbcDataSource h2 = h2();

        assertThat(FedbrokerSchema.migrate(h2)).isEqualTo(1);
        assertThat(FedbrokerSchema.migrate(h2)).isZero();
    }

    @Test
    void migrateWhenSchemaHoldsTheHostAppsTablesThenCreatesOursBesideThem() throws SQLException {
        JdbcDataSource h2 = h2();
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE host_orders (id BIGINT PRIMARY KEY)");
            statement.execute("CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY)");
        }

        assertThat(FedbrokerSchema.migrate(h2)).isEqualTo(1);
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("INSERT INTO fedbroker_replay (replay_key, expires_at)"
                    + " VALUES ('k', CURRENT_TIMESTAMP)")).isEqualTo(1);
            assertThat(statement.executeQuery("SELECT COUNT(*) FROM host_orders").next()).isTrue();
        }
    }
}

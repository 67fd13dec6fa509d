package dev.fedbroker.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The store contract on a real PostgreSQL server (skipped, with a message, when none is configured). */
class PostgresScimResourceStoreContractTest extends JdbcScimResourceStoreContract {
    @Override
    protected HikariDataSource openPool(String name, int size) {
        return TestDatabases.postgresPool(size, name);
    }

    @Override
    protected DataSource unpooled() {
        TestDatabases.Settings settings = TestDatabases.postgres().orElseThrow();
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(settings.url());
        postgres.setUser(settings.user());
        postgres.setPassword(settings.password());
        return postgres;
    }
}

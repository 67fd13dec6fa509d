package dev.fedbroker.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** The replay-cache contract on a real PostgreSQL server (skipped, with a message, when none is configured). */
class PostgresReplayCacheContractTest extends JdbcReplayCacheContract {
    @Override
    protected HikariDataSource openPool(String name, int size) {
        return TestDatabases.postgresPool(size, name);
    }
}

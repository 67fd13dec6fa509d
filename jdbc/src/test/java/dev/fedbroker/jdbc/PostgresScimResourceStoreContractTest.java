package dev.fedbroker.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** The store contract on a real PostgreSQL server (skipped, with a message, when none is configured). */
class PostgresScimResourceStoreContractTest extends JdbcScimResourceStoreContract {
    @Override
    protected HikariDataSource openPool(String name, int size) {
        return TestDatabases.postgresPool(size, name);
    }
}

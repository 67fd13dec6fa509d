package dev.fedbroker.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** The store contract on embedded H2 in PostgreSQL mode. */
class H2ScimResourceStoreContractTest extends JdbcScimResourceStoreContract {
    private final String url = TestDatabases.newH2Url();

    @Override
    protected HikariDataSource openPool(String name, int size) {
        return TestDatabases.h2Pool(url, size, name);
    }
}

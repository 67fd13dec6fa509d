package dev.fedbroker.jdbc;

import com.zaxxer.hikari.HikariDataSource;

/** The replay-cache contract on embedded H2 in PostgreSQL mode. */
class H2ReplayCacheContractTest extends JdbcReplayCacheContract {
    private static final String URL = TestDatabases.newH2Url();

    @Override
    protected HikariDataSource openPool(String name, int size) {
        return TestDatabases.h2Pool(URL, size, name);
    }
}

package dev.fedbroker.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The store contract on embedded H2 in PostgreSQL mode. */
class H2ScimResourceStoreContractTest extends JdbcScimResourceStoreContract {
    private static final String URL = TestDatabases.newH2Url();

    @Override
    protected HikariDataSource openPool(String name, int size) {
        return TestDatabases.h2Pool(URL, size, name);
    }

    @Override
    protected DataSource unpooled() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(URL);
        h2.setUser("sa");
        return h2;
    }
}

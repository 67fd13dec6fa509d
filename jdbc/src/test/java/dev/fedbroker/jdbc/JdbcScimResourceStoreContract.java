package dev.fedbroker.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.fedbroker.scim.ScimResourceStore;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on a database; subclasses say which one. */
abstract class JdbcScimResourceStoreContract extends ScimResourceStoreContract {
    private final List<HikariDataSource> pools = new ArrayList<>();
    protected DataSource dataSource;

    /** A new connection pool on this class's database (a second call is a second "instance"). */
    protected abstract HikariDataSource openPool(String name, int size);

    @BeforeEach
    void openDatabase() {
        dataSource = track(openPool("instance-a", 6));
        TestDatabases.migrateAndClean(dataSource);
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Override
    protected ScimResourceStore store() {
        return store(dataSource);
    }

    protected JdbcScimResourceStore store(DataSource on) {
        return JdbcScimResourceStore.builder(on).clock(clock).build();
    }

    protected HikariDataSource track(HikariDataSource pool) {
        pools.add(pool);
        return pool;
    }
}

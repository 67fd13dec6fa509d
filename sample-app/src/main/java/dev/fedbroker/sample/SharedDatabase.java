package dev.fedbroker.sample;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fedbroker.jdbc.FedbrokerSchema;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The database that several instances share for the replay cache and the SCIM store, when FEDBROKER_JDBC_URL is set
 * (PostgreSQL, or H2 in PostgreSQL mode); otherwise none, and both stay in memory (one instance only). Opens a
 * HikariCP pool and applies fedbroker's Flyway migrations at start. Thread-safe; {@link #close()} closes the pool.
 */
public final class SharedDatabase implements AutoCloseable {

    private final Optional<HikariDataSource> pool;

    private SharedDatabase(Optional<HikariDataSource> pool) {
        this.pool = pool;
    }

    /** The pool for {@code jdbc}'s URL, migrated; or none when no URL is set. */
    public static SharedDatabase open(SampleSettings.Jdbc jdbc) {
        Objects.requireNonNull(jdbc, "jdbc");
        Optional<String> url = SampleSettings.text(jdbc.url());
        if (url.isEmpty()) {
            return new SharedDatabase(Optional.empty());
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("fedbroker");
        config.setJdbcUrl(url.get());
        SampleSettings.text(jdbc.user()).ifPresent(config::setUsername);
        SampleSettings.text(jdbc.password()).ifPresent(config::setPassword);
        config.setMaximumPoolSize(10);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            FedbrokerSchema.migrate(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new SharedDatabase(Optional.of(pool));
    }

    /** The pool, when a database is configured. */
    public Optional<DataSource> dataSource() {
        return pool.map(DataSource.class::cast);
    }

    @Override
    public void close() {
        pool.ifPresent(HikariDataSource::close);
    }
}

package dev.fedbroker.jdbc;

import dev.fedbroker.jdbc.internal.SqlFailures;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Creates and upgrades fedbroker's tables with Flyway, from the migrations in {@code db/migration/fedbroker}. The
 * history lives in its own table, {@code fedbroker_schema_history}, so a host app's own Flyway migrations in the
 * same schema are not disturbed. Stateless and thread-safe; concurrent instances may call it at start (Flyway locks).
 */
public final class FedbrokerSchema {
    /** Where the migrations are on the class path. */
    public static final String LOCATION = "classpath:db/migration/fedbroker";
    /** Flyway's history table for fedbroker's migrations. */
    public static final String HISTORY_TABLE = "fedbroker_schema_history";

    private FedbrokerSchema() {
    }

    /**
     * Applies every pending migration to the connection's default schema (PostgreSQL's search_path).
     *
     * @return how many migrations were applied (0 when up to date)
     * @throws JdbcStoreException with {@link JdbcStoreException.Reason#SCHEMA} when a migration fails
     */
    public static int migrate(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        try {
            MigrateResult result = Flyway.configure(FedbrokerSchema.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    // The host app's own tables may already be in this schema: start fedbroker's history beside them.
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            return result.migrationsExecuted;
        } catch (FlywayException e) {
            if (unreachable(e)) {
                throw new JdbcStoreException(JdbcStoreException.Reason.UNAVAILABLE, "Migrating fedbroker's tables"
                        + " failed: the database is unreachable. Check its URL and that it runs, then retry.", e);
            }
            throw new JdbcStoreException(JdbcStoreException.Reason.SCHEMA, "Migrating fedbroker's tables failed: "
                    + e.getMessage() + " Check that the database user may create tables in its default schema.", e);
        }
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && SqlFailures.reasonOf(sql) == JdbcStoreException.Reason.UNAVAILABLE) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}

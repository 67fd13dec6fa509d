package dev.fedbroker.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases this module speaks to; most SQL is shared, the upsert of the replay cache is not. */
public enum Dialect {
    POSTGRESQL,
    H2;

    /** The dialect of the database behind {@code connection} (the driver answers without a round trip). */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        throw new IllegalStateException("fedbroker-jdbc supports PostgreSQL and H2; this DataSource connects to '"
                + product + "'. Point it at PostgreSQL (production) or an embedded H2 database.");
    }
}

package dev.fedbroker.jdbc.internal;

import dev.fedbroker.jdbc.JdbcStoreException;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import java.sql.SQLException;

/** Turns driver failures of the SCIM store into the SCIM errors the endpoint answers with. */
public final class StoreErrors {
    private StoreErrors() {
    }

    /**
     * UNAVAILABLE (503 with Retry-After) when the database is unreachable or dropped the connection, CONFLICT (409)
     * when concurrent writes kept deadlocking, UNIQUENESS for a unique index, INVALID_VALUE for a value too long for
     * its column, INTERNAL otherwise. The {@link JdbcStoreException} with the driver's exception is the cause.
     */
    public static ScimException of(String operation, SQLException e) {
        String state = SqlFailures.stateOf(e);
        JdbcStoreException cause = SqlFailures.wrap(operation, e);
        if (SqlFailures.UNIQUE_VIOLATION.equals(state)) {
            return new ScimException(ScimErrorType.UNIQUENESS, "Another resource already has this userName (User)"
                    + " or displayName (Group), compared case-insensitively; it must be unique.", cause);
        }
        if (SqlFailures.VALUE_TOO_LONG.equals(state)) {
            return new ScimException(ScimErrorType.INVALID_VALUE, "userName, displayName and externalId may have at"
                    + " most 512 characters here; shorten the value.", cause);
        }
        return switch (cause.reason()) {
            case UNAVAILABLE -> new ScimException(ScimErrorType.UNAVAILABLE, "The directory database is unavailable;"
                    + " the change was not applied (or not confirmed). Retry later.", cause);
            case CONTENTION -> new ScimException(ScimErrorType.CONFLICT, "Concurrent changes to the same resources"
                    + " kept conflicting; nothing was changed. Retry.", cause);
            case SCHEMA, FAILED -> new ScimException(ScimErrorType.INTERNAL, "The directory database failed.", cause);
        };
    }
}

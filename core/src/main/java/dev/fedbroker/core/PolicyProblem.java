package dev.fedbroker.core;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a policy: where (a JSON path such as {@code $.assignments[3].permissionSet}), what (a
 * {@link Code}), and a message that says what was expected, what was found and how to fix it. Immutable and
 * thread-safe.
 *
 * @param path     JSON path of the offending value, or of the object that lacks a field
 * @param code     machine-readable kind of problem
 * @param message  human-readable explanation (may quote the offending value)
 * @param location line and column in the JSON input, when the policy was loaded from JSON
 */
public record PolicyProblem(String path, Code code, String message, Optional<Location> location) {

    public PolicyProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(location, "location");
    }

    /** A problem with no position in a JSON text (a policy built in code). */
    public static PolicyProblem of(String path, Code code, String message) {
        return new PolicyProblem(path, code, message, Optional.empty());
    }

    @Override
    public String toString() {
        return path + location.map(l -> " (line " + l.line() + ", column " + l.column() + ")").orElse("")
                + ": " + code + ": " + message;
    }

    /**
     * A position in the JSON input, both 1-based.
     *
     * @param line   line number
     * @param column column number
     */
    public record Location(int line, int column) {
    }

    /** The kinds of policy problems. */
    public enum Code {
        /** The input is not well-formed JSON (the location says where). */
        MALFORMED_JSON,
        /** The input exceeds the loader's size limit. */
        INPUT_TOO_LARGE,
        /** The input exceeds a parser limit: nesting depth, string or name length, number length, token count. */
        LIMIT_EXCEEDED,
        /** A field that the policy format does not define (often a typo). */
        UNKNOWN_FIELD,
        /** The same field twice in one JSON object. */
        DUPLICATE_FIELD,
        /** A value of the wrong JSON type, e.g. a string where a boolean belongs. */
        WRONG_TYPE,
        /** A required field is absent (or null). */
        MISSING_FIELD,
        /** A value of the right type that breaks a rule (blank, too long). */
        INVALID_VALUE,
        /** An account id that is not exactly 12 digits. */
        MALFORMED_ACCOUNT_ID,
        /** A root id that does not start with {@code r-}, or an organizational-unit id that does not start with {@code ou-}. */
        MALFORMED_UNIT_ID,
        /** A permission-set name outside 1-32 characters of {@code [\w+=,.@-]}. */
        MALFORMED_PERMISSION_SET_NAME,
        /** A session duration that is not an ISO-8601 duration of whole seconds, e.g. {@code PT8H}. */
        MALFORMED_DURATION,
        /** A session duration outside 15 minutes to 12 hours. */
        DURATION_OUT_OF_RANGE,
        /** The same account id twice in the organization tree. */
        DUPLICATE_ACCOUNT,
        /** The same organizational-unit id twice in the organization tree. */
        DUPLICATE_UNIT,
        /** An organizational unit nested (directly or not) inside a unit with the same id. */
        CYCLE,
        /** Two permission sets with the same name. */
        DUPLICATE_PERMISSION_SET,
        /** An assignment names a permission set that the policy does not define. */
        UNKNOWN_PERMISSION_SET,
        /** An assignment targets an account or unit that is not in the organization tree. */
        UNKNOWN_TARGET,
        /** An assignment names both a group and a user. */
        PRINCIPAL_CONFLICT,
        /** An assignment names neither a group nor a user. */
        PRINCIPAL_MISSING
    }
}

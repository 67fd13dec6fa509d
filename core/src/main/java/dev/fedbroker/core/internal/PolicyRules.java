package dev.fedbroker.core.internal;

import dev.fedbroker.core.PolicyException;
import dev.fedbroker.core.PolicyProblem;
import dev.fedbroker.core.PolicyProblem.Code;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The local rules of the policy model (one value at a time), shared by the records' constructors, which throw, and
 * by the JSON loader, which collects. Each check returns the problem, if any, for the given path.
 */
public final class PolicyRules {

    public static final Duration MIN_SESSION = Duration.ofMinutes(15);
    public static final Duration MAX_SESSION = Duration.ofHours(12);
    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_DESCRIPTION_LENGTH = 700;

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern ROOT_ID = Pattern.compile("r-[A-Za-z0-9_-]{1,64}");
    private static final Pattern UNIT_ID = Pattern.compile("ou-[A-Za-z0-9_-]{1,64}");
    private static final Pattern PERMISSION_SET_NAME = Pattern.compile("[\\w+=,.@-]{1,32}");

    private PolicyRules() {
    }

    /** Throws a {@link PolicyException} carrying the problem, if there is one. */
    public static void require(Optional<PolicyProblem> problem) {
        problem.ifPresent(p -> {
            throw new PolicyException(List.of(p));
        });
    }

    public static boolean isAccountId(String s) {
        return ACCOUNT_ID.matcher(s).matches();
    }

    public static boolean isRootId(String s) {
        return ROOT_ID.matcher(s).matches();
    }

    public static boolean isUnitId(String s) {
        return UNIT_ID.matcher(s).matches();
    }

    public static Optional<PolicyProblem> accountId(String id, String path) {
        if (id == null) {
            return missing(path);
        }
        if (isAccountId(id)) {
            return Optional.empty();
        }
        return problem(path, Code.MALFORMED_ACCOUNT_ID, "expected an AWS account id of exactly 12 digits (e.g. "
                + "\"111111111111\", leading zeros kept, as a JSON string), found " + quote(id) + ".");
    }

    public static Optional<PolicyProblem> rootId(String id, String path) {
        if (id == null) {
            return missing(path);
        }
        if (isRootId(id)) {
            return Optional.empty();
        }
        return problem(path, Code.MALFORMED_UNIT_ID, "expected a root id: \"r-\" followed by 1-64 letters, digits,"
                + " '_' or '-' (e.g. \"r-root\"), found " + quote(id) + ".");
    }

    public static Optional<PolicyProblem> unitId(String id, String path) {
        if (id == null) {
            return missing(path);
        }
        if (isUnitId(id)) {
            return Optional.empty();
        }
        return problem(path, Code.MALFORMED_UNIT_ID, "expected an organizational-unit id: \"ou-\" followed by 1-64"
                + " letters, digits, '_' or '-' (e.g. \"ou-prod\"), found " + quote(id) + ".");
    }

    public static Optional<PolicyProblem> permissionSetName(String name, String path) {
        if (name == null) {
            return missing(path);
        }
        if (PERMISSION_SET_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return problem(path, Code.MALFORMED_PERMISSION_SET_NAME, "expected a permission-set name of 1-32 characters"
                + " among letters, digits and _+=,.@- (e.g. \"ReadOnlyAccess\"), found " + quote(name) + ".");
    }

    /** A required display name or principal: not blank, at most {@value #MAX_NAME_LENGTH} characters. */
    public static Optional<PolicyProblem> text(String value, String path) {
        if (value == null) {
            return missing(path);
        }
        if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
            return problem(path, Code.INVALID_VALUE, "expected a non-blank string of at most " + MAX_NAME_LENGTH
                    + " characters, found " + (value.isBlank() ? "a blank string" : value.length() + " characters")
                    + ".");
        }
        return Optional.empty();
    }

    public static Optional<PolicyProblem> description(String value, String path) {
        if (value != null && value.length() > MAX_DESCRIPTION_LENGTH) {
            return problem(path, Code.INVALID_VALUE, "expected a description of at most " + MAX_DESCRIPTION_LENGTH
                    + " characters, found " + value.length() + "; shorten it.");
        }
        return Optional.empty();
    }

    public static Optional<PolicyProblem> sessionDuration(Duration d, String path) {
        if (d == null) {
            return missing(path);
        }
        if (d.compareTo(MIN_SESSION) < 0 || d.compareTo(MAX_SESSION) > 0) {
            return problem(path, Code.DURATION_OUT_OF_RANGE, "expected a session duration from PT15M to PT12H"
                    + " (AWS accepts 900 to 43200 seconds), found " + d + ".");
        }
        if (d.getNano() != 0) {
            return problem(path, Code.MALFORMED_DURATION, "expected whole seconds (AWS takes an integer number of"
                    + " seconds), found " + d + ".");
        }
        return Optional.empty();
    }

    /** Parses an ISO-8601 duration such as {@code PT8H}; empty when it does not parse (see {@link #durationProblem}). */
    public static Optional<Duration> parseDuration(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static PolicyProblem durationProblem(String text, String path) {
        return PolicyProblem.of(path, Code.MALFORMED_DURATION, "expected an ISO-8601 duration such as \"PT1H\","
                + " \"PT8H\" or \"PT90M\", found " + quote(text) + ".");
    }

    public static Optional<PolicyProblem> missing(String path) {
        return problem(path, Code.MISSING_FIELD, "required field is missing; add it.");
    }

    static Optional<PolicyProblem> problem(String path, Code code, String message) {
        return Optional.of(PolicyProblem.of(path, code, message));
    }

    /** Quotes a value for a message, cut to a readable length. */
    public static String quote(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return "\"" + cut + "\"";
    }
}

package dev.fedbroker.core.internal;

import dev.fedbroker.core.PolicyProblem.Location;
import java.util.List;

/**
 * A loosely checked view of a policy for the cross-reference checks: ids and names with the JSON path (and, from
 * JSON, the location) where each was written. A value is null when it was missing or locally invalid, and the
 * checks then skip it (its own problem is already reported).
 */
public record PolicyDraft(Unit root, List<Named> permissionSets, List<Ref> assignments) {

    /** An id or name and where it was written; {@code location} may be null. */
    public record Named(String value, String path, Location location) {
    }

    /** An organizational unit (or the root). */
    public record Unit(Named id, List<Named> accounts, List<Unit> units) {
    }

    /** An assignment's references to a target and a permission set. */
    public record Ref(Named target, Named permissionSet) {
    }
}

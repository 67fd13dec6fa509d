package dev.fedbroker.scim;

import dev.fedbroker.scim.internal.ResourceSorter;
import java.util.List;

/**
 * The ordering of RFC 7644 section 3.4.2.3 ({@code sortBy}, {@code sortOrder}), for {@link ScimResourceStore}
 * implementations that sort in memory: strings as the schema's caseExact says, dateTimes as instants, numbers
 * numerically, a multi-valued attribute by its primary (or first) value, resources without a value last in either
 * order; stable, so ties keep their given order. Stateless and thread-safe.
 */
public final class ScimSorting {
    private ScimSorting() {
    }

    /** A new list with {@code resources} (all of {@code type}) sorted by {@code by}. */
    public static List<ScimResource> sort(List<ScimResource> resources, AttributePath by, boolean descending,
                                          ScimResourceType type) {
        return ResourceSorter.sort(resources, by, descending, type);
    }
}

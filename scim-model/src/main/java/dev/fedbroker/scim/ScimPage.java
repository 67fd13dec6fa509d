package dev.fedbroker.scim;

import java.util.List;

/**
 * One page of query results. Immutable and thread-safe.
 *
 * @param totalResults how many resources match in total
 * @param startIndex   the 1-based index of the first resource in {@code resources}
 * @param resources    the resources of this page, in order
 */
public record ScimPage(int totalResults, int startIndex, List<ScimResource> resources) {
    public ScimPage {
        if (totalResults < 0 || startIndex < 1) {
            throw new IllegalArgumentException("totalResults >= 0 and startIndex >= 1; found " + totalResults + ", "
                    + startIndex);
        }
        resources = List.copyOf(resources);
    }
}

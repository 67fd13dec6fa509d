package dev.fedbroker.scim;

import java.util.Objects;
import java.util.Optional;

/**
 * What a list or search request asks a store for: an optional filter, an optional sort and one page (RFC 7644
 * 3.4.2). Immutable and thread-safe.
 *
 * @param filter     the filter, when any
 * @param sortBy     the attribute to sort by, when any (otherwise creation order)
 * @param descending whether to sort in descending order
 * @param startIndex the 1-based index of the first result to return
 * @param count      the most results to return (0 asks only for totalResults)
 */
public record ScimQuery(Optional<ScimFilter> filter, Optional<AttributePath> sortBy, boolean descending,
                        int startIndex, int count) {

    public ScimQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sortBy, "sortBy");
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based; found " + startIndex);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative; found " + count);
        }
    }

    /** Everything matching {@code filter}, first page of {@code count}. */
    public static ScimQuery of(ScimFilter filter, int count) {
        return new ScimQuery(Optional.of(filter), Optional.empty(), false, 1, count);
    }

    /** Everything, first page of {@code count}. */
    public static ScimQuery all(int count) {
        return new ScimQuery(Optional.empty(), Optional.empty(), false, 1, count);
    }
}

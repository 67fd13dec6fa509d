package dev.fedbroker.scim.internal;

import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimFilter;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimSchemas;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Index shortcuts for the filters Azure AD sends most ({@code userName eq}, {@code displayName eq}, {@code id eq},
 * possibly and-ed with more): the candidates come from the unique-name index instead of a scan. The full filter is
 * still evaluated on each candidate.
 */
public final class QueryShortcuts {
    private QueryShortcuts() {
    }

    /** The ids to evaluate the filter on, when an index narrows them; empty means "scan everything". */
    public static Optional<List<String>> candidateIds(ScimFilter filter, ScimResourceType type,
                                                      Map<String, String> uniqueNames) {
        if (filter instanceof ScimFilter.And and) {
            Optional<List<String>> left = candidateIds(and.left(), type, uniqueNames);
            return left.isPresent() ? left : candidateIds(and.right(), type, uniqueNames);
        }
        if (!(filter instanceof ScimFilter.Comparison comparison) || comparison.operator() != ScimFilter.Operator.EQ
                || !(comparison.value().orElse(null) instanceof String value)) {
            return Optional.empty();
        }
        AttributePath path = comparison.path();
        boolean core = path.schemaUrn().map(urn -> urn.equalsIgnoreCase(type.schema().id())).orElse(true);
        if (!core || path.subAttribute().isPresent()) {
            return Optional.empty();
        }
        if (path.attribute().equalsIgnoreCase("id")) {
            return Optional.of(List.of(value));
        }
        String unique = type.name().equalsIgnoreCase(ScimSchemas.GROUP_TYPE) ? "displayName" : "userName";
        if (path.attribute().equalsIgnoreCase(unique)) {
            String id = uniqueNames.get(value.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
            return Optional.of(id == null ? List.of() : List.of(id));
        }
        return Optional.empty();
    }
}

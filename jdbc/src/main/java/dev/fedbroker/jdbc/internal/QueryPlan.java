package dev.fedbroker.jdbc.internal;

import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimFilter;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Narrows a query with the indexes: the filters Azure AD sends most ({@code userName eq}, {@code displayName eq},
 * {@code externalId eq}, {@code id eq}, and-ed with anything or or-ed together) become an SQL condition that selects
 * a superset of the matches (folded comparison), and the full filter is still evaluated on each candidate row.
 * Other filters scan the resource type.
 *
 * @param sql        an SQL condition on {@code fedbroker_scim_resource}, with {@code ?} placeholders
 * @param parameters the values of the placeholders, in order
 */
public record QueryPlan(String sql, List<String> parameters) {

    /** The indexed condition for {@code filter}, when there is one. */
    public static Optional<QueryPlan> of(ScimFilter filter, ScimResourceType type) {
        if (filter instanceof ScimFilter.And and) {
            Optional<QueryPlan> left = of(and.left(), type);
            return left.isPresent() ? left : of(and.right(), type);
        }
        if (filter instanceof ScimFilter.Or or) {
            Optional<QueryPlan> left = of(or.left(), type);
            Optional<QueryPlan> right = of(or.right(), type);
            if (left.isEmpty() || right.isEmpty()) {
                return Optional.empty();
            }
            List<String> parameters = new ArrayList<>(left.get().parameters());
            parameters.addAll(right.get().parameters());
            return Optional.of(new QueryPlan("(" + left.get().sql() + " OR " + right.get().sql() + ")", parameters));
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
        String attribute = path.attribute().toLowerCase(Locale.ROOT);
        String unique = type.name().equals(ScimSchemas.GROUP_TYPE) ? "displayname"
                : type.name().equals(ScimSchemas.USER_TYPE) ? "username" : null;
        if (attribute.equals("id")) {
            return Optional.of(new QueryPlan("id = ?", List.of(value)));
        }
        if (attribute.equals(unique)) {
            return Optional.of(new QueryPlan("name_key = ?", List.of(ResourceCodec.fold(value))));
        }
        if (attribute.equals("externalid")) {
            return Optional.of(new QueryPlan("external_id_key = ?", List.of(ResourceCodec.fold(value))));
        }
        return Optional.empty();
    }

    /** Whether the filter reads the top-level attribute {@code name} (so it must be loaded before evaluation). */
    public static boolean mentions(ScimFilter filter, String name) {
        if (filter instanceof ScimFilter.And and) {
            return mentions(and.left(), name) || mentions(and.right(), name);
        }
        if (filter instanceof ScimFilter.Or or) {
            return mentions(or.left(), name) || mentions(or.right(), name);
        }
        if (filter instanceof ScimFilter.Not not) {
            return mentions(not.filter(), name);
        }
        if (filter instanceof ScimFilter.Present present) {
            return present.path().attribute().equalsIgnoreCase(name);
        }
        if (filter instanceof ScimFilter.Comparison comparison) {
            return comparison.path().attribute().equalsIgnoreCase(name);
        }
        if (filter instanceof ScimFilter.ValuePath valuePath) {
            return valuePath.attribute().attribute().equalsIgnoreCase(name);
        }
        return true;
    }
}

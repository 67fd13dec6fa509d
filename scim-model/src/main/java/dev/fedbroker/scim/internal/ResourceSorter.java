package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts resources by one attribute (RFC 7644 3.4.2.3): strings as the schema's caseExact says, dateTimes as
 * instants, numbers numerically; a multi-valued attribute sorts by its primary (or first) value; resources without a
 * value come last in either order. The sort is stable, so ties keep creation order.
 */
public final class ResourceSorter {
    private ResourceSorter() {
    }

    public static List<ScimResource> sort(List<ScimResource> resources, AttributePath by, boolean descending,
                                          ScimResourceType type) {
        record Keyed(ScimResource resource, Comparable<Object> key) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (ScimResource resource : resources) {
            keyed.add(new Keyed(resource, key(ResourceJson.toNode(resource), by, type)));
        }
        Comparator<Comparable<Object>> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        keyed.sort(Comparator.comparing(Keyed::key, Comparator.nullsLast(order)));
        return keyed.stream().map(Keyed::resource).toList();
    }

    @SuppressWarnings("unchecked")
    private static Comparable<Object> key(ObjectNode node, AttributePath by, ScimResourceType type) {
        SchemaIndex.Location location = SchemaIndex.resolve(type, by);
        JsonNode holder = location.container().isPresent() ? JsonValues.field(node, location.container().get()) : node;
        JsonNode value = JsonValues.field(holder, location.name());
        ScimAttribute definition = location.definition().orElse(null);
        if (definition != null && definition.returned() == ScimAttribute.Returned.NEVER) {
            return null;
        }
        if (value != null && value.isArray()) {
            value = primaryOrFirst(value);
        }
        boolean complex = value != null && value.isObject();
        if (complex) {
            String sub = by.subAttribute().orElse("value");
            value = JsonValues.field(value, sub);
            definition = definition == null ? null : definition.subAttribute(sub).orElse(null);
        }
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        ScimAttribute.Type kind = definition != null ? definition.type() : null;
        if (value.isNumber()) {
            return (Comparable<Object>) (Comparable<?>) value.decimalValue();
        }
        if (value.isBoolean()) {
            return (Comparable<Object>) (Comparable<?>) value.booleanValue();
        }
        String text = value.asText();
        if (kind == ScimAttribute.Type.DATE_TIME) {
            return DateTimes.parse(text).map(instant -> (Comparable<Object>) (Comparable<?>) instant).orElse(null);
        }
        boolean caseExact = definition != null && definition.caseExact();
        return (Comparable<Object>) (Comparable<?>) (caseExact ? text : ValueComparator.fold(text));
    }

    private static JsonNode primaryOrFirst(JsonNode array) {
        for (JsonNode element : array) {
            JsonNode primary = JsonValues.field(element, "primary");
            if (primary != null && primary.asBoolean(false)) {
                return element;
            }
        }
        return array.isEmpty() ? null : array.get(0);
    }
}

package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimResource;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Between {@link ScimResource} and its JSON form (schemas, id, attributes, meta). */
public final class ResourceJson {
    private ResourceJson() {
    }

    /** The full JSON form: schemas, id, the other attributes, meta (resourceType, created, lastModified, version). */
    public static ObjectNode toNode(ScimResource resource) {
        ObjectNode node = JsonValues.object();
        Object schemas = resource.attributes().get("schemas");
        if (schemas != null) {
            node.set("schemas", JsonValues.toNode(schemas));
        }
        node.put("id", resource.id());
        for (Map.Entry<String, Object> entry : resource.attributes().entrySet()) {
            if (!entry.getKey().equals("schemas")) {
                node.set(entry.getKey(), JsonValues.toNode(entry.getValue()));
            }
        }
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", resource.resourceType());
        meta.put("created", DateTimeFormatter.ISO_INSTANT.format(resource.created()));
        meta.put("lastModified", DateTimeFormatter.ISO_INSTANT.format(resource.lastModified()));
        meta.put("version", resource.etag());
        return node;
    }

    /** The attribute map of a node: every field except id and meta. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> attributesOf(ObjectNode node) {
        ObjectNode copy = node.deepCopy();
        for (Iterator<String> it = copy.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equalsIgnoreCase("id") || name.equalsIgnoreCase("meta")) {
                it.remove();
            }
        }
        return (Map<String, Object>) JsonValues.toValue(copy);
    }

    /** Attributes from stored JSON text. */
    public static Map<String, Object> attributesFromJson(String json) {
        return attributesOf(JsonCodec.DEFAULT.parseObject(json));
    }

    /** JSON text of the full form. */
    public static String toJson(ScimResource resource) {
        return JsonCodec.DEFAULT.write(toNode(resource));
    }

    /** The member ids of a group, in order. */
    public static List<String> memberIds(ScimResource resource) {
        List<String> ids = new ArrayList<>();
        Object members = resource.attribute("members").orElse(List.of());
        if (members instanceof List<?> list) {
            for (Object member : list) {
                if (member instanceof Map<?, ?> map && map.get("value") instanceof String value) {
                    ids.add(value);
                }
            }
        }
        return List.copyOf(ids);
    }
}

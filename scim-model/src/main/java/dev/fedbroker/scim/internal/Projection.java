package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code attributes} / {@code excludedAttributes} parameters (RFC 7644 3.9, 3.4.2.5). {@code id} and
 * {@code schemas} are always returned; attributes returned "never" never are. A value filter written inside an
 * attribute name ({@code emails[type eq "work"]}, as Microsoft's reference collection sends) is ignored: the whole
 * attribute is returned. Unknown names select nothing.
 *
 * @param attributes the attributes asked for (empty: the default set)
 * @param excluded   the attributes to leave out
 */
public record Projection(List<Selection> attributes, List<Selection> excluded) {
    /** No parameter: the default attribute set. */
    public static final Projection DEFAULT = new Projection(List.of(), List.of());

    public Projection {
        attributes = List.copyOf(attributes);
        excluded = List.copyOf(excluded);
    }

    /**
     * One selected attribute, or a whole extension.
     *
     * @param path      the attribute path (empty when a whole extension is selected)
     * @param extension the extension URN, when a whole extension is selected
     */
    public record Selection(Optional<AttributePath> path, Optional<String> extension) {
    }

    /** From the comma-separated query parameters (either may be absent). */
    public static Projection of(Optional<String> attributes, Optional<String> excluded, ScimResourceType type) {
        if (attributes.isPresent() && excluded.isPresent()) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "Send either 'attributes' or 'excludedAttributes', "
                    + "not both.");
        }
        return new Projection(parseList(attributes.orElse(""), type), parseList(excluded.orElse(""), type));
    }

    /** From lists (a SearchRequest's JSON arrays). */
    public static Projection of(List<String> attributes, List<String> excluded, ScimResourceType type) {
        return of(attributes.isEmpty() ? Optional.empty() : Optional.of(String.join(",", attributes)),
                excluded.isEmpty() ? Optional.empty() : Optional.of(String.join(",", excluded)), type);
    }

    static List<Selection> parseList(String text, ScimResourceType type) {
        List<Selection> out = new ArrayList<>();
        for (String item : text.split(",")) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (type.extension(name).isPresent()) {
                out.add(new Selection(Optional.empty(), Optional.of(type.extension(name).get().schema().id())));
                continue;
            }
            int open = name.indexOf('[');
            int close = name.lastIndexOf(']');
            if (open >= 0 && close > open) {
                name = name.substring(0, open) + name.substring(close + 1);
            }
            try {
                out.add(new Selection(Optional.of(AttributePath.parse(name)), Optional.empty()));
            } catch (ScimException e) {
                throw new ScimException(ScimErrorType.INVALID_VALUE, "'" + item.strip() + "' in attributes or "
                        + "excludedAttributes is not an attribute path (e.g. userName, name.givenName).");
            }
        }
        return out;
    }

    /** The resource as the client asked for it. */
    public ObjectNode apply(ObjectNode full, ScimResourceType type) {
        ObjectNode base = full.deepCopy();
        removeNeverReturned(base, type);
        if (!attributes.isEmpty()) {
            ObjectNode out = JsonValues.object();
            copyField(base, out, "schemas");
            copyField(base, out, "id");
            attributes.forEach(selection -> select(base, out, selection, type));
            return out;
        }
        excluded.forEach(selection -> exclude(base, selection, type));
        return base;
    }

    private static void select(ObjectNode from, ObjectNode to, Selection selection, ScimResourceType type) {
        if (selection.extension().isPresent()) {
            copyField(from, to, selection.extension().get());
            return;
        }
        AttributePath path = selection.path().orElseThrow();
        SchemaIndex.Location location = SchemaIndex.resolve(type, path);
        JsonNode source = location.container().isPresent() ? JsonValues.field(from, location.container().get()) : from;
        JsonNode value = JsonValues.field(source, location.name());
        if (value == null) {
            return;
        }
        ObjectNode target = location.container().isPresent() ? child(to, location.container().get()) : to;
        if (path.subAttribute().isEmpty() || target.has(location.name()) && !location.definition()
                .map(ScimAttribute::multiValued).orElse(value.isArray())) {
            target.set(location.name(), value.deepCopy());
            return;
        }
        String sub = path.subAttribute().get();
        if (value.isArray()) {
            ArrayNode picked = JsonValues.array();
            for (JsonNode element : value) {
                JsonNode subValue = JsonValues.field(element, sub);
                if (subValue != null) {
                    picked.addObject().set(JsonValues.fieldName(element, sub), subValue.deepCopy());
                }
            }
            if (!picked.isEmpty() && !target.has(location.name())) {
                target.set(location.name(), picked);
            }
        } else if (value.isObject() && JsonValues.field(value, sub) != null) {
            child(target, location.name()).set(JsonValues.fieldName(value, sub), JsonValues.field(value, sub).deepCopy());
        }
    }

    private static void exclude(ObjectNode base, Selection selection, ScimResourceType type) {
        if (selection.extension().isPresent()) {
            PatchReplace.removeField(base, selection.extension().get());
            return;
        }
        AttributePath path = selection.path().orElseThrow();
        SchemaIndex.Location location = SchemaIndex.resolve(type, path);
        if (location.definition().map(d -> d.returned() == ScimAttribute.Returned.ALWAYS).orElse(false)
                || location.name().equalsIgnoreCase("schemas")) {
            return;
        }
        JsonNode holder = location.container().isPresent() ? JsonValues.field(base, location.container().get()) : base;
        if (!(holder instanceof ObjectNode object)) {
            return;
        }
        if (path.subAttribute().isEmpty()) {
            PatchReplace.removeField(object, location.name());
            return;
        }
        JsonNode value = JsonValues.field(object, location.name());
        for (JsonNode element : FilterEvaluator.flatten(value)) {
            if (element instanceof ObjectNode complex) {
                PatchReplace.removeField(complex, path.subAttribute().get());
            }
        }
    }

    private static void removeNeverReturned(ObjectNode base, ScimResourceType type) {
        for (ScimAttribute attribute : type.schema().attributes()) {
            if (attribute.returned() == ScimAttribute.Returned.NEVER) {
                PatchReplace.removeField(base, attribute.name());
            }
        }
        for (ScimResourceType.Extension extension : type.extensions()) {
            JsonNode object = JsonValues.field(base, extension.schema().id());
            for (ScimAttribute attribute : extension.schema().attributes()) {
                if (attribute.returned() == ScimAttribute.Returned.NEVER && object instanceof ObjectNode o) {
                    PatchReplace.removeField(o, attribute.name());
                }
            }
        }
    }

    private static void copyField(JsonNode from, ObjectNode to, String name) {
        String field = JsonValues.fieldName(from, name);
        if (field != null) {
            to.set(field, from.get(field).deepCopy());
        }
    }

    private static ObjectNode child(ObjectNode parent, String name) {
        JsonNode existing = parent.get(name);
        return existing instanceof ObjectNode object ? object : parent.putObject(name);
    }
}

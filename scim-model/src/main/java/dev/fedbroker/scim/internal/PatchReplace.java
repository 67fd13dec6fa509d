package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The "replace" operation (RFC 7644 3.5.2.3): single values are set, complex values merged (sub-attributes not given
 * stay), multi-valued attributes replaced whole, filtered values replaced (or, with {@code []}, removed). A filter
 * that matches nothing is {@code noTarget}, except for {@code attr[eq filter].sub}, which builds the value (Azure AD
 * sends Replace for a work email the user did not have yet).
 */
final class PatchReplace {
    private final PatchTarget target;

    PatchReplace(PatchTarget target) {
        this.target = target;
    }

    void apply(JsonNode value) {
        ScimAttribute definition = target.definition;
        if (target.path.filter().isPresent()) {
            applyFiltered(value);
            return;
        }
        if (target.subDefinition != null) {
            if (definition.multiValued()) {
                throw new ScimException(ScimErrorType.INVALID_PATH, "select values of '" + definition.name()
                        + "' with a filter, e.g. " + definition.name() + "[type eq \"work\"]."
                        + target.subDefinition.name());
            }
            JsonNode normalized = ValueNormalizer.normalize(value, target.subDefinition, target.path.toString());
            JsonNode current = target.current();
            ObjectNode object = current != null && current.isObject() ? (ObjectNode) current : JsonValues.object();
            String field = target.subDefinition.name();
            PatchTarget.checkImmutable(target.subDefinition, JsonValues.field(object, field), normalized,
                    target.path.toString());
            removeField(object, field);
            if (normalized != null) {
                object.set(field, normalized);
            }
            if (object.isEmpty()) {
                target.delete();
            } else {
                target.set(object);
            }
            return;
        }
        JsonNode normalized = ValueNormalizer.normalize(value, definition, definition.name());
        PatchTarget.checkImmutable(definition, target.current(), normalized, definition.name());
        if (normalized == null) {
            target.delete();
        } else if (definition.type() == ScimAttribute.Type.COMPLEX && !definition.multiValued()) {
            JsonNode current = target.current();
            ObjectNode object = current != null && current.isObject() ? (ObjectNode) current : JsonValues.object();
            object.setAll((ObjectNode) normalized);
            target.set(object);
        } else {
            target.set(normalized);
        }
    }

    private void applyFiltered(JsonNode value) {
        List<JsonNode> matched = target.matched();
        ArrayNode array = target.array(false);
        if (target.subDefinition != null) {
            JsonNode normalized = ValueNormalizer.normalize(value, target.subDefinition, target.path.toString());
            if (matched.isEmpty()) {
                if (normalized == null) {
                    throw noTarget();
                }
                ObjectNode created = target.elementFromFilter().orElseThrow(this::noTarget);
                array = target.array(true);
                array.add(created);
                matched = List.of(created);
            }
            String field = target.subDefinition.name();
            for (JsonNode element : matched) {
                PatchTarget.checkImmutable(target.subDefinition, JsonValues.field(element, field), normalized,
                        target.path.toString());
                removeField((ObjectNode) element, field);
                if (normalized != null) {
                    ((ObjectNode) element).set(field, normalized.deepCopy());
                    PatchApplier.exclusivePrimary(target.array(true), element);
                }
            }
            return;
        }
        if (matched.isEmpty()) {
            throw noTarget();
        }
        if (ValueNormalizer.isUnassigned(value)) {
            removeAll(array, matched);
            if (array.isEmpty()) {
                target.delete();
            }
            return;
        }
        JsonNode single = value.isArray() && value.size() == 1 ? value.get(0) : value;
        JsonNode normalized = ValueNormalizer.normalizeSingle(single, target.definition, target.path.toString());
        if (normalized == null || !normalized.isObject()) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "replacing filtered values of '" + target.name
                    + "' needs an object value");
        }
        Set<JsonNode> replaced = identitySet(matched);
        List<JsonNode> replacements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (replaced.contains(array.get(i))) {
                JsonNode replacement = normalized.deepCopy();
                array.set(i, replacement);
                replacements.add(replacement);
            }
        }
        PatchApplier.exclusivePrimaryOfLast(array, replacements);
    }

    private ScimException noTarget() {
        return new ScimException(ScimErrorType.NO_TARGET, "no value of '" + target.name + "' matches "
                + target.path.filter().orElseThrow());
    }

    /** Removes these very elements (by identity) from {@code array}, in one pass. */
    static void removeAll(ArrayNode array, List<JsonNode> elements) {
        Set<JsonNode> gone = identitySet(elements);
        List<JsonNode> kept = new ArrayList<>(array.size());
        array.forEach(e -> {
            if (!gone.contains(e)) {
                kept.add(e);
            }
        });
        array.removeAll();
        array.addAll(kept);
    }

    private static Set<JsonNode> identitySet(List<JsonNode> elements) {
        Set<JsonNode> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(elements);
        return set;
    }

    static void removeField(ObjectNode object, String name) {
        String field = JsonValues.fieldName(object, name);
        if (field != null) {
            object.remove(field);
        }
    }
}

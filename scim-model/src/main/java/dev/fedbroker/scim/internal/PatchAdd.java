package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The "add" operation (RFC 7644 3.5.2.1): sets single values, merges complex ones, appends new values to
 * multi-valued attributes (skipping values already there; members by their {@code value}). Through a value filter
 * that matches nothing, an eq-only filter builds the new element, as Azure AD expects for
 * {@code emails[type eq "work"].value}.
 */
final class PatchAdd {
    private final PatchTarget target;

    PatchAdd(PatchTarget target) {
        this.target = target;
    }

    void apply(JsonNode value) {
        ScimAttribute definition = target.definition;
        if (target.path.filter().isPresent()) {
            applyFiltered(value);
        } else if (target.subDefinition != null) {
            if (definition.multiValued()) {
                throw new ScimException(ScimErrorType.INVALID_PATH, "select values of '" + definition.name()
                        + "' with a filter, e.g. " + definition.name() + "[type eq \"work\"]."
                        + target.subDefinition.name());
            }
            JsonNode normalized = ValueNormalizer.normalize(value, target.subDefinition, target.path.toString());
            if (normalized == null) {
                return;
            }
            JsonNode current = target.current();
            ObjectNode object = current != null && current.isObject() ? (ObjectNode) current : JsonValues.object();
            PatchTarget.checkImmutable(target.subDefinition, JsonValues.field(object, target.subDefinition.name()),
                    normalized, target.path.toString());
            object.set(target.subDefinition.name(), normalized);
            target.set(object);
        } else if (definition.multiValued()) {
            JsonNode normalized = ValueNormalizer.normalize(value, definition, definition.name());
            if (normalized == null) {
                return;
            }
            ArrayNode array = target.array(true);
            Set<Object> present = new HashSet<>();
            array.forEach(existing -> present.add(key(existing)));
            List<JsonNode> added = new ArrayList<>();
            for (JsonNode element : normalized) {
                if (present.add(key(element))) {
                    array.add(element);
                    added.add(element);
                }
            }
            PatchApplier.exclusivePrimaryOfLast(array, added);
        } else if (definition.type() == ScimAttribute.Type.COMPLEX) {
            JsonNode normalized = ValueNormalizer.normalize(value, definition, definition.name());
            if (normalized == null) {
                return;
            }
            JsonNode current = target.current();
            ObjectNode object = current != null && current.isObject() ? (ObjectNode) current : JsonValues.object();
            object.setAll((ObjectNode) normalized);
            target.set(object);
        } else {
            JsonNode normalized = ValueNormalizer.normalize(value, definition, definition.name());
            if (normalized != null) {
                PatchTarget.checkImmutable(definition, target.current(), normalized, definition.name());
                target.set(normalized);
            }
        }
    }

    private void applyFiltered(JsonNode value) {
        List<JsonNode> matched = target.matched();
        if (target.subDefinition != null) {
            JsonNode normalized = ValueNormalizer.normalize(value, target.subDefinition, target.path.toString());
            if (normalized == null) {
                return;
            }
            if (matched.isEmpty()) {
                ObjectNode created = target.elementFromFilter().orElseThrow(() -> new ScimException(
                        ScimErrorType.NO_TARGET, "no value of '" + target.name + "' matches the filter, and the filter "
                        + "is not made of eq comparisons from which a new value could be built"));
                matched = List.of(created);
                target.array(true).add(created);
            }
            for (JsonNode element : matched) {
                PatchTarget.checkImmutable(target.subDefinition, JsonValues.field(element,
                        target.subDefinition.name()), normalized, target.path.toString());
                ((ObjectNode) element).set(target.subDefinition.name(), normalized.deepCopy());
            }
            PatchApplier.exclusivePrimaryOfLast(target.array(true), matched);
            return;
        }
        JsonNode single = value != null && value.isArray() && value.size() == 1 ? value.get(0) : value;
        JsonNode normalized = ValueNormalizer.normalizeSingle(single, target.definition, target.path.toString());
        if (normalized == null) {
            return;
        }
        if (!normalized.isObject()) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "values of '" + target.name + "' are objects");
        }
        if (matched.isEmpty()) {
            ObjectNode created = target.elementFromFilter().orElseGet(JsonValues::object);
            matched = List.of(created);
            target.array(true).add(created);
        }
        for (JsonNode element : matched) {
            ((ObjectNode) element).setAll(((ObjectNode) normalized).deepCopy());
        }
        PatchApplier.exclusivePrimaryOfLast(target.array(true), matched);
    }

    /** What makes a value a duplicate (group members: the same member id), as a hash key. */
    private Object key(JsonNode element) {
        return PatchEngine.sameJsonKey(target.name.equals("members") ? JsonValues.field(element, "value") : element);
    }
}

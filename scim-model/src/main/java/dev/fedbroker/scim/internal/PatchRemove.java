package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import java.util.List;

/**
 * The "remove" operation (RFC 7644 3.5.2.2), plus Azure AD's non-standard remove with a value list
 * ({@code {"op":"Remove","path":"members","value":[{"value":"id"}]}}, also wrapped as {@code {"members":[...]}}):
 * only the listed values go. Removing what is not there changes nothing.
 */
final class PatchRemove {
    private final PatchTarget target;

    PatchRemove(PatchTarget target) {
        this.target = target;
    }

    void apply(JsonNode value) {
        ScimAttribute definition = target.definition;
        if (target.subDefinition != null && target.subDefinition.mutability() == ScimAttribute.Mutability.IMMUTABLE) {
            throw new ScimException(ScimErrorType.MUTABILITY, "'" + target.path + "' is immutable; remove the whole "
                    + "value instead");
        }
        if (target.path.filter().isPresent()) {
            removeFiltered();
            return;
        }
        if (definition.multiValued() && target.subDefinition == null && !ValueNormalizer.isUnassigned(value)) {
            removeListed(value);
            return;
        }
        JsonNode current = target.current();
        if (current == null) {
            return;
        }
        if (target.subDefinition == null) {
            target.delete();
            return;
        }
        for (JsonNode element : current.isArray() ? current : JsonValues.array().add(current)) {
            if (element.isObject()) {
                PatchReplace.removeField((ObjectNode) element, target.subDefinition.name());
            }
        }
        cleanUp();
    }

    private void removeFiltered() {
        List<JsonNode> matched = target.matched();
        ArrayNode array = target.array(false);
        for (JsonNode element : matched) {
            if (target.subDefinition == null) {
                PatchReplace.remove(array, element);
            } else {
                PatchReplace.removeField((ObjectNode) element, target.subDefinition.name());
            }
        }
        cleanUp();
    }

    private void removeListed(JsonNode value) {
        JsonNode listed = value;
        JsonNode wrapped = JsonValues.field(value, target.name);
        if (value.isObject() && value.size() == 1 && wrapped != null) {
            listed = wrapped;
        }
        JsonNode normalized = ValueNormalizer.normalize(listed, target.definition, target.name);
        if (normalized == null) {
            return;
        }
        ArrayNode array = target.array(false);
        for (int i = array.size() - 1; i >= 0; i--) {
            for (JsonNode removal : normalized) {
                if (sameValue(array.get(i), removal)) {
                    array.remove(i);
                    break;
                }
            }
        }
        cleanUp();
    }

    /** Complex values are the same when their "value" sub-attributes are; others when equal. */
    private static boolean sameValue(JsonNode existing, JsonNode removal) {
        JsonNode a = JsonValues.field(existing, "value");
        JsonNode b = JsonValues.field(removal, "value");
        if (a != null && b != null) {
            return PatchEngine.sameJson(a, b);
        }
        return PatchEngine.sameJson(existing, removal);
    }

    /** Drops emptied values and an emptied attribute. */
    private void cleanUp() {
        JsonNode current = target.current();
        if (current == null) {
            return;
        }
        if (current.isArray()) {
            ArrayNode array = (ArrayNode) current;
            for (int i = array.size() - 1; i >= 0; i--) {
                if (ValueNormalizer.isUnassigned(array.get(i))) {
                    array.remove(i);
                }
            }
        }
        if (ValueNormalizer.isUnassigned(current)) {
            target.delete();
        }
    }
}

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
        if (target.subDefinition == null) {
            PatchReplace.removeAll(array, matched);
        } else {
            for (JsonNode element : matched) {
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
        // Complex values are the same when their "value" sub-attributes are; others when equal. Hash sets keep a
        // long list of removals from a large attribute linear.
        Set<Object> byValue = new HashSet<>();
        Set<Object> wholeWithoutValue = new HashSet<>();
        Set<Object> whole = new HashSet<>();
        for (JsonNode removal : normalized) {
            JsonNode b = JsonValues.field(removal, "value");
            if (b != null) {
                byValue.add(PatchEngine.sameJsonKey(b));
            } else {
                wholeWithoutValue.add(PatchEngine.sameJsonKey(removal));
            }
            whole.add(PatchEngine.sameJsonKey(removal));
        }
        ArrayNode array = target.array(false);
        List<JsonNode> gone = new ArrayList<>();
        for (JsonNode existing : array) {
            JsonNode a = JsonValues.field(existing, "value");
            Object key = PatchEngine.sameJsonKey(existing);
            if (a != null ? byValue.contains(PatchEngine.sameJsonKey(a)) || wholeWithoutValue.contains(key)
                    : whole.contains(key)) {
                gone.add(existing);
            }
        }
        PatchReplace.removeAll(array, gone);
        cleanUp();
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

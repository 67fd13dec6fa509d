package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimResourceType;

/**
 * Applies a PatchOp (RFC 7644 3.5.2) all-or-nothing: every operation works on a copy of the resource, the result is
 * checked as a whole (required attributes, one primary), and only then handed back for the store to commit. The
 * first failing operation aborts the whole PATCH, naming the operation's index.
 */
public final class PatchEngine {
    private PatchEngine() {
    }

    /**
     * The attributes after the PATCH (no id, no meta).
     *
     * @param resource the current resource's JSON form (with id and meta; not modified)
     */
    public static ObjectNode apply(ObjectNode resource, PatchRequest request, ScimResourceType type) {
        ObjectNode work = resource.deepCopy();
        PatchApplier applier = new PatchApplier(work, type);
        for (int i = 0; i < request.operations().size(); i++) {
            PatchRequest.Operation operation = request.operations().get(i);
            try {
                applier.apply(operation);
            } catch (ScimException e) {
                throw new ScimException(e.type(), "Operation " + i + " (" + operation.op().name().toLowerCase(
                        java.util.Locale.ROOT) + operation.path().map(p -> " " + p).orElse("") + "): "
                        + e.getMessage(), e);
            }
        }
        removeField(work, "id");
        removeField(work, "meta");
        ResourceNormalizer.finish(work, type);
        return work;
    }

    private static void removeField(ObjectNode node, String name) {
        String field = JsonValues.fieldName(node, name);
        if (field != null) {
            node.remove(field);
        }
    }

    private static final Object ABSENT_KEY = new Object();

    /**
     * A hash key for {@code node}: two nodes have equal keys exactly when {@link #sameJson} says they are the same, so
     * that large multi-valued attributes are compared through a hash set instead of pair by pair.
     */
    static Object sameJsonKey(JsonNode node) {
        if (node == null) {
            return ABSENT_KEY;
        }
        return node.isNumber() ? node.decimalValue().stripTrailingZeros() : node;
    }

    /** Whether two values are the same JSON (numbers compared by value). */
    static boolean sameJson(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }
}

package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A PatchOp request body: its operations, with op names matched case-insensitively (Azure AD sends "Replace") and
 * unknown keys in an operation ignored (Microsoft's reference collection sends "name").
 *
 * @param operations the operations, in order
 */
public record PatchRequest(List<Operation> operations) {
    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    public PatchRequest {
        operations = List.copyOf(operations);
    }

    /** The kinds of operation. */
    public enum Op { ADD, REPLACE, REMOVE }

    /**
     * One operation.
     *
     * @param op    add, replace or remove
     * @param path  the path, when given
     * @param value the value (null when absent; JSON null stays a NullNode)
     */
    public record Operation(Op op, Optional<String> path, JsonNode value) {
    }

    /** Parses a PatchOp body. */
    public static PatchRequest parse(ObjectNode body, int maxOperations) {
        JsonNode schemas = JsonValues.field(body, "schemas");
        boolean declared = false;
        if (schemas != null && schemas.isArray()) {
            for (JsonNode urn : schemas) {
                declared |= urn.isTextual() && urn.textValue().equalsIgnoreCase(SCHEMA);
            }
        }
        if (!declared) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "A PATCH body must carry \"schemas\": [\""
                    + SCHEMA + "\"].");
        }
        JsonNode operations = JsonValues.field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "A PATCH body must carry a non-empty "
                    + "\"Operations\" array.");
        }
        if (operations.size() > maxOperations) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "A PATCH may carry at most " + maxOperations
                    + " operations; found " + operations.size() + ". Split the change.");
        }
        List<Operation> out = new ArrayList<>();
        for (JsonNode operation : operations) {
            out.add(operation(operation, out.size()));
        }
        return new PatchRequest(out);
    }

    private static Operation operation(JsonNode node, int index) {
        if (!node.isObject()) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "Operation " + index + " must be a JSON object.");
        }
        JsonNode op = JsonValues.field(node, "op");
        Op kind = null;
        if (op != null && op.isTextual()) {
            for (Op candidate : Op.values()) {
                if (candidate.name().equalsIgnoreCase(op.textValue().strip())) {
                    kind = candidate;
                }
            }
        }
        if (kind == null) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "Operation " + index + ": \"op\" must be add, "
                    + "replace or remove; found " + (op == null ? "nothing" : op.toString()) + ".");
        }
        JsonNode path = JsonValues.field(node, "path");
        if (path != null && !path.isNull() && !path.isTextual()) {
            throw new ScimException(ScimErrorType.INVALID_PATH, "Operation " + index + ": \"path\" must be a string.");
        }
        JsonNode value = JsonValues.field(node, "value");
        if (kind != Op.REMOVE && value == null) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "Operation " + index + " (" + kind.name()
                    .toLowerCase(java.util.Locale.ROOT) + ") needs a \"value\".");
        }
        Optional<String> pathText = path == null || path.isNull() ? Optional.empty() : Optional.of(path.textValue());
        return new Operation(kind, pathText, value);
    }
}

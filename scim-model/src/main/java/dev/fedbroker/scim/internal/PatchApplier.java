package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimResourceType;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies single PATCH operations to a working copy; see {@link PatchEngine}. Not thread-safe (one per PATCH). */
final class PatchApplier {
    private static final Logger LOG = LoggerFactory.getLogger(PatchApplier.class);

    private final ObjectNode work;
    private final ScimResourceType type;

    PatchApplier(ObjectNode work, ScimResourceType type) {
        this.work = work;
        this.type = type;
    }

    void apply(PatchRequest.Operation operation) {
        if (operation.path().isEmpty()) {
            if (operation.op() == PatchRequest.Op.REMOVE) {
                throw new ScimException(ScimErrorType.NO_TARGET, "a remove operation needs a \"path\"");
            }
            applyWithoutPath(operation.op(), operation.value());
            return;
        }
        PatchTarget target = PatchTarget.resolve(work, type, PatchPath.parse(operation.path().get()));
        switch (operation.op()) {
            case ADD -> new PatchAdd(target).apply(operation.value());
            case REPLACE -> new PatchReplace(target).apply(operation.value());
            case REMOVE -> new PatchRemove(target).apply(operation.value());
        }
    }

    /** add/replace with a value object whose keys are attribute names, dotted paths or URN-qualified paths. */
    private void applyWithoutPath(PatchRequest.Op op, JsonNode value) {
        if (value == null || !value.isObject()) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "without a \"path\" the value must be an object of "
                    + "attributes");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            Optional<ScimResourceType.Extension> extension = type.extension(key);
            if (extension.isPresent()) {
                if (!field.getValue().isObject()) {
                    throw new ScimException(ScimErrorType.INVALID_VALUE, "extension '" + key + "' must be an object");
                }
                for (Iterator<Map.Entry<String, JsonNode>> sub = field.getValue().fields(); sub.hasNext(); ) {
                    Map.Entry<String, JsonNode> attribute = sub.next();
                    applyKey(op, extension.get().schema().id() + ":" + attribute.getKey(), attribute.getValue());
                }
                continue;
            }
            applyKey(op, key, field.getValue());
        }
    }

    private void applyKey(PatchRequest.Op op, String key, JsonNode value) {
        AttributePath path;
        try {
            path = AttributePath.parse(key);
        } catch (ScimException e) {
            LOG.debug("PATCH: ignoring value key that is no attribute path");
            return;
        }
        SchemaIndex.Location location = SchemaIndex.resolve(type, path);
        if (!location.knownUrn() || location.definition().isEmpty()) {
            LOG.debug("PATCH: ignoring attribute '{}' that no schema of {} defines", key, type.name());
            return;
        }
        ScimAttribute definition = location.definition().get();
        if (definition.mutability() == ScimAttribute.Mutability.READ_ONLY) {
            // A path-less value is a partial resource: its readOnly attributes are ignored, as in PUT (RFC 7644
            // 3.5.1). AWS's own sample sends an id along. A path naming a readOnly attribute is still an error.
            LOG.debug("PATCH: ignoring readOnly attribute '{}' in a value without path", key);
            return;
        }
        PatchTarget target = PatchTarget.resolve(work, type,
                new PatchPath(path.parent(), Optional.empty(), path.subAttribute()));
        if (op == PatchRequest.Op.ADD) {
            new PatchAdd(target).apply(value);
        } else {
            new PatchReplace(target).apply(value);
        }
    }

    /** Clears "primary" on every element but {@code winner} when {@code winner} is primary (RFC 7644 3.5.2). */
    /**
     * As {@link #exclusivePrimary} applied to each of {@code changed} in turn, in one pass over the array: the last
     * changed value marked primary wins (a loop calling exclusivePrimary per value is quadratic on large arrays).
     */
    static void exclusivePrimaryOfLast(ArrayNode array, List<JsonNode> changed) {
        for (int i = changed.size() - 1; i >= 0; i--) {
            JsonNode primary = JsonValues.field(changed.get(i), "primary");
            if (primary != null && primary.isBoolean() && primary.booleanValue()) {
                exclusivePrimary(array, changed.get(i));
                return;
            }
        }
    }

    static void exclusivePrimary(ArrayNode array, JsonNode winner) {
        JsonNode primary = JsonValues.field(winner, "primary");
        if (primary == null || !primary.isBoolean() || !primary.booleanValue()) {
            return;
        }
        for (JsonNode element : array) {
            if (element != winner && element.isObject()) {
                String field = JsonValues.fieldName(element, "primary");
                if (field != null && element.get(field).asBoolean(false)) {
                    ((ObjectNode) element).put(field, false);
                }
            }
        }
    }
}

package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimFilter;
import dev.fedbroker.scim.ScimResourceType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a PATCH path designates in the working copy: the attribute (in the resource or in an extension object), its
 * definition, the optional sub-attribute and value filter. Resolution enforces that the path names a known
 * attribute ({@code invalidPath}) that may be changed ({@code mutability}).
 */
final class PatchTarget {
    final ObjectNode work;
    final PatchPath path;
    final ScimAttribute definition;
    final ScimAttribute subDefinition;
    private final Optional<String> container;
    final String name;

    private PatchTarget(ObjectNode work, PatchPath path, ScimAttribute definition, ScimAttribute subDefinition,
                        Optional<String> container, String name) {
        this.work = work;
        this.path = path;
        this.definition = definition;
        this.subDefinition = subDefinition;
        this.container = container;
        this.name = name;
    }

    static PatchTarget resolve(ObjectNode work, ScimResourceType type, PatchPath path) {
        SchemaIndex.Location location = SchemaIndex.resolve(type, path.attribute());
        if (!location.knownUrn()) {
            throw new ScimException(ScimErrorType.INVALID_PATH, "schema '" + path.attribute().schemaUrn().orElse("")
                    + "' is neither the core schema nor an extension of " + type.name() + " resources");
        }
        ScimAttribute definition = location.definition().orElseThrow(() -> new ScimException(
                ScimErrorType.INVALID_PATH, "no attribute '" + path.attribute() + "' in " + type.name()
                + " resources (core schema or extensions)"));
        if (definition.mutability() == ScimAttribute.Mutability.READ_ONLY) {
            throw new ScimException(ScimErrorType.MUTABILITY, "attribute '" + definition.name() + "' is readOnly");
        }
        ScimAttribute sub = null;
        if (path.subAttribute().isPresent()) {
            if (definition.type() != ScimAttribute.Type.COMPLEX) {
                throw new ScimException(ScimErrorType.INVALID_PATH, "'" + definition.name() + "' has no "
                        + "sub-attributes");
            }
            sub = ValueNormalizer.subAttribute(definition, path.subAttribute().get());
            if (sub == null) {
                throw new ScimException(ScimErrorType.INVALID_PATH, "'" + definition.name() + "' has no sub-attribute '"
                        + path.subAttribute().get() + "'");
            }
            if (sub.mutability() == ScimAttribute.Mutability.READ_ONLY) {
                throw new ScimException(ScimErrorType.MUTABILITY, "'" + definition.name() + "." + sub.name()
                        + "' is readOnly");
            }
        }
        if (path.filter().isPresent() && !definition.multiValued()) {
            throw new ScimException(ScimErrorType.INVALID_PATH, "a value filter needs a multi-valued attribute; '"
                    + definition.name() + "' is single-valued");
        }
        return new PatchTarget(work, path, definition, sub, location.container(), definition.name());
    }

    /** The object holding the attribute (the resource, or the extension object), created when asked. */
    ObjectNode holder(boolean create) {
        if (container.isEmpty()) {
            return work;
        }
        String field = JsonValues.fieldName(work, container.get());
        if (field != null && work.get(field).isObject()) {
            return (ObjectNode) work.get(field);
        }
        return create ? work.putObject(container.get()) : null;
    }

    JsonNode current() {
        return JsonValues.field(holder(false), name);
    }

    void set(JsonNode value) {
        ObjectNode holder = holder(true);
        String field = JsonValues.fieldName(holder, name);
        if (field != null && !field.equals(name)) {
            holder.remove(field);
        }
        holder.set(name, value);
    }

    void delete() {
        ObjectNode holder = holder(false);
        String field = holder == null ? null : JsonValues.fieldName(holder, name);
        if (field != null) {
            holder.remove(field);
        }
    }

    /** The current values as an array in the working copy (attached), or an empty detached array. */
    ArrayNode array(boolean attach) {
        JsonNode current = current();
        if (current != null && current.isArray()) {
            return (ArrayNode) current;
        }
        ArrayNode array = JsonValues.array();
        if (current != null && !current.isNull()) {
            array.add(current);
        }
        if (attach) {
            set(array);
        }
        return array;
    }

    /** The elements the value filter selects. */
    List<JsonNode> matched() {
        List<JsonNode> out = new ArrayList<>();
        ScimFilter filter = path.filter().orElseThrow();
        for (JsonNode element : array(false)) {
            if (FilterEvaluator.matchesValue(filter, element, definition)) {
                out.add(element);
            }
        }
        return out;
    }

    /** A new element built from a filter of eq comparisons joined by and; empty when the filter is another shape. */
    Optional<ObjectNode> elementFromFilter() {
        ObjectNode element = JsonValues.object();
        return fill(path.filter().orElseThrow(), element) ? Optional.of(element) : Optional.empty();
    }

    private boolean fill(ScimFilter filter, ObjectNode element) {
        if (filter instanceof ScimFilter.And and) {
            return fill(and.left(), element) && fill(and.right(), element);
        }
        if (filter instanceof ScimFilter.Comparison comparison && comparison.operator() == ScimFilter.Operator.EQ
                && comparison.value().isPresent() && comparison.path().subAttribute().isEmpty()
                && comparison.path().schemaUrn().isEmpty()) {
            ScimAttribute sub = ValueNormalizer.subAttribute(definition, comparison.path().attribute());
            if (sub == null) {
                return false;
            }
            Object value = comparison.value().get();
            JsonNode node = value instanceof BigDecimal number ? JsonValues.nodes().numberNode(number)
                    : JsonValues.toNode(value);
            element.set(sub.name(), ValueNormalizer.normalize(node, sub, name + "." + sub.name()));
            return true;
        }
        return false;
    }

    /** mutability error when an immutable value would change. */
    static void checkImmutable(ScimAttribute definition, JsonNode existing, JsonNode replacement, String where) {
        if (definition.mutability() == ScimAttribute.Mutability.IMMUTABLE && existing != null && !existing.isNull()
                && !PatchEngine.sameJson(existing, replacement)) {
            throw new ScimException(ScimErrorType.MUTABILITY, "'" + where + "' is immutable once set");
        }
    }
}

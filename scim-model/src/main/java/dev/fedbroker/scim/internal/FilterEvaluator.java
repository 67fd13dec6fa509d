package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimFilter;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimSchemas;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Evaluates a filter against a resource's JSON form, schema-aware: the attribute definition decides how values
 * compare (see {@link ValueComparator}). Attributes returned "never" (password) never match, so filters cannot probe
 * them. Multi-valued attributes match when any value does; {@code ne} is the negation of {@code eq}.
 */
public final class FilterEvaluator {
    private FilterEvaluator() {
    }

    /** Whether the stored resource matches. */
    public static boolean matches(ScimFilter filter, ScimResource resource, ScimSchemas schemas) {
        ScimResourceType type = schemas.resourceType(resource.resourceType()).orElseThrow(() ->
                new IllegalArgumentException("no resource type '" + resource.resourceType() + "' in the schemas"));
        return matches(filter, ResourceJson.toNode(resource), type);
    }

    /** Whether the resource in JSON form matches. */
    public static boolean matches(ScimFilter filter, ObjectNode resource, ScimResourceType type) {
        return evaluate(filter, new ResourceScope(resource, type));
    }

    /**
     * Checks, before any resource is read, that every comparison fits its attribute's type (so a bad filter is a 400
     * even when nothing would be compared).
     */
    public static void validate(ScimFilter filter, ScimResourceType type) {
        validate(filter, type, null);
    }

    private static void validate(ScimFilter filter, ScimResourceType type, ScimAttribute parent) {
        if (filter instanceof ScimFilter.And and) {
            validate(and.left(), type, parent);
            validate(and.right(), type, parent);
        } else if (filter instanceof ScimFilter.Or or) {
            validate(or.left(), type, parent);
            validate(or.right(), type, parent);
        } else if (filter instanceof ScimFilter.Not not) {
            validate(not.filter(), type, parent);
        } else if (filter instanceof ScimFilter.ValuePath valuePath) {
            ScimAttribute definition = SchemaIndex.resolve(type, valuePath.attribute()).definition().orElse(null);
            validate(valuePath.filter(), type, definition == null ? UNKNOWN : definition);
        } else if (filter instanceof ScimFilter.Comparison comparison) {
            ScimAttribute definition = comparisonDefinition(comparison.path(), type, parent);
            ValueComparator.compare(List.of(), comparison.operator(), comparison.value(), definition,
                    comparison.path());
        }
    }

    /** Marks "inside a value path of an attribute the schema does not know". */
    private static final ScimAttribute UNKNOWN = ScimAttribute.of("unknown", ScimAttribute.Type.STRING);

    private static ScimAttribute comparisonDefinition(AttributePath path, ScimResourceType type,
                                                      ScimAttribute parent) {
        if (parent == UNKNOWN) {
            return null;
        }
        ScimAttribute definition;
        if (parent != null) {
            if (parent.type() != ScimAttribute.Type.COMPLEX) {
                return path.attribute().equalsIgnoreCase("value") ? parent : null;
            }
            definition = parent.subAttribute(path.attribute()).orElse(null);
        } else {
            definition = SchemaIndex.resolve(type, path).definition().orElse(null);
        }
        if (definition == null || definition.type() != ScimAttribute.Type.COMPLEX) {
            return path.subAttribute().isPresent() ? null : definition;
        }
        return definition.subAttribute(path.subAttribute().orElse("value")).orElse(
                path.subAttribute().isPresent() ? null : definition);
    }

    /** Whether one value of a multi-valued attribute matches a value filter (used by PATCH paths). */
    public static boolean matchesValue(ScimFilter filter, JsonNode value, ScimAttribute definition) {
        return evaluate(filter, new ValueScope(value, definition));
    }

    private static boolean evaluate(ScimFilter filter, Scope scope) {
        if (filter instanceof ScimFilter.And and) {
            return evaluate(and.left(), scope) && evaluate(and.right(), scope);
        }
        if (filter instanceof ScimFilter.Or or) {
            return evaluate(or.left(), scope) || evaluate(or.right(), scope);
        }
        if (filter instanceof ScimFilter.Not not) {
            return !evaluate(not.filter(), scope);
        }
        if (filter instanceof ScimFilter.Present present) {
            Values values = scope.values(present.path(), false);
            return !values.hidden() && values.nodes().stream().anyMatch(FilterEvaluator::isPresent);
        }
        if (filter instanceof ScimFilter.Comparison comparison) {
            Values values = scope.values(comparison.path(), true);
            return !values.hidden() && ValueComparator.compare(values.nodes(), comparison.operator(),
                    comparison.value(), values.definition(), comparison.path());
        }
        ScimFilter.ValuePath valuePath = (ScimFilter.ValuePath) filter;
        if (!(scope instanceof ResourceScope resourceScope)) {
            throw new ScimException(ScimErrorType.INVALID_FILTER, "Value paths cannot be nested: "
                    + valuePath.attribute());
        }
        Values values = resourceScope.values(valuePath.attribute(), false);
        if (values.hidden()) {
            return false;
        }
        for (JsonNode element : values.nodes()) {
            if (evaluate(valuePath.filter(), new ValueScope(element, values.definition()))) {
                return true;
            }
        }
        return false;
    }

    /** RFC 7644: a value is present when it is non-empty (strings) or holds a present sub-value (complex). */
    static boolean isPresent(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isTextual()) {
            return !node.textValue().isEmpty();
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (isPresent(element)) {
                    return true;
                }
            }
            return false;
        }
        if (node.isObject()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                if (isPresent(it.next())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }

    /** Arrays flattened, nulls dropped. */
    static List<JsonNode> flatten(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (!element.isNull()) {
                    out.add(element);
                }
            }
        } else {
            out.add(node);
        }
        return out;
    }

    /**
     * The values a path selects.
     *
     * @param nodes      the values (multi-valued attributes flattened)
     * @param definition how to compare them, when the schema knows (null otherwise)
     * @param hidden     true for attributes returned "never"
     */
    record Values(List<JsonNode> nodes, ScimAttribute definition, boolean hidden) {
    }

    private interface Scope {
        Values values(AttributePath path, boolean forComparison);
    }

    /** Paths relative to the resource. */
    private record ResourceScope(ObjectNode resource, ScimResourceType type) implements Scope {
        @Override
        public Values values(AttributePath path, boolean forComparison) {
            SchemaIndex.Location location = SchemaIndex.resolve(type, path);
            JsonNode container = location.container().isPresent()
                    ? JsonValues.field(resource, location.container().get()) : resource;
            ScimAttribute definition = location.definition().orElse(null);
            List<JsonNode> nodes = flatten(JsonValues.field(container, location.name()));
            boolean hidden = definition != null && definition.returned() == ScimAttribute.Returned.NEVER;
            return descend(nodes, definition, hidden, path.subAttribute().orElse(null), forComparison);
        }
    }

    /** Paths relative to one value of a multi-valued attribute (inside {@code [...]}). */
    private record ValueScope(JsonNode value, ScimAttribute parent) implements Scope {
        @Override
        public Values values(AttributePath path, boolean forComparison) {
            if (!value.isObject()) {
                // A primitive value (schemas[value eq "..."]): "value" is the element itself.
                boolean self = path.attribute().equalsIgnoreCase("value") && path.subAttribute().isEmpty();
                ScimAttribute definition = parent != null && parent.type() != ScimAttribute.Type.COMPLEX ? parent
                        : null;
                return new Values(self ? List.of(value) : List.of(), definition, false);
            }
            ScimAttribute definition = parent == null ? null : parent.subAttribute(path.attribute()).orElse(null);
            List<JsonNode> nodes = flatten(JsonValues.field(value, path.attribute()));
            boolean hidden = definition != null && definition.returned() == ScimAttribute.Returned.NEVER;
            return descend(nodes, definition, hidden, path.subAttribute().orElse(null), forComparison);
        }
    }

    /** Applies the sub-attribute, or for a comparison on a complex value its "value" sub-attribute. */
    private static Values descend(List<JsonNode> nodes, ScimAttribute definition, boolean hidden, String sub,
                                  boolean forComparison) {
        boolean complex = definition != null ? definition.type() == ScimAttribute.Type.COMPLEX
                : !nodes.isEmpty() && nodes.stream().allMatch(JsonNode::isObject);
        if (sub == null && !(forComparison && complex)) {
            return new Values(nodes, definition, hidden);
        }
        String name = sub == null ? "value" : sub;
        ScimAttribute subDefinition = definition == null ? null : definition.subAttribute(name).orElse(null);
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.isObject()) {
                out.addAll(flatten(JsonValues.field(node, name)));
            }
        }
        boolean subHidden = subDefinition != null && subDefinition.returned() == ScimAttribute.Returned.NEVER;
        return new Values(out, subDefinition, hidden || subHidden);
    }
}

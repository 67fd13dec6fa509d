package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Checks one attribute value against its definition and brings it to canonical form, accepting the shapes Azure AD
 * and other clients send: booleans as the strings "True"/"False", sub-attribute names in any case, a bare string for
 * a complex attribute with a {@code value} sub-attribute ({@code manager}, {@code members}), a JSON object sent as a
 * string ({@code roles}), a one-element array for a single-valued complex attribute, a single value for a
 * multi-valued one, and {@code displayName} for a sub-attribute named {@code display}. JSON nulls, empty objects and
 * empty arrays are unassigned (RFC 7643 2.5). Unknown and readOnly sub-attributes are dropped. Wrong types are
 * {@code invalidValue}.
 */
public final class ValueNormalizer {
    private ValueNormalizer() {
    }

    /** The canonical value, or null when the value is unassigned. */
    public static JsonNode normalize(JsonNode value, ScimAttribute definition, String where) {
        if (isUnassigned(value)) {
            return null;
        }
        if (definition.multiValued()) {
            ArrayNode out = JsonValues.array();
            for (JsonNode element : value.isArray() ? value : JsonValues.array().add(value)) {
                JsonNode normalized = normalizeSingle(element, definition, where + "[" + out.size() + "]");
                if (normalized != null) {
                    out.add(normalized);
                }
            }
            return out.isEmpty() ? null : out;
        }
        if (value.isArray() && definition.type() == ScimAttribute.Type.COMPLEX) {
            // Azure AD sends "manager" as a one-element array.
            if (value.size() > 1) {
                throw invalid(where, "is single-valued; found an array of " + value.size() + " values");
            }
            return normalizeSingle(value.get(0), definition, where);
        }
        return normalizeSingle(value, definition, where);
    }

    /** One (element) value; for multi-valued attributes, one element. */
    public static JsonNode normalizeSingle(JsonNode value, ScimAttribute definition, String where) {
        if (isUnassigned(value)) {
            return null;
        }
        return switch (definition.type()) {
            case COMPLEX -> complex(value, definition, where);
            case BOOLEAN -> bool(value, where);
            case INTEGER -> {
                if (!value.isIntegralNumber()) {
                    throw invalid(where, "must be an integer; found " + describe(value));
                }
                yield value;
            }
            case DECIMAL -> {
                if (!value.isNumber()) {
                    throw invalid(where, "must be a number; found " + describe(value));
                }
                yield value;
            }
            case DATE_TIME -> {
                if (!value.isTextual() || DateTimes.parse(value.textValue()).isEmpty()) {
                    throw invalid(where, "must be an xsd:dateTime string such as \"2011-05-13T04:42:34Z\"; found "
                            + describe(value));
                }
                yield value;
            }
            case BINARY -> {
                if (!value.isTextual() || !isBase64(value.textValue())) {
                    throw invalid(where, "must be a base64 string; found " + describe(value));
                }
                yield value;
            }
            case STRING, REFERENCE -> {
                if (!value.isTextual()) {
                    throw invalid(where, "must be a string; found " + describe(value));
                }
                yield value;
            }
        };
    }

    private static JsonNode complex(JsonNode value, ScimAttribute definition, String where) {
        JsonNode object = value;
        if (value.isTextual()) {
            object = fromString(value.textValue(), definition, where);
        }
        if (!object.isObject()) {
            throw invalid(where, "must be an object with sub-attributes " + subNames(definition) + "; found "
                    + describe(value));
        }
        object = unwrapJsonValue(object, definition, where);
        ObjectNode out = JsonValues.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            ScimAttribute sub = subAttribute(definition, field.getKey());
            if (sub == null || sub.mutability() == ScimAttribute.Mutability.READ_ONLY) {
                continue;
            }
            JsonNode normalized = normalize(field.getValue(), sub, where + "." + sub.name());
            if (normalized != null) {
                out.set(sub.name(), normalized);
            }
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * Azure AD's AppRoleAssignmentsComplex PATCH sends {@code roles} as {@code [{"value":"{\"id\":..,\"value\":..,
     * \"displayName\":..}"}]}: the role object serialised into the value. For roles and entitlements, such a value
     * is read as the object it holds.
     */
    private static JsonNode unwrapJsonValue(JsonNode object, ScimAttribute definition, String where) {
        if (!definition.name().equalsIgnoreCase("roles") && !definition.name().equalsIgnoreCase("entitlements")) {
            return object;
        }
        JsonNode value = JsonValues.field(object, "value");
        if (value == null || !value.isTextual() || object.size() != 1) {
            return object;
        }
        String text = value.textValue().strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            return object;
        }
        return fromString(text, definition, where);
    }

    /** A sub-attribute by name, case-insensitively, with "displayName" accepted for "display". */
    static ScimAttribute subAttribute(ScimAttribute definition, String name) {
        ScimAttribute sub = definition.subAttribute(name).orElse(null);
        if (sub == null && name.equalsIgnoreCase("displayName")) {
            sub = definition.subAttribute("display").orElse(null);
        }
        return sub;
    }

    private static JsonNode fromString(String text, ScimAttribute definition, String where) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
            // Azure AD's AppRoleAssignmentsComplex sends each role as a JSON object inside a string.
            try {
                return JsonCodec.DEFAULT.parseObject(trimmed);
            } catch (ScimException e) {
                throw invalid(where, "holds a string that looks like a JSON object but does not parse");
            }
        }
        if (definition.subAttribute("value").isEmpty()) {
            throw invalid(where, "must be an object with sub-attributes " + subNames(definition)
                    + "; found a string");
        }
        ObjectNode wrapped = JsonValues.object();
        wrapped.put("value", text);
        return wrapped;
    }

    private static JsonNode bool(JsonNode value, String where) {
        if (value.isBoolean()) {
            return value;
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            if (text.equalsIgnoreCase("true")) {
                return JsonValues.nodes().booleanNode(true);
            }
            if (text.equalsIgnoreCase("false")) {
                return JsonValues.nodes().booleanNode(false);
            }
        }
        throw invalid(where, "must be a boolean (true or false); found " + describe(value));
    }

    /** JSON null, a missing node, an empty array or an empty object. */
    public static boolean isUnassigned(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isContainerNode() && value.isEmpty());
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getMimeDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String subNames(ScimAttribute definition) {
        return definition.subAttributes().stream().map(ScimAttribute::name).toList().toString();
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        return "a " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    static ScimException invalid(String where, String what) {
        return new ScimException(ScimErrorType.INVALID_VALUE, "Attribute '" + where + "' " + what + ".");
    }
}

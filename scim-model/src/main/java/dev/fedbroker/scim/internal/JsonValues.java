package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between Jackson trees (inside the module) and the plain immutable values of the public API: String,
 * Boolean, Long, BigDecimal, List and Map (insertion-ordered). JSON nulls are dropped (unassigned, RFC 7643 2.5).
 */
public final class JsonValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private JsonValues() {
    }

    /** A deep, unmodifiable copy of a JSON-like value; throws IllegalArgumentException for other types. */
    public static Object immutableCopy(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("attribute names are strings; found " + entry.getKey());
                }
                if (entry.getValue() != null) {
                    copy.put(key, immutableCopy(entry.getValue()));
                }
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object element : list) {
                if (element != null) {
                    copy.add(immutableCopy(element));
                }
            }
            return Collections.unmodifiableList(copy);
        }
        throw new IllegalArgumentException("a SCIM attribute value is a String, Boolean, Long, BigDecimal, List or "
                + "Map; found " + (value == null ? "null" : value.getClass().getName()));
    }

    /** The plain value of a JSON node; null for JSON null or a missing node. */
    public static Object toValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : new BigDecimal(node.bigIntegerValue());
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            for (JsonNode element : node) {
                Object value = toValue(element);
                if (value != null) {
                    list.add(value);
                }
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Object value = toValue(field.getValue());
                if (value != null) {
                    map.put(field.getKey(), value);
                }
            }
            return Collections.unmodifiableMap(map);
        }
        return node.asText();
    }

    /** The JSON node of a plain value. */
    public static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof BigDecimal number) {
            return NODES.numberNode(number);
        }
        if (value instanceof Number number) {
            return NODES.numberNode(new BigDecimal(number.toString()));
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, element) -> object.set(String.valueOf(key), toNode(element)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(toNode(element)));
            return array;
        }
        throw new IllegalArgumentException("not a JSON-like value: " + value.getClass().getName());
    }

    /** A new empty object node. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** A new empty array node. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The node factory used everywhere in the module (exact decimals). */
    public static JsonNodeFactory nodes() {
        return NODES;
    }

    /** The field of {@code object} whose name equals {@code name} ignoring case, or null. */
    public static String fieldName(JsonNode object, String name) {
        if (object == null || !object.isObject()) {
            return null;
        }
        if (object.has(name)) {
            return name;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (field.equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }

    /** The value of the field named {@code name} ignoring case, or null. */
    public static JsonNode field(JsonNode object, String name) {
        String field = fieldName(object, name);
        return field == null ? null : object.get(field);
    }
}

package dev.fedbroker.scim;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** JSON comparison for conformance cases: attribute names case-insensitive, key order ignored, numbers by value. */
final class JsonAssert {
    private JsonAssert() {
    }

    /** A canonical plain-Java form: maps keyed by lower-cased names, numbers as stripped BigDecimals. */
    static Object canonical(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Object value = canonical(field.getValue());
                if (value != null) {
                    map.put(field.getKey().toLowerCase(Locale.ROOT), value);
                }
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(canonical(element)));
            return list;
        }
        if (node.isNumber()) {
            return node.decimalValue().stripTrailingZeros();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** For diagnostics only. */
    static String show(Object canonical) {
        return canonical instanceof BigDecimal number ? number.toPlainString() : String.valueOf(canonical);
    }
}

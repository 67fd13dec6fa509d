package dev.fedbroker.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How resources are laid out in the tables: the attributes as JSON text without a Group's {@code members} (kept one
 * row per member) and without a User's computed {@code groups}; plus the copies of userName, displayName and
 * externalId that the indexes use.
 */
public final class ResourceCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ResourceCodec() {
    }

    /** One member of a group: its id ({@code value}) and its whole JSON object. */
    public record Member(String id, Map<String, Object> value) {
    }

    /** The attributes without {@code groups} (computed) and, for a Group, without {@code members}. */
    public static Map<String, Object> storedAttributes(Map<String, ?> attributes, boolean group) {
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        copy.keySet().removeIf(name -> name.equalsIgnoreCase("groups") || group && name.equalsIgnoreCase("members"));
        return copy;
    }

    /** A Group's members, in order, each id once (the first occurrence wins). */
    public static List<Member> members(Map<String, ?> attributes) {
        Object members = null;
        for (Map.Entry<String, ?> entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("members")) {
                members = entry.getValue();
            }
        }
        if (members == null) {
            return List.of();
        }
        if (!(members instanceof List<?> list)) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "A Group's members must be a list of objects with a"
                    + " \"value\"; found " + members.getClass().getSimpleName() + ".");
        }
        Map<String, Member> byId = new LinkedHashMap<>();
        for (Object element : list) {
            if (!(element instanceof Map<?, ?> map) || !(map.get("value") instanceof String id) || id.isBlank()) {
                throw new ScimException(ScimErrorType.INVALID_VALUE, "Each member of a Group needs a \"value\" (the"
                        + " member's id).");
            }
            Map<String, Object> value = new LinkedHashMap<>();
            map.forEach((k, v) -> value.put(String.valueOf(k), v));
            byId.putIfAbsent(id, new Member(id, value));
        }
        return new ArrayList<>(byId.values());
    }

    /** The members as the resource shows them. */
    public static List<Object> memberValues(List<Member> members) {
        List<Object> values = new ArrayList<>(members.size());
        members.forEach(member -> values.add(member.value()));
        return values;
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a SCIM value could not be written as JSON", e);
        }
    }

    /** A member object read back from its row. */
    public static Map<String, Object> memberFromJson(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> value = JSON.readValue(json, LinkedHashMap.class);
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored group member is not a JSON object", e);
        }
    }

    /** Case folding as scim-model compares caseExact=false strings (locale-independent). */
    public static String fold(String text) {
        return text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** The top-level string attribute {@code name}, compared case-insensitively. */
    public static Optional<String> string(Map<String, ?> attributes, String name) {
        for (Map.Entry<String, ?> entry : attributes.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && entry.getValue() instanceof String text) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}

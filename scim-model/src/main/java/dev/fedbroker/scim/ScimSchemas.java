package dev.fedbroker.scim;

import dev.fedbroker.scim.internal.StandardSchemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The resource types a SCIM service serves, with their schemas: by default User (with the Enterprise User extension)
 * and Group, as RFC 7643 defines them. Immutable and thread-safe.
 */
public final class ScimSchemas {
    /** The core User schema URN. */
    public static final String USER = StandardSchemas.USER_URN;
    /** The Enterprise User extension schema URN. */
    public static final String ENTERPRISE_USER = StandardSchemas.ENTERPRISE_USER_URN;
    /** The core Group schema URN. */
    public static final String GROUP = StandardSchemas.GROUP_URN;
    /** The User resource type name. */
    public static final String USER_TYPE = "User";
    /** The Group resource type name. */
    public static final String GROUP_TYPE = "Group";

    private final Map<String, ScimResourceType> byName;
    private final List<ScimResourceType> ordered;

    private ScimSchemas(List<ScimResourceType> types) {
        Map<String, ScimResourceType> map = new LinkedHashMap<>();
        for (ScimResourceType type : types) {
            if (map.put(type.name().toLowerCase(Locale.ROOT), type) != null) {
                throw new IllegalArgumentException("resource type '" + type.name() + "' is listed twice");
            }
        }
        if (!map.containsKey("user") || !map.containsKey("group")) {
            throw new IllegalArgumentException("a SCIM service for Azure AD serves both 'User' and 'Group'; found "
                    + map.keySet());
        }
        this.byName = Map.copyOf(map);
        this.ordered = List.copyOf(types);
    }

    /** User (core + optional Enterprise User extension) and Group, as RFC 7643 defines them. */
    public static ScimSchemas standard() {
        return new ScimSchemas(List.of(
                new ScimResourceType(USER_TYPE, "/Users", "User Account", StandardSchemas.USER,
                        List.of(new ScimResourceType.Extension(StandardSchemas.ENTERPRISE_USER, false))),
                new ScimResourceType(GROUP_TYPE, "/Groups", "Group", StandardSchemas.GROUP, List.of())));
    }

    /** These schemas with {@code extension} added to the resource type named {@code resourceType}. */
    public ScimSchemas withExtension(String resourceType, ScimSchema extension, boolean required) {
        Objects.requireNonNull(extension, "extension");
        ScimResourceType target = resourceType(resourceType).orElseThrow(() -> new IllegalArgumentException(
                "no resource type '" + resourceType + "'; known: " + names()));
        List<ScimResourceType> types = new ArrayList<>();
        for (ScimResourceType type : ordered) {
            types.add(type == target ? type.withExtension(extension, required) : type);
        }
        return new ScimSchemas(types);
    }

    /** The resource type with this name ("User"), compared case-insensitively. */
    public Optional<ScimResourceType> resourceType(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The resource type served at this endpoint ("/Users"), compared case-insensitively. */
    public Optional<ScimResourceType> byEndpoint(String endpoint) {
        for (ScimResourceType type : ordered) {
            if (type.endpoint().equalsIgnoreCase(endpoint)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Every resource type, in the order they were defined. */
    public List<ScimResourceType> resourceTypes() {
        return ordered;
    }

    /** Every schema (core schemas and extensions), each once. */
    public List<ScimSchema> schemas() {
        Map<String, ScimSchema> all = new LinkedHashMap<>();
        for (ScimResourceType type : ordered) {
            all.putIfAbsent(type.schema().id(), type.schema());
            for (ScimResourceType.Extension extension : type.extensions()) {
                all.putIfAbsent(extension.schema().id(), extension.schema());
            }
        }
        return List.copyOf(all.values());
    }

    /** id, externalId and meta: the attributes every resource has, listed in no schema. */
    public static List<ScimAttribute> commonAttributes() {
        return StandardSchemas.COMMON;
    }

    private List<String> names() {
        List<String> names = new ArrayList<>();
        ordered.forEach(type -> names.add(type.name()));
        return names;
    }
}

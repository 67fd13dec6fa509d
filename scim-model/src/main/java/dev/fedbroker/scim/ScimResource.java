package dev.fedbroker.scim;

import dev.fedbroker.scim.internal.JsonValues;
import dev.fedbroker.scim.internal.ResourceJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stored SCIM resource: its type, id, version (the ETag is {@code W/"<version>"}), timestamps and attributes.
 * Attribute values are plain immutable values: String, Boolean, Long, BigDecimal, List and Map (keyed by attribute
 * name); {@code id} and {@code meta} are kept out of {@link #attributes()}. Immutable and thread-safe.
 */
public final class ScimResource {
    private final String resourceType;
    private final String id;
    private final long version;
    private final Instant created;
    private final Instant lastModified;
    private final Map<String, Object> attributes;

    /**
     * @param resourceType the resource type name ("User", "Group")
     * @param id           the server-assigned id
     * @param version      the version, at least 1, incremented by every change
     * @param created      when the resource was created
     * @param lastModified when the resource last changed
     * @param attributes   every attribute except {@code id} and {@code meta}, including {@code schemas}
     */
    public ScimResource(String resourceType, String id, long version, Instant created, Instant lastModified,
                        Map<String, ?> attributes) {
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.id = Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a resource id must not be blank");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a resource version starts at 1; found " + version);
        }
        this.version = version;
        this.created = Objects.requireNonNull(created, "created");
        this.lastModified = Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(attributes, "attributes");
        @SuppressWarnings("unchecked")
        Map<String, Object> copy = (Map<String, Object>) JsonValues.immutableCopy(attributes);
        copy.keySet().forEach(key -> {
            if (key.equalsIgnoreCase("id") || key.equalsIgnoreCase("meta")) {
                throw new IllegalArgumentException("'" + key + "' is not an attribute here; pass it as its own "
                        + "argument");
            }
        });
        this.attributes = copy;
    }

    /**
     * A resource from the JSON text of its attributes, as a store kept it.
     *
     * @throws ScimException with {@link ScimErrorType#INVALID_SYNTAX} when the text is not a JSON object
     */
    public static ScimResource fromJson(String resourceType, String id, long version, Instant created,
                                        Instant lastModified, String attributesJson) {
        return new ScimResource(resourceType, id, version, created, lastModified,
                ResourceJson.attributesFromJson(attributesJson));
    }

    /** The resource type name ("User", "Group"). */
    public String resourceType() {
        return resourceType;
    }

    /** The server-assigned id. */
    public String id() {
        return id;
    }

    /** The version, incremented by every change. */
    public long version() {
        return version;
    }

    /** The ETag / {@code meta.version} value: {@code W/"<version>"}. */
    public String etag() {
        return "W/\"" + version + "\"";
    }

    /** When the resource was created. */
    public Instant created() {
        return created;
    }

    /** When the resource last changed. */
    public Instant lastModified() {
        return lastModified;
    }

    /** Every attribute except {@code id} and {@code meta}; unmodifiable. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The top-level attribute named {@code name}, compared case-insensitively. */
    public Optional<Object> attribute(String name) {
        Object value = attributes.get(name);
        if (value == null) {
            for (Map.Entry<String, Object> entry : attributes.entrySet()) {
                if (entry.getKey().equalsIgnoreCase(name)) {
                    return Optional.of(entry.getValue());
                }
            }
        }
        return Optional.ofNullable(value);
    }

    /** The top-level string attribute named {@code name}, when it is a string. */
    public Optional<String> stringAttribute(String name) {
        return attribute(name).filter(String.class::isInstance).map(String.class::cast);
    }

    /** The {@code externalId}, when the client set one. */
    public Optional<String> externalId() {
        return stringAttribute("externalId");
    }

    /** For a Group: the ids in {@code members[].value}, in order. */
    public List<String> memberIds() {
        return ResourceJson.memberIds(this);
    }

    /** The attributes as a JSON object, with {@code id} and {@code meta} (without location). */
    public String toJson() {
        return ResourceJson.toJson(this);
    }

    /** The same resource with other attributes, a new version and a new lastModified. */
    public ScimResource withAttributes(Map<String, ?> newAttributes, long newVersion, Instant modifiedAt) {
        return new ScimResource(resourceType, id, newVersion, created, modifiedAt, newAttributes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScimResource that && resourceType.equals(that.resourceType) && id.equals(that.id)
                && version == that.version && created.equals(that.created) && lastModified.equals(that.lastModified)
                && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resourceType, id, version);
    }

    /** Type, id and version only: attribute values are personal data and stay out of logs. */
    @Override
    public String toString() {
        return "ScimResource[" + resourceType + " " + id + " " + etag() + "]";
    }
}

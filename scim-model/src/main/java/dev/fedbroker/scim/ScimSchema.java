package dev.fedbroker.scim;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM schema (RFC 7643 section 7): its URN, name and attribute definitions. Immutable and thread-safe.
 *
 * @param id          the schema URN, for example {@code urn:ietf:params:scim:schemas:core:2.0:User}
 * @param name        a short name ("User")
 * @param description a human-readable description ("User Account")
 * @param attributes  the attribute definitions (common attributes id, externalId and meta are not listed here)
 */
public record ScimSchema(String id, String name, String description, List<ScimAttribute> attributes) {

    public ScimSchema {
        Objects.requireNonNull(id, "id");
        if (!id.regionMatches(true, 0, "urn:", 0, 4)) {
            throw new IllegalArgumentException("a schema id must be a URN starting with 'urn:'; found '" + id + "'");
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        attributes = List.copyOf(attributes);
    }

    /** The attribute with this name, compared case-insensitively. */
    public Optional<ScimAttribute> attribute(String attributeName) {
        for (ScimAttribute attribute : attributes) {
            if (attribute.name().equalsIgnoreCase(attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}

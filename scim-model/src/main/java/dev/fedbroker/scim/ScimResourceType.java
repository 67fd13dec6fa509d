package dev.fedbroker.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM resource type (RFC 7643 section 6): its name, endpoint, core schema and schema extensions. Immutable and
 * thread-safe.
 *
 * @param name        the resource type name ("User", "Group"), also {@code meta.resourceType}
 * @param endpoint    the endpoint relative to the base URL ("/Users")
 * @param description a human-readable description
 * @param schema      the core schema
 * @param extensions  the schema extensions this resource type accepts
 */
public record ScimResourceType(String name, String endpoint, String description, ScimSchema schema,
                               List<Extension> extensions) {

    public ScimResourceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        if (!endpoint.startsWith("/") || endpoint.length() < 2 || endpoint.indexOf('/', 1) >= 0) {
            throw new IllegalArgumentException("an endpoint is one path segment starting with '/', like '/Users'; "
                    + "found '" + endpoint + "'");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(schema, "schema");
        extensions = List.copyOf(extensions);
    }

    /** The extension whose schema URN is {@code urn}, compared case-insensitively. */
    public Optional<Extension> extension(String urn) {
        for (Extension extension : extensions) {
            if (extension.schema().id().equalsIgnoreCase(urn)) {
                return Optional.of(extension);
            }
        }
        return Optional.empty();
    }

    /** This resource type with one more schema extension (for example a host's custom attributes). */
    public ScimResourceType withExtension(ScimSchema extensionSchema, boolean required) {
        if (extension(extensionSchema.id()).isPresent() || schema.id().equalsIgnoreCase(extensionSchema.id())) {
            throw new IllegalArgumentException("schema '" + extensionSchema.id() + "' is already part of resource type '"
                    + name + "'");
        }
        List<Extension> all = new ArrayList<>(extensions);
        all.add(new Extension(extensionSchema, required));
        return new ScimResourceType(name, endpoint, description, schema, all);
    }

    /**
     * A schema extension of a resource type. Immutable and thread-safe.
     *
     * @param schema   the extension schema
     * @param required whether every resource must carry the extension
     */
    public record Extension(ScimSchema schema, boolean required) {
        public Extension {
            Objects.requireNonNull(schema, "schema");
        }
    }
}

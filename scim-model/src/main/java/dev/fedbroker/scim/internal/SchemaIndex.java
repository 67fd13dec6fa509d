package dev.fedbroker.scim.internal;

import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimSchemas;
import java.util.Optional;

/**
 * Finds where a top-level attribute lives and how the schema defines it. Unqualified names are looked up in the core
 * schema (and the common attributes), then in each extension (so {@code manager} finds the Enterprise User's
 * manager, as Azure AD and AWS send it).
 */
public final class SchemaIndex {
    private SchemaIndex() {
    }

    /**
     * Where an attribute lives.
     *
     * @param container  the extension URN whose object holds the attribute; empty for a top-level attribute
     * @param name       the attribute name, canonical when the schema knows it, as written otherwise
     * @param definition the definition, when the schema knows the attribute
     * @param knownUrn   false when the path named a URN that is neither the core schema nor an extension
     */
    public record Location(Optional<String> container, String name, Optional<ScimAttribute> definition,
                           boolean knownUrn) {
    }

    /** Resolves the top-level attribute of {@code path} (its sub-attribute is ignored). */
    public static Location resolve(ScimResourceType type, AttributePath path) {
        String name = path.attribute();
        if (path.schemaUrn().isPresent()) {
            String urn = path.schemaUrn().get();
            if (urn.equalsIgnoreCase(type.schema().id())) {
                return core(type, name);
            }
            Optional<ScimResourceType.Extension> extension = type.extension(urn);
            if (extension.isPresent()) {
                Optional<ScimAttribute> definition = extension.get().schema().attribute(name);
                return new Location(Optional.of(extension.get().schema().id()),
                        definition.map(ScimAttribute::name).orElse(name), definition, true);
            }
            return new Location(Optional.of(urn), name, Optional.empty(), false);
        }
        Location core = core(type, name);
        if (core.definition().isPresent()) {
            return core;
        }
        for (ScimResourceType.Extension extension : type.extensions()) {
            Optional<ScimAttribute> definition = extension.schema().attribute(name);
            if (definition.isPresent()) {
                return new Location(Optional.of(extension.schema().id()), definition.get().name(), definition, true);
            }
        }
        return core;
    }

    /** A core-schema or common attribute (id, externalId, meta) by name, case-insensitively. */
    public static Optional<ScimAttribute> coreAttribute(ScimResourceType type, String name) {
        Optional<ScimAttribute> definition = type.schema().attribute(name);
        if (definition.isEmpty()) {
            for (ScimAttribute common : ScimSchemas.commonAttributes()) {
                if (common.name().equalsIgnoreCase(name)) {
                    definition = Optional.of(common);
                }
            }
        }
        return definition;
    }

    private static Location core(ScimResourceType type, String name) {
        Optional<ScimAttribute> definition = coreAttribute(type, name);
        return new Location(Optional.empty(), definition.map(ScimAttribute::name).orElse(name), definition, true);
    }
}

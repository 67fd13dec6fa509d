package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimSchema;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a POST or PUT body into the canonical attributes of a resource. Rules, in the spirit of "be strict about
 * what changes state, lenient about noise":
 * <ul>
 *   <li>{@code schemas} must list the resource type's core schema ({@code invalidSyntax} otherwise); URNs we do not
 *       know, listed without data (Azure AD's {@code ADSCIM/2.0/Group}), are dropped;</li>
 *   <li>an object keyed by a schema URN that is not an extension of the resource type is {@code invalidSyntax};</li>
 *   <li>{@code id}, {@code meta} and other readOnly attributes are ignored (RFC 7643 7); {@code password} is dropped
 *       (changePassword is not supported and we keep no secrets); attributes no schema defines are dropped;</li>
 *   <li>required attributes (userName, group displayName) must be present ({@code invalidValue});</li>
 *   <li>at most one value of a multi-valued attribute may be primary ({@code invalidValue}).</li>
 * </ul>
 */
public final class ResourceNormalizer {
    private static final Logger LOG = LoggerFactory.getLogger(ResourceNormalizer.class);

    private ResourceNormalizer() {
    }

    /** The canonical attributes (schemas first; no id, no meta). */
    public static ObjectNode normalizeBody(ObjectNode body, ScimResourceType type) {
        requireCoreSchema(body, type);
        ObjectNode out = JsonValues.object();
        out.set("schemas", JsonValues.field(body, "schemas").deepCopy());
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            if (key.regionMatches(true, 0, "urn:", 0, 4)) {
                extension(out, key, field.getValue(), type);
                continue;
            }
            ScimAttribute definition = SchemaIndex.coreAttribute(type, key).orElse(null);
            if (definition == null) {
                LOG.debug("dropping attribute '{}': not defined by the {} core schema", key, type.name());
                continue;
            }
            put(out, definition, field.getValue(), definition.name());
        }
        finish(out, type);
        return out;
    }

    /** Checks a finished resource (after PATCH): schemas in step with extension objects, required, primary. */
    public static void finish(ObjectNode attributes, ScimResourceType type) {
        syncSchemas(attributes, type);
        for (ScimAttribute attribute : type.schema().attributes()) {
            checkAttribute(attributes, attribute, attribute.name());
        }
        for (ScimResourceType.Extension extension : type.extensions()) {
            JsonNode object = JsonValues.field(attributes, extension.schema().id());
            if (object == null && extension.required()) {
                throw new ScimException(ScimErrorType.INVALID_VALUE, "Schema extension '" + extension.schema().id()
                        + "' is required for " + type.name() + " resources.");
            }
            for (ScimAttribute attribute : extension.schema().attributes()) {
                if (object != null) {
                    checkAttribute(object, attribute, extension.schema().id() + ":" + attribute.name());
                }
            }
        }
    }

    private static void checkAttribute(JsonNode holder, ScimAttribute attribute, String where) {
        JsonNode value = JsonValues.field(holder, attribute.name());
        if (attribute.required() && (ValueNormalizer.isUnassigned(value)
                || (value.isTextual() && value.textValue().isBlank()))) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "Attribute '" + where + "' is required.");
        }
        if (attribute.multiValued() && value != null && value.isArray()) {
            int primaries = 0;
            for (JsonNode element : value) {
                JsonNode primary = JsonValues.field(element, "primary");
                if (primary != null && primary.isBoolean() && primary.booleanValue()) {
                    primaries++;
                }
            }
            if (primaries > 1) {
                throw new ScimException(ScimErrorType.INVALID_VALUE, "Attribute '" + where + "' has " + primaries
                        + " values marked primary; at most one may be (RFC 7643 2.4).");
            }
        }
    }

    private static void extension(ObjectNode out, String key, JsonNode value, ScimResourceType type) {
        ScimResourceType.Extension extension = type.extension(key).orElseThrow(() -> new ScimException(
                ScimErrorType.INVALID_SYNTAX, "'" + key + "' is not a schema extension of " + type.name()
                + " resources; known: " + extensionIds(type) + ". Remove it from the mapping or register the "
                + "extension with ScimSchemas.withExtension."));
        if (ValueNormalizer.isUnassigned(value)) {
            return;
        }
        if (!value.isObject()) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "Extension '" + key + "' must be a JSON object.");
        }
        ScimSchema schema = extension.schema();
        ObjectNode target = JsonValues.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            ScimAttribute definition = schema.attribute(field.getKey()).orElse(null);
            if (definition == null) {
                LOG.debug("dropping attribute '{}': not defined by {}", field.getKey(), schema.id());
                continue;
            }
            put(target, definition, field.getValue(), schema.id() + ":" + definition.name());
        }
        if (!target.isEmpty()) {
            out.set(schema.id(), target);
        }
    }

    private static void put(ObjectNode target, ScimAttribute definition, JsonNode value, String where) {
        if (definition.mutability() == ScimAttribute.Mutability.READ_ONLY
                || definition.mutability() == ScimAttribute.Mutability.WRITE_ONLY) {
            return;
        }
        JsonNode normalized = ValueNormalizer.normalize(value, definition, where);
        if (normalized != null) {
            target.set(definition.name(), normalized);
        }
    }

    private static void requireCoreSchema(ObjectNode body, ScimResourceType type) {
        JsonNode schemas = JsonValues.field(body, "schemas");
        if (schemas == null || !schemas.isArray()) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "The body must carry \"schemas\": [\""
                    + type.schema().id() + "\"] (RFC 7643 3).");
        }
        for (JsonNode urn : schemas) {
            if (!urn.isTextual()) {
                throw new ScimException(ScimErrorType.INVALID_SYNTAX, "\"schemas\" must be an array of URN strings.");
            }
            if (urn.textValue().equalsIgnoreCase(type.schema().id())) {
                return;
            }
        }
        throw new ScimException(ScimErrorType.INVALID_SYNTAX, "\"schemas\" must list \"" + type.schema().id()
                + "\" for a " + type.name() + "; found " + schemas + ".");
    }

    /**
     * schemas = the core URN, then each extension URN that was listed or whose object is present, in the order the
     * resource type defines them (a client may list an extension it sends no attribute of, as Azure AD does).
     */
    static void syncSchemas(ObjectNode attributes, ScimResourceType type) {
        JsonNode listed = JsonValues.field(attributes, "schemas");
        ArrayNode schemas = JsonValues.array().add(type.schema().id());
        for (ScimResourceType.Extension extension : type.extensions()) {
            String id = extension.schema().id();
            boolean declared = false;
            if (listed != null && listed.isArray()) {
                for (JsonNode urn : listed) {
                    declared |= urn.isTextual() && urn.textValue().equalsIgnoreCase(id);
                }
            }
            String field = JsonValues.fieldName(attributes, id);
            if (field != null) {
                JsonNode object = attributes.remove(field);
                if (!ValueNormalizer.isUnassigned(object)) {
                    attributes.set(id, object);
                    declared = true;
                }
            }
            if (declared) {
                schemas.add(id);
            }
        }
        String existing = JsonValues.fieldName(attributes, "schemas");
        if (existing != null) {
            attributes.remove(existing);
        }
        ObjectNode reordered = JsonValues.object();
        reordered.set("schemas", schemas);
        reordered.setAll(attributes);
        attributes.removeAll();
        attributes.setAll(reordered);
    }

    private static List<String> extensionIds(ScimResourceType type) {
        List<String> ids = new ArrayList<>();
        type.extensions().forEach(extension -> ids.add(extension.schema().id()));
        return ids;
    }
}

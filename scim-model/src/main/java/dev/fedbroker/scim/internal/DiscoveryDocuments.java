package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimSchema;
import java.util.List;

/** The discovery documents of RFC 7644 section 4: /ServiceProviderConfig, /ResourceTypes and /Schemas. */
public final class DiscoveryDocuments {
    private static final String SPC_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
    private static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
    private static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";

    private DiscoveryDocuments() {
    }

    /** What this server supports; authentication is the host's job, announced as OAuth bearer tokens. */
    public static ObjectNode serviceProviderConfig(EndpointConfig config) {
        ObjectNode spc = JsonValues.object();
        spc.putArray("schemas").add(SPC_SCHEMA);
        spc.put("documentationUri", "https://www.rfc-editor.org/rfc/rfc7644");
        spc.putObject("patch").put("supported", true);
        ObjectNode bulk = spc.putObject("bulk");
        bulk.put("supported", true);
        bulk.put("maxOperations", config.maxBulkOperations());
        bulk.put("maxPayloadSize", config.codec().maxBodyBytes());
        ObjectNode filter = spc.putObject("filter");
        filter.put("supported", true);
        filter.put("maxResults", config.maxResults());
        spc.putObject("changePassword").put("supported", false);
        spc.putObject("sort").put("supported", true);
        spc.putObject("etag").put("supported", true);
        ObjectNode scheme = spc.putArray("authenticationSchemes").addObject();
        scheme.put("type", "oauthbearertoken");
        scheme.put("name", "OAuth Bearer Token");
        scheme.put("description", "Authentication scheme using the OAuth Bearer Token Standard");
        scheme.put("specUri", "https://www.rfc-editor.org/info/rfc6750");
        scheme.put("primary", true);
        meta(spc, "ServiceProviderConfig", config.baseUrl() + "/ServiceProviderConfig");
        return spc;
    }

    /** One ResourceType document. */
    public static ObjectNode resourceType(ScimResourceType type, EndpointConfig config) {
        ObjectNode node = JsonValues.object();
        node.putArray("schemas").add(RESOURCE_TYPE_SCHEMA);
        node.put("id", type.name());
        node.put("name", type.name());
        node.put("endpoint", type.endpoint());
        node.put("description", type.description());
        node.put("schema", type.schema().id());
        ArrayNode extensions = node.putArray("schemaExtensions");
        for (ScimResourceType.Extension extension : type.extensions()) {
            ObjectNode entry = extensions.addObject();
            entry.put("schema", extension.schema().id());
            entry.put("required", extension.required());
        }
        meta(node, "ResourceType", config.baseUrl() + "/ResourceTypes/" + type.name());
        return node;
    }

    /** One Schema document. */
    public static ObjectNode schema(ScimSchema schema, EndpointConfig config) {
        ObjectNode node = JsonValues.object();
        node.putArray("schemas").add(SCHEMA_SCHEMA);
        node.put("id", schema.id());
        node.put("name", schema.name());
        node.put("description", schema.description());
        attributes(node.putArray("attributes"), schema.attributes());
        meta(node, "Schema", config.baseUrl() + "/Schemas/" + schema.id());
        return node;
    }

    /** A ListResponse of documents (discovery endpoints are not paged or filtered). */
    public static ObjectNode list(List<ObjectNode> documents) {
        ObjectNode list = JsonValues.object();
        list.putArray("schemas").add(Responses.LIST_SCHEMA);
        list.put("totalResults", documents.size());
        list.put("itemsPerPage", documents.size());
        list.put("startIndex", 1);
        ArrayNode resources = list.putArray("Resources");
        documents.forEach(resources::add);
        return list;
    }

    private static void attributes(ArrayNode out, List<ScimAttribute> attributes) {
        for (ScimAttribute attribute : attributes) {
            ObjectNode node = out.addObject();
            node.put("name", attribute.name());
            node.put("type", attribute.type().wireName());
            node.put("multiValued", attribute.multiValued());
            node.put("description", attribute.description());
            node.put("required", attribute.required());
            node.put("caseExact", attribute.caseExact());
            node.put("mutability", attribute.mutability().wireName());
            node.put("returned", attribute.returned().wireName());
            node.put("uniqueness", attribute.uniqueness().wireName());
            if (!attribute.canonicalValues().isEmpty()) {
                ArrayNode values = node.putArray("canonicalValues");
                attribute.canonicalValues().forEach(values::add);
            }
            if (!attribute.referenceTypes().isEmpty()) {
                ArrayNode types = node.putArray("referenceTypes");
                attribute.referenceTypes().forEach(types::add);
            }
            if (!attribute.subAttributes().isEmpty()) {
                attributes(node.putArray("subAttributes"), attribute.subAttributes());
            }
        }
    }

    private static void meta(ObjectNode node, String resourceType, String location) {
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", resourceType);
        meta.put("location", location);
    }
}

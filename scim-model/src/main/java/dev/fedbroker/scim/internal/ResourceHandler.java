package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimResponse;
import dev.fedbroker.scim.ScimSchemas;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Single-resource operations: GET, POST, PUT, PATCH, DELETE on /Users and /Groups. Every write is one atomic store
 * call; a PATCH is computed on a copy and committed with the version it was computed on, and recomputed (a few
 * times) when another write got there first, so it never overwrites a concurrent change.
 */
public final class ResourceHandler {
    /** How often a PATCH is recomputed after losing a race before answering 409. */
    static final int PATCH_ATTEMPTS = 10;

    private final EndpointConfig config;

    public ResourceHandler(EndpointConfig config) {
        this.config = config;
    }

    public ScimResponse get(ScimRequest request, ScimResourceType type, String id) {
        ScimResource resource = existing(type, id);
        if (Preconditions.notModified(request, resource)) {
            return Responses.empty(304, Map.of("ETag", resource.etag()));
        }
        return respond(200, resource, type, request, false);
    }

    public ScimResponse create(ScimRequest request, ScimResourceType type) {
        ObjectNode attributes = ResourceNormalizer.normalizeBody(body(request), type);
        ScimResource created = config.store().create(type.name(), toMap(attributes));
        return respond(201, created, type, request, true);
    }

    public ScimResponse replace(ScimRequest request, ScimResourceType type, String id) {
        ObjectNode attributes = ResourceNormalizer.normalizeBody(body(request), type);
        ScimResource current = existing(type, id);
        OptionalLong expected = Preconditions.forWrite(request, current);
        ScimResource updated = config.store().replace(type.name(), id, toMap(attributes), expected);
        return respond(200, updated, type, request, false);
    }

    public ScimResponse patch(ScimRequest request, ScimResourceType type, String id) {
        PatchRequest patch = PatchRequest.parse(body(request), config.maxPatchOperations());
        for (int attempt = 1; ; attempt++) {
            ScimResource current = existing(type, id);
            OptionalLong clientExpected = Preconditions.forWrite(request, current);
            ObjectNode attributes = PatchEngine.apply(ResourceJson.toNode(current), patch, type);
            Map<String, Object> changed = toMap(attributes);
            ScimResource result = current;
            if (!withoutGroups(changed).equals(withoutGroups(current.attributes()))) {
                try {
                    result = config.store().replace(type.name(), id, changed, OptionalLong.of(current.version()));
                } catch (ScimException e) {
                    if (e.type() != ScimErrorType.PRECONDITION_FAILED || clientExpected.isPresent()) {
                        throw e;
                    }
                    if (attempt >= PATCH_ATTEMPTS) {
                        throw new ScimException(ScimErrorType.CONFLICT, type.name() + " " + id + " kept changing "
                                + "while this PATCH was applied; retry it.", e);
                    }
                    continue;
                }
            }
            if (type.name().equalsIgnoreCase(ScimSchemas.GROUP_TYPE)) {
                return Responses.empty(204, Map.of("ETag", result.etag()));
            }
            return respond(200, result, type, request, false);
        }
    }

    public ScimResponse delete(ScimRequest request, ScimResourceType type, String id) {
        ScimResource current = existing(type, id);
        config.store().delete(type.name(), id, Preconditions.forWrite(request, current));
        return Responses.empty(204, Map.of());
    }

    /** The resource's JSON form with meta.location, as the projection asks. */
    public ObjectNode render(ScimResource resource, ScimResourceType type, Projection projection) {
        ObjectNode node = ResourceJson.toNode(resource);
        ((ObjectNode) node.get("meta")).put("location", config.location(type.endpoint(), resource.id()));
        return projection.apply(node, type);
    }

    private ScimResponse respond(int status, ScimResource resource, ScimResourceType type, ScimRequest request,
                                 boolean created) {
        Projection projection = Projection.of(request.queryParameter("attributes"),
                request.queryParameter("excludedAttributes"), type);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", resource.etag());
        if (created) {
            headers.put("Location", config.location(type.endpoint(), resource.id()));
        }
        return Responses.json(status, render(resource, type, projection), config.codec(), headers);
    }

    private ScimResource existing(ScimResourceType type, String id) {
        return config.store().get(type.name(), id).orElseThrow(() -> new ScimException(ScimErrorType.NOT_FOUND,
                type.name() + " '" + id + "' not found."));
    }

    private ObjectNode body(ScimRequest request) {
        return config.codec().parseObject(request.body().orElseThrow(() -> new ScimException(
                ScimErrorType.INVALID_SYNTAX, "This request needs a JSON body.")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(ObjectNode attributes) {
        return (Map<String, Object>) JsonValues.toValue(attributes);
    }

    private static Map<String, Object> withoutGroups(Map<String, Object> attributes) {
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        copy.remove("groups");
        return copy;
    }
}

package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds SCIM responses: JSON bodies with the SCIM media type, and RFC 7644 3.12 Error bodies. */
public final class Responses {
    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    /** Seconds a client should wait after a 503 (the store lost its backend). */
    static final String RETRY_AFTER_SECONDS = "5";

    private Responses() {
    }

    /** A JSON response. */
    public static ScimResponse json(int status, JsonNode body, JsonCodec codec, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", ScimResponse.CONTENT_TYPE);
        headers.putAll(extraHeaders);
        return new ScimResponse(status, headers, Optional.of(codec.write(body)));
    }

    /** A response without body (204, 304). */
    public static ScimResponse empty(int status, Map<String, String> headers) {
        return new ScimResponse(status, headers, Optional.empty());
    }

    /** The Error body for a failure. */
    public static ObjectNode errorBody(ScimException e) {
        ObjectNode body = JsonValues.object();
        body.putArray("schemas").add(ERROR_SCHEMA);
        body.put("status", String.valueOf(e.status()));
        e.type().scimType().ifPresent(type -> body.put("scimType", type));
        body.put("detail", e.getMessage());
        return body;
    }

    /** The Error response for a failure. */
    public static ScimResponse error(ScimException e, JsonCodec codec) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (e.type() == ScimErrorType.UNAVAILABLE) {
            headers.put("Retry-After", RETRY_AFTER_SECONDS);
        }
        return json(e.status(), errorBody(e), codec, headers);
    }
}

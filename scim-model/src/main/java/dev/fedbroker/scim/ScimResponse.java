package dev.fedbroker.scim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the SCIM endpoint answers: status, headers (Content-Type {@code application/scim+json} with a body,
 * {@code Location} on 201, {@code ETag} for single resources) and an optional JSON body. Immutable and thread-safe.
 *
 * @param status  the HTTP status
 * @param headers the response headers
 * @param body    the JSON body, absent for 204 and 304
 */
public record ScimResponse(int status, Map<String, String> headers, Optional<String> body) {
    /** The SCIM media type (RFC 7644 3.1). */
    public static final String CONTENT_TYPE = "application/scim+json";

    public ScimResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        Objects.requireNonNull(body, "body");
    }

    /** A header value, matched case-insensitively. */
    public Optional<String> header(String name) {
        for (Map.Entry<String, String> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }
}

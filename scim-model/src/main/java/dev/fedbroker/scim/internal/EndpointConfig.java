package dev.fedbroker.scim.internal;

import dev.fedbroker.scim.ScimResourceStore;
import dev.fedbroker.scim.ScimSchemas;
import java.util.Objects;

/**
 * What the endpoint's handlers share, fixed at build time.
 *
 * @param store              the resource store
 * @param schemas            the resource types served
 * @param baseUrl            the absolute base URL, without a trailing slash
 * @param maxResults         the largest page
 * @param codec              the JSON codec with its limits
 * @param maxPatchOperations the most operations in one PATCH
 * @param maxBulkOperations  the most operations in one bulk request
 */
public record EndpointConfig(ScimResourceStore store, ScimSchemas schemas, String baseUrl, int maxResults,
                             JsonCodec codec, int maxPatchOperations, int maxBulkOperations) {
    public EndpointConfig {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(schemas, "schemas");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(codec, "codec");
    }

    /** The absolute location of a resource. */
    public String location(String endpoint, String id) {
        return baseUrl + endpoint + "/" + id;
    }
}

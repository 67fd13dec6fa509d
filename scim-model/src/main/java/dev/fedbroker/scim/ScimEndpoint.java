package dev.fedbroker.scim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.internal.BulkHandler;
import dev.fedbroker.scim.internal.DiscoveryDocuments;
import dev.fedbroker.scim.internal.EndpointConfig;
import dev.fedbroker.scim.internal.JsonCodec;
import dev.fedbroker.scim.internal.ListHandler;
import dev.fedbroker.scim.internal.ResourceHandler;
import dev.fedbroker.scim.internal.Responses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SCIM 2.0 service provider (RFC 7644) that Azure AD can provision into, independent of any web framework: the
 * host passes each request under its SCIM base path to {@link #handle(ScimRequest)} and writes the response back.
 * Serves /Users, /Groups (list, filter, sort, page, attributes, get, create, replace, PATCH, delete), /.search,
 * /Bulk, /ServiceProviderConfig, /ResourceTypes and /Schemas; /Me answers 501.
 *
 * <p><b>No authentication happens here</b>: the host must authenticate every request (for Azure AD, the bearer
 * "Secret Token" configured in the enterprise app) before calling {@code handle}. Bad input always gets a SCIM Error
 * with the right status and scimType; unexpected failures get a bare 500 Error without details. Thread-safe.
 *
 * <pre>{@code
 * ScimEndpoint scim = ScimEndpoint.builder()
 *         .store(InMemoryScimResourceStore.builder().build())
 *         .baseUrl(URI.create("https://broker.example.com/scim/v2"))
 *         .build();
 * ScimResponse response = scim.handle(ScimRequest.of("GET", "/Users?filter=userName%20eq%20%22a%40b.c%22", null));
 * }</pre>
 */
public final class ScimEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(ScimEndpoint.class);

    private final EndpointConfig config;
    private final ResourceHandler resources;
    private final ListHandler lists;
    private final BulkHandler bulk;

    private ScimEndpoint(Builder builder) {
        Objects.requireNonNull(builder.store, "store: call ScimEndpoint.builder().store(...)");
        Objects.requireNonNull(builder.baseUrl, "baseUrl: call ScimEndpoint.builder().baseUrl(...)");
        String base = builder.baseUrl.toString();
        this.config = new EndpointConfig(builder.store, builder.schemas,
                base.endsWith("/") ? base.substring(0, base.length() - 1) : base, builder.maxResults,
                new JsonCodec(builder.maxBodyBytes, builder.maxDepth, builder.maxStringLength),
                builder.maxPatchOperations, builder.maxBulkOperations);
        this.resources = new ResourceHandler(config);
        this.lists = new ListHandler(config, resources);
        this.bulk = new BulkHandler(config, request -> handle(request, false));
    }

    /** A builder. Not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    /** Answers one (already authenticated) request. Never throws for bad input. */
    public ScimResponse handle(ScimRequest request) {
        Objects.requireNonNull(request, "request");
        return handle(request, true);
    }

    private ScimResponse handle(ScimRequest request, boolean bulkAllowed) {
        try {
            return route(request, bulkAllowed);
        } catch (ScimException e) {
            LOG.debug("SCIM {} {} -> {} {}", request.method(), request.path(), e.status(),
                    e.type().scimType().orElse(""));
            return Responses.error(e, config.codec());
        } catch (RuntimeException | StackOverflowError e) {
            LOG.error("SCIM {} {} failed unexpectedly", request.method(), request.path(), e);
            return Responses.error(new ScimException(ScimErrorType.INTERNAL, "Internal server error."),
                    config.codec());
        }
    }

    private ScimResponse route(ScimRequest request, boolean bulkAllowed) {
        String method = request.method().toUpperCase(Locale.ROOT);
        List<String> segments = new ArrayList<>();
        for (String segment : request.path().split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        if (segments.isEmpty()) {
            throw notFound(request);
        }
        String first = segments.get(0);
        if (first.equalsIgnoreCase("Me")) {
            throw new ScimException(ScimErrorType.NOT_IMPLEMENTED, "/Me is not supported: this service provider "
                    + "does not know which resource the authenticated subject is.");
        }
        if (first.equalsIgnoreCase("ServiceProviderConfig") && segments.size() == 1) {
            allow(method, "GET");
            return json(DiscoveryDocuments.serviceProviderConfig(config));
        }
        if (first.equalsIgnoreCase("ResourceTypes") && segments.size() <= 2) {
            allow(method, "GET");
            return resourceTypes(request, segments);
        }
        if (first.equalsIgnoreCase("Schemas") && segments.size() <= 2) {
            allow(method, "GET");
            return schemas(request, segments);
        }
        if (first.equalsIgnoreCase("Bulk") && segments.size() == 1 && bulkAllowed) {
            allow(method, "POST");
            return bulk.handle(request);
        }
        if (first.equals(".search") && segments.size() == 1) {
            allow(method, "POST");
            return lists.search(request, config.schemas().resourceTypes());
        }
        ScimResourceType type = config.schemas().byEndpoint("/" + first).orElseThrow(() -> notFound(request));
        if (segments.size() == 1) {
            allow(method, "GET", "POST");
            return method.equals("GET") ? lists.list(request, type) : resources.create(request, type);
        }
        if (segments.size() != 2) {
            throw notFound(request);
        }
        if (segments.get(1).equals(".search")) {
            allow(method, "POST");
            return lists.search(request, List.of(type));
        }
        String id = segments.get(1);
        allow(method, "GET", "PUT", "PATCH", "DELETE");
        return switch (method) {
            case "GET" -> resources.get(request, type, id);
            case "PUT" -> resources.replace(request, type, id);
            case "PATCH" -> resources.patch(request, type, id);
            default -> resources.delete(request, type, id);
        };
    }

    private ScimResponse resourceTypes(ScimRequest request, List<String> segments) {
        if (segments.size() == 2) {
            ScimResourceType type = config.schemas().resourceType(segments.get(1)).orElseThrow(() ->
                    notFound(request));
            return json(DiscoveryDocuments.resourceType(type, config));
        }
        List<ObjectNode> documents = new ArrayList<>();
        config.schemas().resourceTypes().forEach(type -> documents.add(DiscoveryDocuments.resourceType(type,
                config)));
        return json(DiscoveryDocuments.list(documents));
    }

    private ScimResponse schemas(ScimRequest request, List<String> segments) {
        List<ObjectNode> documents = new ArrayList<>();
        for (ScimSchema schema : config.schemas().schemas()) {
            if (segments.size() == 1) {
                documents.add(DiscoveryDocuments.schema(schema, config));
            } else if (schema.id().equalsIgnoreCase(segments.get(1))) {
                return json(DiscoveryDocuments.schema(schema, config));
            }
        }
        if (segments.size() == 2) {
            throw notFound(request);
        }
        return json(DiscoveryDocuments.list(documents));
    }

    private ScimResponse json(ObjectNode body) {
        return Responses.json(200, body, config.codec(), Map.of());
    }

    private static void allow(String method, String... allowed) {
        for (String candidate : allowed) {
            if (candidate.equals(method)) {
                return;
            }
        }
        throw new ScimException(ScimErrorType.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed here; use "
                + String.join(", ", allowed) + ".");
    }

    private static ScimException notFound(ScimRequest request) {
        return new ScimException(ScimErrorType.NOT_FOUND, "No SCIM endpoint at '" + request.path() + "'.");
    }

    /** Builds a {@link ScimEndpoint}. Not thread-safe. */
    public static final class Builder {
        private ScimResourceStore store;
        private URI baseUrl;
        private ScimSchemas schemas = ScimSchemas.standard();
        private int maxResults = 100;
        private int maxBodyBytes = 1_048_576;
        private int maxDepth = 32;
        private int maxStringLength = 100_000;
        private int maxPatchOperations = 1000;
        private int maxBulkOperations = 1000;

        private Builder() {
        }

        /** Where resources live (required). */
        public Builder store(ScimResourceStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * The absolute URL clients use for this endpoint, e.g. {@code https://broker.example.com/scim/v2} (required):
         * {@code meta.location} and {@code Location} are built from it.
         */
        public Builder baseUrl(URI value) {
            Objects.requireNonNull(value, "baseUrl");
            if (!value.isAbsolute() || value.getQuery() != null || value.getFragment() != null) {
                throw new IllegalArgumentException("baseUrl must be absolute, without query or fragment; found '"
                        + value + "'");
            }
            this.baseUrl = value;
            return this;
        }

        /** The resource types and schemas served (default: {@link ScimSchemas#standard()}). */
        public Builder schemas(ScimSchemas value) {
            this.schemas = Objects.requireNonNull(value, "schemas");
            return this;
        }

        /** The largest page a query returns, also advertised as filter.maxResults (default 100). */
        public Builder maxResults(int value) {
            this.maxResults = atLeast(value, 1, "maxResults");
            return this;
        }

        /** The largest request body in UTF-8 bytes, also bulk.maxPayloadSize (default 1 MiB); larger gets 413. */
        public Builder maxBodyBytes(int value) {
            this.maxBodyBytes = atLeast(value, 1024, "maxBodyBytes");
            return this;
        }

        /** The deepest JSON nesting accepted (default 32). */
        public Builder maxDepth(int value) {
            this.maxDepth = atLeast(value, 8, "maxDepth");
            return this;
        }

        /** The longest JSON string accepted, in chars (default 100,000). */
        public Builder maxStringLength(int value) {
            this.maxStringLength = atLeast(value, 1024, "maxStringLength");
            return this;
        }

        /** The most operations in one PATCH (default 1000). */
        public Builder maxPatchOperations(int value) {
            this.maxPatchOperations = atLeast(value, 1, "maxPatchOperations");
            return this;
        }

        /** The most operations in one bulk request, also bulk.maxOperations (default 1000). */
        public Builder maxBulkOperations(int value) {
            this.maxBulkOperations = atLeast(value, 1, "maxBulkOperations");
            return this;
        }

        public ScimEndpoint build() {
            return new ScimEndpoint(this);
        }

        private static int atLeast(int value, int minimum, String name) {
            if (value < minimum) {
                throw new IllegalArgumentException(name + " must be at least " + minimum + "; found " + value);
            }
            return value;
        }
    }
}

package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimFilter;
import dev.fedbroker.scim.ScimPage;
import dev.fedbroker.scim.ScimQuery;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimResourceType;
import dev.fedbroker.scim.ScimResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Queries: GET on a resource endpoint and POST .search (RFC 7644 3.4.2, 3.4.3), answered with a ListResponse that
 * always carries {@code Resources} (empty when nothing matches, as Azure AD's connection test expects). startIndex
 * below 1 counts as 1, a negative count as 0, and count is capped at maxResults.
 */
public final class ListHandler {
    public static final String SEARCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    private final EndpointConfig config;
    private final ResourceHandler resources;

    public ListHandler(EndpointConfig config, ResourceHandler resources) {
        this.config = config;
        this.resources = resources;
    }

    /** The parameters of a query, from the URL or from a SearchRequest body. */
    record Params(Optional<String> filter, Optional<String> sortBy, Optional<String> sortOrder,
                  Optional<String> startIndex, Optional<String> count, List<String> attributes,
                  List<String> excluded) {
    }

    public ScimResponse list(ScimRequest request, ScimResourceType type) {
        return execute(List.of(type), new Params(request.queryParameter("filter"), request.queryParameter("sortBy"),
                request.queryParameter("sortOrder"), request.queryParameter("startIndex"),
                request.queryParameter("count"), split(request.queryParameter("attributes")),
                split(request.queryParameter("excludedAttributes"))));
    }

    /** POST .search, on one endpoint or (types = all) at the root. */
    public ScimResponse search(ScimRequest request, List<ScimResourceType> types) {
        ObjectNode body = config.codec().parseObject(request.body().orElseThrow(() -> new ScimException(
                ScimErrorType.INVALID_SYNTAX, "A .search request needs a SearchRequest body.")));
        JsonNode schemas = JsonValues.field(body, "schemas");
        if (schemas == null || !schemas.toString().toLowerCase(java.util.Locale.ROOT)
                .contains(SEARCH_SCHEMA.toLowerCase(java.util.Locale.ROOT))) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "A .search body must carry \"schemas\": [\""
                    + SEARCH_SCHEMA + "\"].");
        }
        return execute(types, new Params(text(body, "filter"), text(body, "sortBy"), text(body, "sortOrder"),
                text(body, "startIndex"), text(body, "count"), strings(body, "attributes"),
                strings(body, "excludedAttributes")));
    }

    private ScimResponse execute(List<ScimResourceType> types, Params params) {
        Optional<ScimFilter> filter = params.filter().filter(f -> !f.isBlank()).map(ScimFilter::parse);
        Optional<AttributePath> sortBy = params.sortBy().filter(s -> !s.isBlank()).map(ListHandler::sortPath);
        boolean descending = descending(params.sortOrder());
        int startIndex = Math.max(1, integer(params.startIndex(), "startIndex", 1));
        int count = Math.min(config.maxResults(), Math.max(0, integer(params.count(), "count",
                config.maxResults())));
        List<Projection> projections = new ArrayList<>();
        for (ScimResourceType type : types) {
            filter.ifPresent(f -> FilterEvaluator.validate(f, type));
            projections.add(Projection.of(params.attributes(), params.excluded(), type));
        }
        // Across several types (a search at the root) the results are each type's in turn: ask each type only for
        // the part of the page that falls in its range, never for everything before startIndex.
        long before = 0;
        int total = 0;
        List<ObjectNode> rendered = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            ScimResourceType type = types.get(i);
            long from = Math.max(1, startIndex - before);
            int take = count - rendered.size();
            ScimPage page = config.store().query(type.name(), new ScimQuery(filter, sortBy, descending,
                    (int) Math.min(Integer.MAX_VALUE, from), take));
            total += page.totalResults();
            before += page.totalResults();
            for (ScimResource resource : page.resources()) {
                rendered.add(resources.render(resource, type, projections.get(i)));
            }
        }
        ObjectNode list = JsonValues.object();
        list.putArray("schemas").add(Responses.LIST_SCHEMA);
        list.put("totalResults", total);
        list.put("itemsPerPage", rendered.size());
        list.put("startIndex", startIndex);
        ArrayNode array = list.putArray("Resources");
        rendered.forEach(array::add);
        return Responses.json(200, list, config.codec(), Map.of());
    }

    private static AttributePath sortPath(String text) {
        try {
            return AttributePath.parse(text.strip());
        } catch (ScimException e) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "sortBy '" + text + "' is not an attribute path.");
        }
    }

    private static boolean descending(Optional<String> sortOrder) {
        if (sortOrder.isEmpty() || sortOrder.get().equalsIgnoreCase("ascending")) {
            return false;
        }
        if (sortOrder.get().equalsIgnoreCase("descending")) {
            return true;
        }
        throw new ScimException(ScimErrorType.INVALID_VALUE, "sortOrder must be 'ascending' or 'descending'; found '"
                + sortOrder.get() + "'.");
    }

    private static int integer(Optional<String> text, String name, int fallback) {
        if (text.isEmpty() || text.get().isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.get().strip());
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        } catch (NumberFormatException e) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, name + " must be an integer; found '" + text.get()
                    + "'.");
        }
    }

    private static List<String> split(Optional<String> text) {
        return text.filter(t -> !t.isBlank()).map(t -> List.of(t)).orElse(List.of());
    }

    private static Optional<String> text(ObjectNode body, String name) {
        JsonNode value = JsonValues.field(body, name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode()) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "'" + name + "' must be a single value.");
        }
        return Optional.of(value.asText());
    }

    private static List<String> strings(ObjectNode body, String name) {
        JsonNode value = JsonValues.field(body, name);
        List<String> out = new ArrayList<>();
        if (value == null || value.isNull()) {
            return out;
        }
        for (JsonNode element : value.isArray() ? value : JsonValues.array().add(value)) {
            if (!element.isTextual()) {
                throw new ScimException(ScimErrorType.INVALID_VALUE, "'" + name + "' must list attribute names.");
            }
            out.add(element.textValue());
        }
        return out;
    }
}

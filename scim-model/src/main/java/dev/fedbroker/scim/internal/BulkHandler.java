package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * /Bulk (RFC 7644 3.7): each operation runs through the same handler as a single request, so each is atomic on its
 * own (a bulk request as a whole is not, as the RFC allows). {@code bulkId:x} references in paths and data are
 * replaced by the id the POST with bulkId x created; an operation that references a later one waits for it, and
 * references that cannot be resolved (unknown, failed, or circular) fail with 409 invalidValue. After
 * {@code failOnErrors} errors the remaining operations are not run.
 */
public final class BulkHandler {
    public static final String REQUEST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    public static final String RESPONSE_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
    private static final String PREFIX = "bulkId:";

    private final EndpointConfig config;
    private final Function<ScimRequest, ScimResponse> dispatch;

    public BulkHandler(EndpointConfig config, Function<ScimRequest, ScimResponse> dispatch) {
        this.config = config;
        this.dispatch = dispatch;
    }

    private record Operation(String method, Optional<String> bulkId, Optional<String> version, String path,
                             JsonNode data) {
    }

    public ScimResponse handle(ScimRequest request) {
        ObjectNode body = config.codec().parseObject(request.body().orElseThrow(() -> new ScimException(
                ScimErrorType.INVALID_SYNTAX, "A bulk request needs a BulkRequest body.")));
        JsonNode schemas = JsonValues.field(body, "schemas");
        if (schemas == null || !schemas.toString().toLowerCase(Locale.ROOT).contains(REQUEST_SCHEMA.toLowerCase(
                Locale.ROOT))) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "A bulk body must carry \"schemas\": [\""
                    + REQUEST_SCHEMA + "\"].");
        }
        JsonNode failOn = JsonValues.field(body, "failOnErrors");
        if (failOn != null && !failOn.isNull() && (!failOn.isIntegralNumber() || failOn.intValue() < 0)) {
            throw new ScimException(ScimErrorType.INVALID_VALUE, "failOnErrors must be a non-negative integer.");
        }
        int failOnErrors = failOn == null || failOn.isNull() ? 0 : failOn.intValue();
        JsonNode operations = JsonValues.field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "A bulk body must carry a non-empty \"Operations\" "
                    + "array.");
        }
        if (operations.size() > config.maxBulkOperations()) {
            throw new ScimException(ScimErrorType.PAYLOAD_TOO_LARGE, "A bulk request may carry at most "
                    + config.maxBulkOperations() + " operations; found " + operations.size() + ".");
        }
        return run(operations, failOnErrors);
    }

    private ScimResponse run(JsonNode operations, int failOnErrors) {
        int n = operations.size();
        ObjectNode[] results = new ObjectNode[n];
        Operation[] parsed = new Operation[n];
        List<Integer> pending = new ArrayList<>();
        Set<String> declared = new HashSet<>();
        for (int i = 0; i < n; i++) {
            try {
                parsed[i] = parse(operations.get(i), i);
                parsed[i].bulkId().ifPresent(declared::add);
                pending.add(i);
            } catch (ScimException e) {
                results[i] = failure(operations.get(i), e);
            }
        }
        Map<String, String> created = new HashMap<>();
        int errors = countErrors(results);
        boolean progress = true;
        while (!pending.isEmpty() && progress && (failOnErrors == 0 || errors < failOnErrors)) {
            progress = false;
            for (Integer index : new ArrayList<>(pending)) {
                Operation operation = parsed[index];
                Set<String> unresolved = references(operation);
                unresolved.removeAll(created.keySet());
                boolean waiting = unresolved.stream().anyMatch(id -> declared.contains(id) && isPending(id, pending,
                        parsed));
                if (waiting) {
                    continue;
                }
                pending.remove(index);
                progress = true;
                results[index] = unresolved.isEmpty() ? execute(operation, created)
                        : failure(operation, unresolvable(unresolved));
                if (isError(results[index])) {
                    errors++;
                    if (failOnErrors > 0 && errors >= failOnErrors) {
                        break;
                    }
                }
            }
        }
        if (failOnErrors == 0 || errors < failOnErrors) {
            for (Integer index : pending) {
                results[index] = failure(parsed[index], unresolvable(references(parsed[index])));
            }
        }
        ObjectNode response = JsonValues.object();
        response.putArray("schemas").add(RESPONSE_SCHEMA);
        ArrayNode out = response.putArray("Operations");
        for (ObjectNode result : results) {
            if (result != null) {
                out.add(result);
            }
        }
        return Responses.json(200, response, config.codec(), Map.of());
    }

    private ObjectNode execute(Operation operation, Map<String, String> created) {
        String path = (String) substitute(TextNode.valueOf(operation.path()), created).textValue();
        if (path.toLowerCase(Locale.ROOT).startsWith("/bulk")) {
            return failure(operation, new ScimException(ScimErrorType.INVALID_VALUE, "Bulk requests cannot nest."));
        }
        JsonNode data = operation.data() == null ? null : substitute(operation.data().deepCopy(), created);
        ScimRequest inner = new ScimRequest(operation.method(), path, Map.of(),
                operation.version().map(v -> Map.of("If-Match", List.of(v))).orElse(Map.of()),
                Optional.ofNullable(data).map(d -> config.codec().write(d)));
        ScimResponse response = dispatch.apply(inner);
        ObjectNode result = JsonValues.object();
        result.put("method", operation.method());
        operation.bulkId().ifPresent(id -> result.put("bulkId", id));
        response.header("ETag").ifPresent(etag -> result.put("version", etag));
        Optional<String> location = response.header("Location");
        if (location.isEmpty() && !operation.method().equals("POST") && response.status() < 400) {
            location = Optional.of(config.baseUrl() + path);
        }
        location.ifPresent(l -> result.put("location", l));
        result.put("status", String.valueOf(response.status()));
        if (response.status() >= 400 && response.body().isPresent()) {
            result.set("response", config.codec().parse(response.body().get()));
        } else if (operation.method().equals("POST") && operation.bulkId().isPresent() && response.body().isPresent()) {
            JsonNode id = config.codec().parse(response.body().get()).get("id");
            if (id != null && id.isTextual()) {
                created.put(operation.bulkId().get(), id.textValue());
            }
        }
        return result;
    }

    private static Operation parse(JsonNode node, int index) {
        if (!node.isObject()) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "Bulk operation " + index + " must be an object.");
        }
        JsonNode method = JsonValues.field(node, "method");
        String verb = method != null && method.isTextual() ? method.textValue().toUpperCase(Locale.ROOT) : "";
        if (!Set.of("POST", "PUT", "PATCH", "DELETE").contains(verb)) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "Bulk operation " + index + ": method must be POST, "
                    + "PUT, PATCH or DELETE.");
        }
        JsonNode path = JsonValues.field(node, "path");
        if (path == null || !path.isTextual() || !path.textValue().startsWith("/")) {
            throw new ScimException(ScimErrorType.INVALID_SYNTAX, "Bulk operation " + index + ": path must be a "
                    + "string like \"/Users\".");
        }
        JsonNode bulkId = JsonValues.field(node, "bulkId");
        JsonNode version = JsonValues.field(node, "version");
        JsonNode data = JsonValues.field(node, "data");
        return new Operation(verb, bulkId != null && bulkId.isTextual() ? Optional.of(bulkId.textValue())
                : Optional.empty(), version != null && version.isTextual() ? Optional.of(version.textValue())
                : Optional.empty(), path.textValue(), data == null || data.isNull() ? null : data);
    }

    /** The bulkIds an operation refers to, in its path and anywhere in its data. */
    private static Set<String> references(Operation operation) {
        Set<String> out = new LinkedHashSet<>();
        collect(TextNode.valueOf(operation.path()), out);
        if (operation.data() != null) {
            collect(operation.data(), out);
        }
        return out;
    }

    private static void collect(JsonNode node, Set<String> out) {
        if (node.isTextual()) {
            String text = node.textValue();
            int at = text.indexOf(PREFIX);
            if (at >= 0) {
                out.add(text.substring(at + PREFIX.length()).split("[/?]")[0]);
            }
        }
        node.forEach(child -> collect(child, out));
    }

    private static JsonNode substitute(JsonNode node, Map<String, String> created) {
        if (node.isTextual()) {
            String text = node.textValue();
            for (Map.Entry<String, String> entry : created.entrySet()) {
                text = text.replace(PREFIX + entry.getKey(), entry.getValue());
            }
            return TextNode.valueOf(text);
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, substitute(object.get(name), created)));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), created));
            }
        }
        return node;
    }

    private static boolean isPending(String bulkId, List<Integer> pending, Operation[] parsed) {
        for (Integer index : pending) {
            if (parsed[index].bulkId().filter(bulkId::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static ScimException unresolvable(Set<String> bulkIds) {
        return new ScimException(ScimErrorType.CONFLICT, "bulkId reference(s) " + bulkIds + " could not be resolved "
                + "(unknown, failed, or circular).");
    }

    private ObjectNode failure(Operation operation, ScimException e) {
        ObjectNode result = JsonValues.object();
        result.put("method", operation.method());
        operation.bulkId().ifPresent(id -> result.put("bulkId", id));
        return withError(result, e);
    }

    private ObjectNode failure(JsonNode raw, ScimException e) {
        ObjectNode result = JsonValues.object();
        JsonNode method = JsonValues.field(raw, "method");
        if (method != null && method.isTextual()) {
            result.put("method", method.textValue());
        }
        return withError(result, e);
    }

    private static ObjectNode withError(ObjectNode result, ScimException e) {
        ScimException shown = e.type() == ScimErrorType.CONFLICT && e.getMessage().startsWith("bulkId")
                ? new ScimException(ScimErrorType.INVALID_VALUE, e.getMessage()) : e;
        result.put("status", String.valueOf(e.status()));
        ObjectNode error = Responses.errorBody(shown);
        error.put("status", String.valueOf(e.status()));
        result.set("response", error);
        return result;
    }

    private static boolean isError(ObjectNode result) {
        return result != null && Integer.parseInt(result.get("status").asText()) >= 400;
    }

    private static int countErrors(ObjectNode[] results) {
        int count = 0;
        for (ObjectNode result : results) {
            count += isError(result) ? 1 : 0;
        }
        return count;
    }
}

package dev.fedbroker.scim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One HTTP request to the SCIM endpoint, independent of any web framework. Immutable and thread-safe.
 *
 * @param method  the HTTP method ("GET", "POST", "PUT", "PATCH", "DELETE"), any case
 * @param path    the path after the SCIM base URL, decoded, without query: "/Users", "/Groups/abc"
 * @param query   query parameters, decoded (names are matched case-insensitively)
 * @param headers request headers (names are matched case-insensitively)
 * @param body    the request body, when there is one
 */
public record ScimRequest(String method, String path, Map<String, List<String>> query,
                          Map<String, List<String>> headers, Optional<String> body) {

    public ScimRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = copy(Objects.requireNonNull(query, "query"));
        headers = copy(Objects.requireNonNull(headers, "headers"));
        Objects.requireNonNull(body, "body");
    }

    /**
     * A request from a method, a path with an optional raw query string ("/Users?filter=userName%20eq%20%22x%22"),
     * no headers and an optional body. The query string is URL-decoded ('+' is a space).
     */
    public static ScimRequest of(String method, String pathAndQuery, String body) {
        Objects.requireNonNull(pathAndQuery, "pathAndQuery");
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new ScimRequest(method, path, query, Map.of(), Optional.ofNullable(body));
    }

    /** This request with one more header value. */
    public ScimRequest withHeader(String name, String value) {
        Map<String, List<String>> all = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(all.getOrDefault(name, List.of()));
        values.add(Objects.requireNonNull(value, "value"));
        all.put(Objects.requireNonNull(name, "name"), values);
        return new ScimRequest(method, path, query, all, body);
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return first(headers, name);
    }

    /** The first value of a query parameter, matched case-insensitively. */
    public Optional<String> queryParameter(String name) {
        return first(query, name);
    }

    private static Optional<String> first(Map<String, List<String>> map, String name) {
        for (Map.Entry<String, List<String>> entry : map.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return Optional.of(entry.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        map.forEach((key, values) -> out.put(Objects.requireNonNull(key, "name"), List.copyOf(values)));
        return java.util.Collections.unmodifiableMap(out);
    }
}

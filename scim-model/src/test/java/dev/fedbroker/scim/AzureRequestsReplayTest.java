package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Replays conformance/scim/azure_requests.jsonl in order through ScimEndpoint. The documentation's sample ids stand
 * for "the user (group) from the earlier requests": a /Users/{id} path of a line that expects success goes to the
 * current user, one that expects 404 keeps its unknown id; when the current user was deleted, a fresh one is created
 * first (the line's precondition).
 *
 * Decisions on lines without one expected status:
 * - ms-query-externalid-example (400 or 200): 400 invalidFilter; unquoted values are invalid in RFC 7644's grammar
 *   and filters.jsonl expects invalidFilter for them.
 * - ms-patch-manager-example5 and msc-* user PATCHes (200 or 204): 200 with the resource.
 */
class AzureRequestsReplayTest {
    private static final Map<String, Integer> CHOSEN = Map.of(
            "ms-query-externalid-example", 400,
            "ms-patch-manager-example5", 200,
            "msc-disable-legacy", 200, "msc-disable-flag", 200, "msc-add-nickname-legacy", 200,
            "msc-replace-multiple-legacy", 200, "msc-replace-multiple-flag", 200);
    private static final Pattern RESOURCE = Pattern.compile("^/(Users|Groups)/([^/?]+)(.*)$");

    private final Replayer replayer = new Replayer();
    private String user;
    private String group;

    @Test
    void replayWhenAzureAdRequestsInOrderThenEveryStatusAndShapeAsExpected() {
        List<JsonNode> lines = Conformance.lines("azure_requests.jsonl");
        assertThat(lines).hasSize(29);
        for (JsonNode line : lines) {
            String id = line.get("id").asText();
            int expected = line.get("expected_status").isNull() ? CHOSEN.get(id) : line.get("expected_status").asInt();
            if (line.has("expected_status_options")) {
                assertThat(line.get("expected_status_options").toString()).as(id).contains(String.valueOf(expected));
            }
            String method = line.get("method").asText();
            String path = mapIds(line.get("path").asText(), expected);
            ScimResponse response = replayer.send(method, path, line.get("body"));
            assertThat(response.status()).as(id + " " + method + " " + path + " -> " + response.body().orElse(""))
                    .isEqualTo(expected);
            checkShape(id, line.path("expected_response"), response);
            track(method, path, response);
        }
    }

    private String mapIds(String path, int expected) {
        Matcher m = RESOURCE.matcher(path);
        if (!m.matches() || expected == 404) {
            return path;
        }
        boolean users = m.group(1).equals("Users");
        if (users && user == null) {
            user = create("/Users", "{\"schemas\":[\"" + ScimSchemas.USER + "\"],\"userName\":\"fresh@contoso.com\","
                    + "\"externalId\":\"fresh\",\"emails\":[{\"type\":\"work\",\"value\":\"fresh@contoso.com\"}]}");
        }
        if (!users && group == null) {
            group = create("/Groups", "{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],\"displayName\":\"Fresh\","
                    + "\"members\":[{\"value\":\"u1091\"},{\"value\":\"7f4bc1a3-285e-48ae-8202-5accb43efb0e\"}]}");
        }
        return "/" + m.group(1) + "/" + (users ? user : group) + m.group(3);
    }

    private String create(String endpoint, String body) {
        ScimResponse response = replayer.send("POST", endpoint, body);
        assertThat(response.status()).as("setup " + endpoint).isEqualTo(201);
        return Replayer.json(response).get("id").asText();
    }

    private void track(String method, String path, ScimResponse response) {
        if (method.equals("POST") && response.status() == 201) {
            String created = Replayer.json(response).get("id").asText();
            if (path.startsWith("/Users")) {
                user = created;
            } else {
                group = created;
            }
        }
        if (method.equals("DELETE") && response.status() == 204) {
            if (path.startsWith("/Users")) {
                user = null;
            } else {
                group = null;
            }
        }
    }

    private static void checkShape(String id, JsonNode expected, ScimResponse response) {
        if (response.body().isEmpty()) {
            assertThat(expected.isMissingNode() || !expected.has("must_have")).as(id).isTrue();
            return;
        }
        assertThat(response.header("Content-Type")).as(id).contains(ScimResponse.CONTENT_TYPE);
        JsonNode body = Replayer.json(response);
        for (JsonNode path : expected.path("must_have")) {
            assertThat(at(body, path.asText())).as(id + " must have " + path).isNotNull();
        }
        for (JsonNode name : expected.path("must_not_have")) {
            assertThat(body.has(name.asText())).as(id + " must not have " + name).isFalse();
        }
        for (JsonNode name : expected.path("resources_must_not_have")) {
            body.get("Resources").forEach(r -> assertThat(r.has(name.asText())).as(id).isFalse());
        }
        if (expected.has("body_schemas")) {
            assertThat(body.get("schemas")).as(id).isEqualTo(expected.get("body_schemas"));
        }
        if (expected.has("totalResults")) {
            assertThat(body.get("totalResults").asInt()).as(id).isEqualTo(expected.get("totalResults").asInt());
        }
        if (expected.has("Resources")) {
            assertThat(body.get("Resources")).as(id).isEqualTo(expected.get("Resources"));
        }
        if (expected.has("status_field")) {
            assertThat(body.get("status").asText()).as(id).isEqualTo(expected.get("status_field").asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.path("fields").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            assertThat(at(body, field.getKey())).as(id + " " + field.getKey()).isEqualTo(field.getValue());
        }
    }

    /** a.b paths, and emails[type eq "work"].value. */
    private static JsonNode at(JsonNode body, String path) {
        Matcher filtered = Pattern.compile("^(\\w+)\\[type eq \"(\\w+)\"]\\.(\\w+)$").matcher(path);
        if (filtered.matches()) {
            for (JsonNode element : body.path(filtered.group(1))) {
                if (element.path("type").asText().equals(filtered.group(2))) {
                    return element.get(filtered.group(3));
                }
            }
            return null;
        }
        JsonNode node = body;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

}

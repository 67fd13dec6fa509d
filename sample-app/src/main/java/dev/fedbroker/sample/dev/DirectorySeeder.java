package dev.fedbroker.sample.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.scim.ScimEndpoint;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Provisions the development tenant through the SCIM endpoint's own code path, with the requests Azure AD's
 * provisioning service sends: look the resource up with a filter, POST it when missing, then PATCH group members
 * ({@code {"op":"Add","path":"members","value":[{"value":"<user id>"}]}}). Running it twice changes nothing.
 * Not thread-safe; used once at start.
 */
final class DirectorySeeder {

    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE_SCHEMA = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final ScimEndpoint scim;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, String> userIds = new LinkedHashMap<>();

    DirectorySeeder(ScimEndpoint scim) {
        this.scim = scim;
    }

    /** Provisions every user, group and membership of {@code seed}. */
    void seed(DevSeed seed) {
        for (DevSeed.User u : seed.users()) {
            userIds.put(u.userName(), ensureUser(u));
        }
        for (DevSeed.Group g : seed.groups()) {
            addMembers(ensureGroup(g.objectId(), g.displayName()), g.members());
        }
        DevSeed.Generated generated = seed.generatedGroups();
        for (int i = 1; i <= generated.count(); i++) {
            String name = generated.displayNamePrefix() + String.format("%03d", i);
            String objectId = UUID.nameUUIDFromBytes(("fedbroker-dev-group:" + name).getBytes(StandardCharsets.UTF_8))
                    .toString();
            addMembers(ensureGroup(objectId, name), generated.members());
        }
    }

    private String ensureUser(DevSeed.User u) {
        Optional<String> existing = find("/Users", "userName", u.userName());
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = json.createObjectNode();
        body.putArray("schemas").add(USER_SCHEMA).add(ENTERPRISE_SCHEMA);
        body.put("externalId", u.mailNickname());
        body.put("userName", u.userName());
        body.put("active", true);
        body.put("displayName", u.givenName() + " " + u.familyName());
        ObjectNode email = body.putArray("emails").addObject();
        email.put("primary", true).put("type", "work").put("value", u.userName());
        body.putObject("name").put("formatted", u.givenName() + " " + u.familyName())
                .put("familyName", u.familyName()).put("givenName", u.givenName());
        return created(call("POST", "/Users", body));
    }

    private String ensureGroup(String objectId, String displayName) {
        Optional<String> existing = find("/Groups", "displayName", displayName);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = json.createObjectNode();
        body.putArray("schemas").add(GROUP_SCHEMA);
        body.put("externalId", objectId);
        body.put("displayName", displayName);
        return created(call("POST", "/Groups", body));
    }

    private void addMembers(String groupId, List<String> userNames) {
        ObjectNode body = json.createObjectNode();
        body.putArray("schemas").add(PATCH_SCHEMA);
        ObjectNode add = body.putArray("Operations").addObject();
        add.put("op", "Add").put("path", "members");
        ArrayNode values = add.putArray("value");
        List<String> missing = new ArrayList<>();
        for (String userName : userNames) {
            String id = userIds.get(userName);
            if (id == null) {
                missing.add(userName);
            } else {
                values.addObject().put("value", id);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("dev/directory.json names members that are not users: " + missing);
        }
        ScimResponse response = call("PATCH", "/Groups/" + groupId, body);
        expect(response, 204, "PATCH /Groups/" + groupId);
    }

    private Optional<String> find(String endpoint, String attribute, String value) {
        String filter = attribute + " eq \"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        ScimResponse response = scim.handle(ScimRequest.of("GET", endpoint + "?filter="
                + URLEncoder.encode(filter, StandardCharsets.UTF_8) + "&excludedAttributes=members", null));
        expect(response, 200, "GET " + endpoint);
        JsonNode resources = read(response).path("Resources");
        return resources.isEmpty() ? Optional.empty() : Optional.of(resources.get(0).path("id").asText());
    }

    private ScimResponse call(String method, String path, ObjectNode body) {
        return scim.handle(ScimRequest.of(method, path, body.toString())
                .withHeader("Content-Type", ScimResponse.CONTENT_TYPE));
    }

    private String created(ScimResponse response) {
        expect(response, 201, "POST");
        return read(response).path("id").asText();
    }

    private JsonNode read(ScimResponse response) {
        try {
            return json.readTree(response.body().orElse("{}"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The SCIM endpoint answered with unreadable JSON", e);
        }
    }

    private static void expect(ScimResponse response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException("Seeding the dev directory: " + what + " answered " + response.status()
                    + " (expected " + status + "): " + response.body().orElse(""));
        }
    }
}

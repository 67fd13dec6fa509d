package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ScimEndpointTest {
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final Replayer replayer = new Replayer();

    static String user(String userName) {
        return "{\"schemas\":[\"" + ScimSchemas.USER + "\"],\"userName\":\"" + userName + "\",\"emails\":[{\"type\":"
                + "\"work\",\"value\":\"" + userName + "\",\"primary\":true}]}";
    }

    private String create(String userName) {
        ScimResponse response = replayer.send("POST", "/Users", user(userName));
        assertThat(response.status()).isEqualTo(201);
        return Replayer.json(response).get("id").asText();
    }

    @Test
    void createWhenValidThenLocationEtagAndMetaAreConsistent() {
        ScimResponse response = replayer.send("POST", "/Users", user("alice@example.com"));

        JsonNode body = Replayer.json(response);
        String location = Replayer.BASE + "/Users/" + body.get("id").asText();
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).contains("application/scim+json");
        assertThat(response.header("Location")).contains(location);
        assertThat(body.at("/meta/location").asText()).isEqualTo(location);
        assertThat(body.at("/meta/version").asText()).isEqualTo("W/\"1\"");
        assertThat(response.header("ETag")).contains("W/\"1\"");
        assertThat(body.at("/meta/resourceType").asText()).isEqualTo("User");
        assertThat(body.at("/meta/created").asText()).isEqualTo("2026-01-15T10:00:00Z");
    }

    @Test
    void createWhenUserNameTakenInAnotherCaseThenConflictUniqueness() {
        create("bob@example.com");

        ScimResponse response = replayer.send("POST", "/Users", user("BOB@Example.com"));

        assertThat(response.status()).isEqualTo(409);
        assertThat(Replayer.json(response).get("scimType").asText()).isEqualTo("uniqueness");
        assertThat(Replayer.json(response).get("status").asText()).isEqualTo("409");
    }

    @Test
    void getWhenUnknownIdThenScimError404() {
        ScimResponse response = replayer.send("GET", "/Users/nope", (String) null);

        assertThat(response.status()).isEqualTo(404);
        assertThat(Replayer.json(response).get("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
    }

    @Test
    void replaceWhenIfMatchStaleThen412AndWhenCurrentThen200() {
        String id = create("carol@example.com");
        ScimRequest stale = ScimRequest.of("PUT", "/Users/" + id, user("carol2@example.com"))
                .withHeader("If-Match", "W/\"7\"");
        ScimRequest current = ScimRequest.of("PUT", "/Users/" + id, user("carol2@example.com"))
                .withHeader("If-Match", "W/\"1\"");

        assertThat(replayer.endpoint.handle(stale).status()).isEqualTo(412);
        ScimResponse ok = replayer.endpoint.handle(current);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("ETag")).contains("W/\"2\"");
        assertThat(replayer.endpoint.handle(current).status()).as("version 1 is gone").isEqualTo(412);
    }

    @Test
    void getWhenIfNoneMatchCurrentThen304WithoutBody() {
        String id = create("dave@example.com");

        ScimResponse response = replayer.endpoint.handle(ScimRequest.of("GET", "/Users/" + id, null)
                .withHeader("If-None-Match", "W/\"1\""));

        assertThat(response.status()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void deleteWhenIfMatchStaleThen412AndResourceStays() {
        String id = create("erin@example.com");

        ScimResponse response = replayer.endpoint.handle(ScimRequest.of("DELETE", "/Users/" + id, null)
                .withHeader("If-Match", "\"5\""));

        assertThat(response.status()).isEqualTo(412);
        assertThat(replayer.send("GET", "/Users/" + id, (String) null).status()).isEqualTo(200);
    }

    @Test
    void patchWhenOneOperationFailsThenNothingChanges() {
        String id = create("frank@example.com");
        String body = "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\","
                + "\"value\":\"Frank\"},{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"]\",\"value\":{"
                + "\"value\":\"x@y.z\"}}]}";

        ScimResponse response = replayer.send("PATCH", "/Users/" + id, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(Replayer.json(response).get("scimType").asText()).isEqualTo("noTarget");
        JsonNode after = Replayer.json(replayer.send("GET", "/Users/" + id, (String) null));
        assertThat(after.has("displayName")).isFalse();
        assertThat(after.at("/meta/version").asText()).isEqualTo("W/\"1\"");
    }

    @Test
    void patchWhenUserThen200WithResourceAndWhenGroupThen204() {
        String id = create("gina@example.com");
        String op = "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"Replace\",\"path\":\"active\","
                + "\"value\":\"False\"}]}";
        ScimResponse user = replayer.send("PATCH", "/Users/" + id, op);
        ScimResponse created = replayer.send("POST", "/Groups", "{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],"
                + "\"displayName\":\"G\"}");
        String group = Replayer.json(created).get("id").asText();
        ScimResponse groupPatch = replayer.send("PATCH", "/Groups/" + group, "{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"" + id + "\"}]}]}");

        assertThat(user.status()).isEqualTo(200);
        assertThat(Replayer.json(user).get("active").booleanValue()).isFalse();
        assertThat(groupPatch.status()).isEqualTo(204);
        assertThat(groupPatch.body()).isEmpty();
        assertThat(Replayer.json(replayer.send("GET", "/Users/" + id, (String) null)).at("/groups/0/value").asText())
                .isEqualTo(group);
    }

    @Test
    void meWhenCalledThen501AndUnknownPathThen404AndWrongMethodThen405() {
        assertThat(replayer.send("GET", "/Me", (String) null).status()).isEqualTo(501);
        assertThat(replayer.send("GET", "/Nope", (String) null).status()).isEqualTo(404);
        assertThat(replayer.send("DELETE", "/Users", (String) null).status()).isEqualTo(405);
        assertThat(replayer.send("GET", "/Users/a/b", (String) null).status()).isEqualTo(404);
    }

    @Test
    void listWhenSortedAndPagedThenPageInOrder() {
        for (String name : new String[] {"b@x.io", "D@x.io", "a@x.io", "c@x.io"}) {
            create(name);
        }

        JsonNode page = Replayer.json(replayer.send("GET",
                "/Users?sortBy=userName&sortOrder=descending&startIndex=2&count=2&attributes=userName", (String) null));

        assertThat(page.get("totalResults").asInt()).isEqualTo(4);
        assertThat(page.get("startIndex").asInt()).isEqualTo(2);
        assertThat(page.get("itemsPerPage").asInt()).isEqualTo(2);
        assertThat(page.at("/Resources/0/userName").asText()).isEqualTo("c@x.io");
        assertThat(page.at("/Resources/1/userName").asText()).isEqualTo("b@x.io");
        assertThat(page.at("/Resources/0/emails").isMissingNode()).isTrue();
        assertThat(page.at("/Resources/0/id").isTextual()).isTrue();
    }

    @Test
    void listWhenCountZeroOrNegativeThenOnlyTotal() {
        create("h@x.io");

        JsonNode page = Replayer.json(replayer.send("GET", "/Users?count=-3&startIndex=0", (String) null));

        assertThat(page.get("totalResults").asInt()).isEqualTo(1);
        assertThat(page.get("Resources")).isEmpty();
        assertThat(page.get("startIndex").asInt()).isEqualTo(1);
    }

    @Test
    void searchWhenPostedAtRootThenSearchesUsersAndGroups() {
        create("ivan@x.io");
        replayer.send("POST", "/Groups", "{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],\"displayName\":\"ivan@x.io\"}");
        String search = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
                + "\"filter\":\"userName eq \\\"IVAN@x.io\\\" or displayName eq \\\"ivan@x.io\\\"\","
                + "\"excludedAttributes\":[\"emails\"]}";

        JsonNode root = Replayer.json(replayer.send("POST", "/.search", search));
        JsonNode users = Replayer.json(replayer.send("POST", "/Users/.search", search));

        assertThat(root.get("totalResults").asInt()).isEqualTo(2);
        assertThat(users.get("totalResults").asInt()).isEqualTo(1);
        assertThat(users.at("/Resources/0/emails").isMissingNode()).isTrue();
    }

    @Test
    void discoveryWhenRequestedThenAdvertisesWhatIsImplemented() {
        JsonNode spc = Replayer.json(replayer.send("GET", "/ServiceProviderConfig", (String) null));
        JsonNode types = Replayer.json(replayer.send("GET", "/ResourceTypes", (String) null));
        JsonNode enterprise = Replayer.json(replayer.send("GET", "/Schemas/" + ScimSchemas.ENTERPRISE_USER,
                (String) null));

        assertThat(spc.at("/patch/supported").booleanValue()).isTrue();
        assertThat(spc.at("/bulk/supported").booleanValue()).isTrue();
        assertThat(spc.at("/filter/maxResults").asInt()).isEqualTo(100);
        assertThat(spc.at("/changePassword/supported").booleanValue()).isFalse();
        assertThat(spc.at("/sort/supported").booleanValue()).isTrue();
        assertThat(spc.at("/etag/supported").booleanValue()).isTrue();
        assertThat(spc.at("/authenticationSchemes/0/type").asText()).isEqualTo("oauthbearertoken");
        assertThat(types.at("/Resources/0/schemaExtensions/0/schema").asText()).isEqualTo(ScimSchemas.ENTERPRISE_USER);
        assertThat(types.at("/Resources/1/endpoint").asText()).isEqualTo("/Groups");
        assertThat(enterprise.at("/attributes/5/name").asText()).isEqualTo("manager");
        assertThat(replayer.send("GET", "/Schemas/urn:nope", (String) null).status()).isEqualTo(404);
    }
}

package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Azure AD shapes not covered line by line by the conformance files. */
class AzureQuirksTest {
    private final Replayer replayer = new Replayer();

    private String create(String body) {
        ScimResponse response = replayer.send("POST", "/Users", body);
        assertThat(response.status()).as(response.body().orElse("")).isEqualTo(201);
        return Replayer.json(response).get("id").asText();
    }

    private JsonNode patch(String id, String operations) {
        ScimResponse response = replayer.send("PATCH", "/Users/" + id, "{\"schemas\":[\"" + ScimEndpointTest.PATCH_OP
                + "\"],\"Operations\":" + operations + "}");
        assertThat(response.status()).as(response.body().orElse("")).isEqualTo(200);
        return Replayer.json(response);
    }

    @Test
    void patchWhenRolesArriveAsJsonStringsThenStoredAsRoleObjects() {
        String id = create(ScimEndpointTest.user("roles@example.com"));

        JsonNode user = patch(id, "[{\"op\":\"Add\",\"path\":\"roles\",\"value\":[{\"value\":\"{\\\"id\\\":"
                + "\\\"06b07648\\\",\\\"value\\\":\\\"25\\\",\\\"displayName\\\":\\\"Role1234\\\"}\"},"
                + "\"{\\\"value\\\":\\\"26\\\",\\\"displayName\\\":\\\"Role26\\\"}\"]}]");

        assertThat(user.at("/roles/0/value").asText()).isEqualTo("25");
        assertThat(user.at("/roles/0/display").asText()).isEqualTo("Role1234");
        assertThat(user.at("/roles/1/value").asText()).isEqualTo("26");
    }

    @Test
    void createWhenRolesAreObjectsWithDisplayNameOrDisplayThenBothKept() {
        JsonNode user = Replayer.json(replayer.send("GET", "/Users/" + create("{\"schemas\":[\"" + ScimSchemas.USER
                + "\"],\"userName\":\"r2@example.com\",\"roles\":[{\"primary\":\"True\",\"value\":\"Admin\","
                + "\"displayName\":\"Admin\"},{\"value\":\"Reader\",\"display\":\"Reader\",\"type\":\"WindowsAzure"
                + "ActiveDirectoryRole\"}]}"), (String) null));

        assertThat(user.at("/roles/0/display").asText()).isEqualTo("Admin");
        assertThat(user.at("/roles/0/primary").booleanValue()).isTrue();
        assertThat(user.at("/roles/1/type").asText()).isEqualTo("WindowsAzureActiveDirectoryRole");
    }

    @Test
    void patchWhenNewPrimaryEmailAddedThenPreviousPrimaryCleared() {
        String id = create(ScimEndpointTest.user("p@example.com"));

        JsonNode user = patch(id, "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"type\":\"home\",\"value\":"
                + "\"h@example.com\",\"primary\":true}]}]");

        assertThat(user.at("/emails/0/primary").booleanValue()).isFalse();
        assertThat(user.at("/emails/1/primary").booleanValue()).isTrue();
    }

    @Test
    void patchWhenPathTargetsReadOnlyAttributeThenMutabilityAndNoChange() {
        String id = create(ScimEndpointTest.user("ro@example.com"));
        for (String path : new String[] {"id", "meta.created", "groups"}) {
            ScimResponse response = replayer.send("PATCH", "/Users/" + id, "{\"schemas\":[\""
                    + ScimEndpointTest.PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"" + path
                    + "\",\"value\":\"x\"}]}");

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(Replayer.json(response).get("scimType").asText()).as(path).isEqualTo("mutability");
        }
    }

    @Test
    void patchWhenUnknownAttributePathThenInvalidPath() {
        String id = create(ScimEndpointTest.user("ip@example.com"));

        ScimResponse response = replayer.send("PATCH", "/Users/" + id, "{\"schemas\":[\"" + ScimEndpointTest.PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"add\",\"path\":\"favoriteColour\",\"value\":\"x\"}]}");

        assertThat(Replayer.json(response).get("scimType").asText()).isEqualTo("invalidPath");
    }

    @Test
    void patchWhenManagerBareStringThenEnterpriseManagerValueAndSchemaListed() {
        String id = create(ScimEndpointTest.user("m@example.com"));

        JsonNode user = patch(id, "[{\"op\":\"Add\",\"path\":\"manager\",\"value\":\"boss-id\"}]");

        assertThat(user.at("/" + ScimSchemas.ENTERPRISE_USER.replace("/", "~1") + "/manager/value").asText())
                .isEqualTo("boss-id");
        assertThat(user.get("schemas").toString()).contains(ScimSchemas.ENTERPRISE_USER);
        assertThat(Replayer.json(replayer.send("GET", "/Users?filter=manager%20eq%20%22boss-id%22", (String) null))
                .get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void patchWhenNothingChangesThenVersionStays() {
        String id = create(ScimEndpointTest.user("same@example.com"));

        JsonNode user = patch(id, "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"same@example.com\"}]");

        assertThat(user.at("/meta/version").asText()).isEqualTo("W/\"1\"");
    }
}

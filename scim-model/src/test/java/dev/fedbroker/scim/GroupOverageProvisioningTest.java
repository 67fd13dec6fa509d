package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.DirectoryUser;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The group overage path: Azure AD provisions a user and 200 groups (object ids as externalId) over SCIM, adding the
 * memberships with group PATCHes as its provisioning client sends them; the directory then answers the user's 200
 * group object ids, which is what the resolver needs when the SAML token carries the overage link instead of groups.
 */
class GroupOverageProvisioningTest {
    private static final int GROUPS = 200;

    private final Replayer replayer = new Replayer();
    private final ScimDirectory directory = ScimDirectory.builder().store(replayer.store).build();

    @Test
    void groupIdsOfWhenUserProvisionedInto200GroupsThenReturnsAllGroupObjectIds() {
        String userId = createUser("Ada.Lovelace@Contoso.com", "ada");
        Set<String> objectIds = new LinkedHashSet<>();
        for (int i = 0; i < GROUPS; i++) {
            String objectId = UUID.nameUUIDFromBytes(("group-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .toString();
            objectIds.add(objectId);
            String groupId = createGroup("Group " + i, objectId);
            ScimResponse added = replayer.send("PATCH", "/Groups/" + groupId, "{\"schemas\":[\"urn:ietf:params:scim:"
                    + "api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{"
                    + "\"$ref\":null,\"value\":\"" + userId + "\"}]}]}");
            assertThat(added.status()).isEqualTo(204);
        }

        Optional<DirectoryUser> user = directory.userByUserName("ada.lovelace@contoso.COM");

        assertThat(user).isPresent();
        assertThat(user.get().id()).isEqualTo(userId);
        assertThat(user.get().active()).isTrue();
        assertThat(directory.groupIdsOf(user.get())).hasSize(GROUPS).containsExactlyInAnyOrderElementsOf(objectIds);
        assertThat(directory.userByObjectId("ada")).as("no objectId lookup unless configured").isEmpty();
    }

    @Test
    void groupIdsOfWhenMemberRemovedAzureStyleThenGroupNoLongerReported() {
        String userId = createUser("grace@contoso.com", "grace");
        String first = createGroup("First", "11111111-1111-1111-1111-111111111111");
        String second = createGroup("Second", "22222222-2222-2222-2222-222222222222");
        for (String group : new String[] {first, second}) {
            replayer.send("PATCH", "/Groups/" + group, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                    + "PatchOp\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\""
                    + userId + "\"}]}]}");
        }
        ScimResponse removed = replayer.send("PATCH", "/Groups/" + first, "{\"schemas\":[\"urn:ietf:params:scim:api:"
                + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{"
                + "\"value\":\"" + userId + "\"}]}]}");

        assertThat(removed.status()).isEqualTo(204);
        DirectoryUser user = directory.userByUserName("grace@contoso.com").orElseThrow();
        assertThat(directory.groupIdsOf(user)).containsExactly("22222222-2222-2222-2222-222222222222");
    }

    private String createUser(String userName, String externalId) {
        ScimResponse response = replayer.send("POST", "/Users", "{\"schemas\":[\"" + ScimSchemas.USER + "\",\""
                + ScimSchemas.ENTERPRISE_USER + "\"],\"externalId\":\"" + externalId + "\",\"userName\":\"" + userName
                + "\",\"active\":true,\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\"" + userName
                + "\"}],\"meta\":{\"resourceType\":\"User\"},\"roles\":[]}");
        assertThat(response.status()).isEqualTo(201);
        return Replayer.json(response).get("id").asText();
    }

    private String createGroup(String displayName, String objectId) {
        ScimResponse response = replayer.send("POST", "/Groups", "{\"schemas\":[\"" + ScimSchemas.GROUP + "\","
                + "\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\"],\"externalId\":\""
                + objectId + "\",\"displayName\":\"" + displayName + "\",\"meta\":{\"resourceType\":\"Group\"}}");
        assertThat(response.status()).isEqualTo(201);
        return Replayer.json(response).get("id").asText();
    }
}

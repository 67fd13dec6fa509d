package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BulkTest {
    private static final String BULK = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
    private final Replayer replayer = new Replayer();

    private static String userOp(String bulkId, String userName) {
        return "{\"method\":\"POST\",\"bulkId\":\"" + bulkId + "\",\"path\":\"/Users\",\"data\":"
                + ScimEndpointTest.user(userName) + "}";
    }

    @Test
    void bulkWhenGroupReferencesLaterUserByBulkIdThenResolvedInAnyOrder() {
        String body = "{\"schemas\":[\"" + BULK + "\"],\"Operations\":[{\"method\":\"POST\",\"bulkId\":\"g\","
                + "\"path\":\"/Groups\",\"data\":{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],\"displayName\":\"G\","
                + "\"members\":[{\"value\":\"bulkId:u\"}]}}," + userOp("u", "bulk@example.com") + "]}";

        ScimResponse response = replayer.send("POST", "/Bulk", body);

        JsonNode operations = Replayer.json(response).get("Operations");
        assertThat(response.status()).isEqualTo(200);
        assertThat(operations.get(0).get("status").asText()).isEqualTo("201");
        assertThat(operations.get(1).get("status").asText()).isEqualTo("201");
        assertThat(operations.get(0).get("location").asText()).startsWith(Replayer.BASE + "/Groups/");
        String userId = operations.get(1).get("location").asText().replaceAll(".*/", "");
        String groupId = operations.get(0).get("location").asText().replaceAll(".*/", "");
        assertThat(replayer.store.get("Group", groupId).orElseThrow().memberIds()).containsExactly(userId);
    }

    @Test
    void bulkWhenFailOnErrorsReachedThenRemainingOperationsNotRun() {
        String body = "{\"schemas\":[\"" + BULK + "\"],\"failOnErrors\":1,\"Operations\":["
                + userOp("a", "dup@example.com") + "," + userOp("b", "DUP@example.com") + ","
                + userOp("c", "never@example.com") + "]}";

        JsonNode operations = Replayer.json(replayer.send("POST", "/Bulk", body)).get("Operations");

        assertThat(operations).hasSize(2);
        assertThat(operations.get(1).get("status").asText()).isEqualTo("409");
        assertThat(operations.get(1).at("/response/scimType").asText()).isEqualTo("uniqueness");
        assertThat(replayer.store.query("User", ScimQuery.all(10)).totalResults()).isEqualTo(1);
    }

    @Test
    void bulkWhenReferencesAreCircularOrUnknownThen409InvalidValue() {
        String body = "{\"schemas\":[\"" + BULK + "\"],\"Operations\":[{\"method\":\"POST\",\"bulkId\":\"x\","
                + "\"path\":\"/Groups\",\"data\":{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],\"displayName\":\"X\","
                + "\"members\":[{\"value\":\"bulkId:y\"}]}},{\"method\":\"POST\",\"bulkId\":\"y\",\"path\":\"/Groups\","
                + "\"data\":{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],\"displayName\":\"Y\",\"members\":[{\"value\":"
                + "\"bulkId:x\"}]}},{\"method\":\"DELETE\",\"path\":\"/Users/bulkId:nobody\"}]}";

        JsonNode operations = Replayer.json(replayer.send("POST", "/Bulk", body)).get("Operations");

        assertThat(operations).hasSize(3);
        operations.forEach(op -> {
            assertThat(op.get("status").asText()).isEqualTo("409");
            assertThat(op.at("/response/scimType").asText()).isEqualTo("invalidValue");
        });
        assertThat(replayer.store.query("Group", ScimQuery.all(10)).totalResults()).isZero();
    }

    @Test
    void bulkWhenVersionStaleThenThatOperationGets412() {
        String id = Replayer.json(replayer.send("POST", "/Users", ScimEndpointTest.user("v@example.com")))
                .get("id").asText();
        String body = "{\"schemas\":[\"" + BULK + "\"],\"Operations\":[{\"method\":\"DELETE\",\"path\":\"/Users/"
                + id + "\",\"version\":\"W/\\\"9\\\"\"},{\"method\":\"PATCH\",\"path\":\"/Users/" + id + "\",\"data\":{"
                + "\"schemas\":[\"" + ScimEndpointTest.PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\",\"path\":"
                + "\"nickName\",\"value\":\"V\"}]}}]}";

        JsonNode operations = Replayer.json(replayer.send("POST", "/Bulk", body)).get("Operations");

        assertThat(operations.get(0).get("status").asText()).isEqualTo("412");
        assertThat(operations.get(1).get("status").asText()).isEqualTo("200");
        assertThat(operations.get(1).get("version").asText()).isEqualTo("W/\"2\"");
    }

    @Test
    void bulkWhenTooManyOperationsThen413() {
        ScimEndpoint small = ScimEndpoint.builder().store(replayer.store).baseUrl(Replayer.BASE)
                .maxBulkOperations(1).build();
        String body = "{\"schemas\":[\"" + BULK + "\"],\"Operations\":[" + userOp("a", "a@x.io") + ","
                + userOp("b", "b@x.io") + "]}";

        assertThat(small.handle(ScimRequest.of("POST", "/Bulk", body)).status()).isEqualTo(413);
    }
}

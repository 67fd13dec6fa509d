package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays conformance/scim/aws_requests.jsonl (IAM Identity Center's SCIM samples) through ScimEndpoint, after
 * provisioning the users those samples query (the aws-listusers resources of filters.jsonl, with their documented
 * ids), bjensen from patch.jsonl and the two groups the samples name. The "/{tenant_id}/scim/v2" prefix is IC's base
 * path and is stripped. Where applicable: IC's cursor paging (RFC 9865) is not implemented; a {@code cursor}
 * parameter is ignored and the first page is returned (status 200, as the lines expect).
 */
class AwsRequestsReplayTest {
    private static final String PREFIX = "/{tenant_id}/scim/v2";

    private final Replayer replayer = new Replayer();

    @Test
    void replayWhenIdentityCenterSamplesThenStatusesAndCountsAsDocumented() {
        provision();
        List<JsonNode> lines = Conformance.lines("aws_requests.jsonl");
        assertThat(lines).hasSize(9);
        for (JsonNode line : lines) {
            String id = line.get("id").asText();
            String path = line.get("path").asText().substring(PREFIX.length());
            ScimResponse response = replayer.send(line.get("method").asText(), path, line.get("body"));
            assertThat(response.status()).as(id + " -> " + response.body().orElse(""))
                    .isEqualTo(line.get("expected_status").asInt());
            if (line.has("expected_totalResults")) {
                assertThat(Replayer.json(response).get("totalResults").asInt()).as(id)
                        .isEqualTo(line.get("expected_totalResults").asInt());
            }
            if (id.equals("aws-listusers-groups-value")) {
                assertThat(Replayer.json(response).at("/Resources/0/userName").asText()).isEqualTo("jdoe");
            }
            if (id.equals("aws-patchuser-active")) {
                assertThat(Replayer.json(response).get("active").booleanValue()).isFalse();
            }
        }
        JsonNode renamed = Replayer.json(replayer.send("GET", "/Groups/9067729b3d-f987ac4d-a175-44f0-a528-6d23c5d2ec4d",
                (String) null));
        assertThat(renamed.get("displayName").asText()).isEqualTo("Group Foo New");
        assertThat(renamed.get("id").asText()).isEqualTo("9067729b3d-f987ac4d-a175-44f0-a528-6d23c5d2ec4d");
    }

    private void provision() {
        for (JsonNode line : Conformance.lines("filters.jsonl")) {
            String id = line.get("id").asText();
            if (id.startsWith("aws-listusers-userName-")) {
                ObjectNode user = (ObjectNode) line.get("resource").deepCopy();
                replayer.nextIds(List.of(user.remove("id").asText()));
                assertThat(replayer.send("POST", "/Users", user).status()).as(id).isEqualTo(201);
            }
        }
        for (JsonNode line : Conformance.lines("patch.jsonl")) {
            if (line.get("id").asText().equals("aws-patchuser-active-string")) {
                ObjectNode user = (ObjectNode) line.get("before").deepCopy();
                replayer.nextIds(List.of(user.remove("id").asText()));
                assertThat(replayer.send("POST", "/Users", user).status()).isEqualTo(201);
            }
        }
        replayer.nextIds(List.of("9067729b3d-f987ac4d-a175-44f0-a528-6d23c5d2ec4d"));
        assertThat(replayer.send("POST", "/Groups", "{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],"
                + "\"displayName\":\"Group Foo\"}").status()).isEqualTo(201);
        String jdoe = "90677c608a-685d5bf3-efab-48c8-b3b1-648fc5c5d980";
        replayer.nextIds(List.of("0458a488-2081-70c8-4b0b-3e4b2b10ddb5"));
        assertThat(replayer.send("POST", "/Groups", "{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],"
                + "\"displayName\":\"Engineers\",\"members\":[{\"value\":\"" + jdoe + "\"}]}").status())
                .isEqualTo(201);
    }
}

package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * PATCH on a group with tens of thousands of members, within the default limits (1 MiB body). Until the engine
 * compared values through hash sets, each of these requests compared every added or removed value with every
 * present one: about 220 s of CPU for one 1 MB "add members" request (measured on 2 cores), which any holder of the
 * bearer token could repeat. These tests check the results at that size; they assert no timing (project rule).
 */
class LargePatchTest {
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[";
    private static final int N = 40_000;

    private final Replayer replayer = new Replayer();

    @Test
    void patchWhenAddingFortyThousandMembersWithDuplicatesThenEachMemberOnce() {
        String id = group();
        assertThat(replayer.send("PATCH", "/Groups/" + id, PATCH + add(0, 100) + "]}").status()).isEqualTo(204);

        // 0..99 are already members, and the list names 0..199 twice: each id must end up once.
        String body = PATCH + add(0, N) + "," + add(0, 200) + "]}";
        assertThat(replayer.send("PATCH", "/Groups/" + id, body).status()).isEqualTo(204);

        assertThat(memberIds(id)).hasSize(N).contains("m0", "m199", "m" + (N - 1));
    }

    @Test
    void patchWhenRemovingListedMembersFromALargeGroupThenOnlyThoseGo() {
        String id = group();
        replayer.send("PATCH", "/Groups/" + id, PATCH + add(0, N) + "]}");

        String body = PATCH + "{\"op\":\"remove\",\"path\":\"members\",\"value\":[" + values(0, N / 2) + "]}]}";
        assertThat(replayer.send("PATCH", "/Groups/" + id, body).status()).isEqualTo(204);

        Set<String> left = memberIds(id);
        assertThat(left).hasSize(N / 2).contains("m" + N / 2, "m" + (N - 1)).doesNotContain("m0", "m" + (N / 2 - 1));
    }

    @Test
    void patchWhenRemovingMembersByFilterFromALargeGroupThenTheMatchesGo() {
        String id = group();
        replayer.send("PATCH", "/Groups/" + id, PATCH + add(0, N) + "]}");

        String body = PATCH + "{\"op\":\"remove\",\"path\":\"members[value sw \\\"m1\\\"]\"}]}";
        assertThat(replayer.send("PATCH", "/Groups/" + id, body).status()).isEqualTo(204);

        Set<String> left = memberIds(id);
        assertThat(left).noneMatch(v -> v.startsWith("m1")).contains("m0", "m2", "m" + (N - 1));
        assertThat(left).hasSize(N - 11_111);   // m1, m10..m19, m100..m199, m1000..m1999, m10000..m19999
    }

    private String group() {
        ScimResponse created = replayer.send("POST", "/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Big\"}");
        return Replayer.json(created).get("id").asText();
    }

    private Set<String> memberIds(String id) {
        JsonNode group = Replayer.json(replayer.send("GET", "/Groups/" + id, (String) null));
        Set<String> ids = new HashSet<>();
        group.path("members").forEach(m -> assertThat(ids.add(m.get("value").asText())).isTrue());
        return ids;
    }

    private static String add(int from, int to) {
        return "{\"op\":\"add\",\"path\":\"members\",\"value\":[" + values(from, to) + "]}";
    }

    private static String values(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            out.append(i == from ? "" : ",").append("{\"value\":\"m").append(i).append("\"}");
        }
        return out.toString();
    }
}

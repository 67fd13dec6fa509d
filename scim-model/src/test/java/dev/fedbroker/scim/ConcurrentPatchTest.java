package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Concurrent PATCHes of one group each commit on the version they read, so no member is lost. */
class ConcurrentPatchTest {

    @Test
    void patchWhenManyThreadsAddMembersToOneGroupThenNoMemberIsLost() throws Exception {
        Replayer replayer = new Replayer();
        String group = Replayer.json(replayer.send("POST", "/Groups", "{\"schemas\":[\"" + ScimSchemas.GROUP
                + "\"],\"displayName\":\"Busy\"}")).get("id").asText();
        int threads = 4;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    statuses.add(replayer.send("PATCH", "/Groups/" + group, "{\"schemas\":[\""
                            + ScimEndpointTest.PATCH_OP + "\"],\"Operations\":[{\"op\":\"Add\",\"path\":\"members\","
                            + "\"value\":[{\"value\":\"m-" + thread + "-" + i + "\"}]}]}").status());
                }
                return statuses;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        int conflicts = 0;
        for (Future<List<Integer>> result : results) {
            for (int status : result.get()) {
                assertThat(status).isIn(204, 409);
                conflicts += status == 409 ? 1 : 0;
            }
        }

        ScimResource stored = replayer.store.get("Group", group).orElseThrow();
        assertThat(stored.memberIds()).hasSize(threads * perThread - conflicts).doesNotHaveDuplicates();
        assertThat(stored.version()).isEqualTo(1 + threads * perThread - conflicts);
    }
}

package dev.fedbroker.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InMemoryDirectoryTest {

    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final DirectoryUser ann = new DirectoryUser("u1", "Ann@Contoso.example", Optional.of("OID-1"), true);

    InMemoryDirectoryTest() {
        directory.putUser(ann);
        for (String g : List.of("g-a", "g-b", "g-c", "g-d")) {
            directory.putGroup(new DirectoryGroup(g, g.toUpperCase()));
        }
    }

    @Test
    void userByUserNameWhenCaseDiffersThenFindsUser() {
        assertThat(directory.userByUserName("ann@contoso.EXAMPLE")).contains(ann);
    }

    @Test
    void userByObjectIdWhenCaseDiffersThenFindsUser() {
        assertThat(directory.userByObjectId("oid-1")).contains(ann);
    }

    @Test
    void groupIdsOfWhenGroupsNestThenReturnsEveryAncestor() {
        directory.addMember("g-a", "u1");
        directory.addGroupMember("g-b", "g-a");
        directory.addGroupMember("g-c", "g-b");

        assertThat(directory.groupIdsOf(ann)).containsExactlyInAnyOrder("g-a", "g-b", "g-c");
    }

    @Test
    void groupIdsOfWhenNestingHasACycleThenTerminates() {
        directory.addMember("g-a", "u1");
        directory.addGroupMember("g-b", "g-a");
        directory.addGroupMember("g-a", "g-b");
        directory.addGroupMember("g-c", "g-c");

        assertThat(directory.groupIdsOf(ann)).containsExactlyInAnyOrder("g-a", "g-b");
    }

    @Test
    void groupIdsOfWhenMembershipRemovedThenForgetsIt() {
        directory.addMember("g-a", "u1");
        directory.addMember("g-d", "u1");
        directory.removeMember("g-a", "u1");
        directory.removeGroup("g-d");

        assertThat(directory.groupIdsOf(ann)).isEmpty();
        assertThat(directory.groupById("g-d")).isEmpty();
    }

    @Test
    void putUserWhenUserNameBelongsToAnotherUserThenRefuses() {
        assertThatIllegalStateException().isThrownBy(() -> directory.putUser(
                new DirectoryUser("u2", "ANN@contoso.example", Optional.empty(), true)));
    }

    @Test
    void putUserWhenSameIdThenReplacesAndReindexes() {
        directory.putUser(new DirectoryUser("u1", "ann.new@contoso.example", Optional.of("OID-1"), true));

        assertThat(directory.userByUserName("ann@contoso.example")).isEmpty();
        assertThat(directory.userByUserName("ann.new@contoso.example")).map(DirectoryUser::id).contains("u1");
    }

    @Test
    void addMemberWhenGroupUnknownThenRefuses() {
        assertThatIllegalArgumentException().isThrownBy(() -> directory.addMember("g-missing", "u1"));
    }

    @Test
    void removeUserThenLookupsForgetIt() {
        directory.addMember("g-a", "u1");

        assertThat(directory.removeUser("u1")).isTrue();
        assertThat(directory.userByUserName("ann@contoso.example")).isEmpty();
        assertThat(directory.userByObjectId("OID-1")).isEmpty();
    }

    @Test
    void groupIdsOfWhenWritersRunConcurrentlyThenReadersSeeConsistentSets() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 2_000; i++) {
                    directory.addMember("g-a", "u1");
                    directory.addGroupMember("g-b", "g-a");
                    directory.removeGroupMember("g-b", "g-a");
                    directory.removeMember("g-a", "u1");
                }
            }));
            for (int r = 0; r < 3; r++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        // Under the lock a reader sees one of the states the writer passes through.
                        assertThat(List.of(List.of(), List.of("g-a"), List.of("g-a", "g-b")))
                                .contains(directory.groupIdsOf(ann).stream().sorted().toList());
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

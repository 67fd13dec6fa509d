package dev.fedbroker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.fedbroker.scim.ScimEndpoint;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimMembership;
import dev.fedbroker.scim.ScimQuery;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimResourceStore;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract on a database, plus what only a database gives: several instances on one database, dropped
 * connections, and the one-query membership lookup. Subclasses say which database.
 */
abstract class JdbcScimResourceStoreContract extends ScimResourceStoreContract {
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private final List<HikariDataSource> pools = new ArrayList<>();
    protected DataSource dataSource;

    /** A new connection pool on this class's database (a second call is a second "instance"). */
    protected abstract HikariDataSource openPool(String name, int size);

    /** An unpooled DataSource on the same database, whose connections a test may close under the store. */
    protected abstract DataSource unpooled();

    @BeforeEach
    void openDatabase() {
        dataSource = track(openPool("instance-a", 6));
        TestDatabases.migrateAndClean(dataSource);
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Override
    protected ScimResourceStore store() {
        return store(dataSource);
    }

    protected JdbcScimResourceStore store(DataSource on) {
        return JdbcScimResourceStore.builder(on).clock(clock).build();
    }

    protected HikariDataSource track(HikariDataSource pool) {
        pools.add(pool);
        return pool;
    }

    @Test
    void membershipsWhenUserInTwoHundredGroupsThenOneStatement() {
        ScimResourceStore store = store();
        ScimResource user = user(store, "many@x.io");
        for (int i = 0; i < 200; i++) {
            store.create("Group", group("G" + i, "obj-" + i, user.id()));
        }
        InstrumentedDataSource counted = new InstrumentedDataSource(dataSource);

        List<ScimMembership> memberships = store(counted.dataSource()).memberships(user.id());

        assertThat(memberships).hasSize(200).allMatch(ScimMembership::direct);
        assertThat(counted.statements.get()).isEqualTo(1);
    }

    @Test
    void createWhenUserNameLongerThanItsColumnThenInvalidValueAndNothingStored() {
        ScimResourceStore store = store();

        assertThat(failure(() -> user(store, "x".repeat(600) + "@x.io"))).isEqualTo(ScimErrorType.INVALID_VALUE);
        assertThat(store.query("User", ScimQuery.all(10)).totalResults()).isZero();
    }

    @Test
    void patchWhenTwoInstancesAddMembersToOneGroupConcurrentlyThenNoMemberIsLost() throws Exception {
        ScimResourceStore first = store();
        ScimResourceStore second = store(track(openPool("instance-b", 6)));
        List<ScimEndpoint> instances = List.of(endpoint(first), endpoint(second));
        String groupId = first.create("Group", group("Busy", "busy")).id();
        int threads = 6;
        int perThread = 15;
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < threads * perThread; i++) {
            userIds.add(user(first, "u" + i + "@x.io").id());
        }

        long retries = ReplayCacheContract.race(threads, worker -> () -> {
            ScimEndpoint instance = instances.get(worker % 2);
            long again = 0;
            for (int i = 0; i < perThread; i++) {
                String body = "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"add\",\"path\":"
                        + "\"members\",\"value\":[{\"value\":\"" + userIds.get(worker * perThread + i) + "\"}]}]}";
                // A real client (Azure AD) retries a 409/412/503 later; here at once.
                int status;
                while ((status = instance.handle(ScimRequest.of("PATCH", "/Groups/" + groupId, body)).status())
                        != 204 && status != 200) {
                    assertThat(status).isIn(409, 412, 503);
                    again++;
                }
            }
            return again;
        });

        ScimResource stored = second.get("Group", groupId).orElseThrow();
        assertThat(stored.memberIds()).containsExactlyInAnyOrderElementsOf(userIds);
        assertThat(stored.version()).isEqualTo(1 + threads * perThread);
        assertThat(retries).isNotNegative();
    }

    @Test
    void createWhenConnectionDropsAtAnyStatementThenNothingOrEverythingIsStored() {
        ScimResource user = user(store(), "a@x.io");
        Map<String, Object> wanted = group("New", "new", user.id(), "m-2", "m-3");

        everyCutPoint(store -> store.create("Group", wanted), () -> {
            assertThat(store().query("Group", ScimQuery.all(10)).totalResults()).isZero();
            assertThat(store().memberships(user.id())).isEmpty();
        });

        ScimResource stored = store().query("Group", ScimQuery.all(10)).resources().get(0);
        assertThat(stored.memberIds()).containsExactly(user.id(), "m-2", "m-3");
        assertThat(store().memberships(user.id())).extracting(ScimMembership::groupId).containsExactly(stored.id());
    }

    @Test
    void replaceWhenConnectionDropsAtAnyStatementThenNothingOrEverythingIsStored() {
        ScimResourceStore store = store();
        ScimResource a = user(store, "a@x.io");
        ScimResource b = user(store, "b@x.io");
        ScimResource before = store.create("Group", group("G", "g", a.id(), "m-1"));
        Map<String, Object> wanted = group("G2", "g", b.id(), "m-1", "m-9");

        everyCutPoint(s -> s.replace("Group", before.id(), wanted, OptionalLong.of(1)),
                () -> assertThat(store().get("Group", before.id())).contains(before));

        ScimResource after = store().get("Group", before.id()).orElseThrow();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.stringAttribute("displayName")).contains("G2");
        assertThat(after.memberIds()).containsExactlyInAnyOrder(b.id(), "m-1", "m-9");
    }

    @Test
    void deleteWhenConnectionDropsAtAnyStatementThenNothingOrEverythingIsDeleted() {
        ScimResourceStore store = store();
        ScimResource a = user(store, "a@x.io");
        ScimResource g = store.create("Group", group("G", "g", a.id()));
        ScimResource h = store.create("Group", group("H", "h", a.id()));

        everyCutPoint(s -> s.delete("User", a.id(), OptionalLong.empty()), () -> {
            assertThat(store().get("Group", g.id())).contains(g);
            assertThat(store().get("Group", h.id())).contains(h);
            assertThat(store().memberships(a.id())).hasSize(2);
        });

        assertThat(store().get("User", a.id())).isEmpty();
        assertThat(store().get("Group", g.id()).orElseThrow().memberIds()).isEmpty();
        assertThat(store().get("Group", h.id()).orElseThrow().version()).isEqualTo(2);
    }

    /**
     * Runs {@code write} with the connection dropped before its 1st, 2nd, ... statement until one run needs no
     * cut: each cut run must fail with UNAVAILABLE and leave {@code unchanged} true; the last run commits.
     */
    private void everyCutPoint(Consumer<ScimResourceStore> write, Runnable unchanged) {
        for (int cut = 1; ; cut++) {
            InstrumentedDataSource faulty = new InstrumentedDataSource(unpooled());
            faulty.dropBefore.set(cut);
            ScimResourceStore store = store(faulty.dataSource());
            try {
                write.accept(store);
            } catch (ScimException e) {
                assertThat(e.type()).as("cut before statement %d", cut).isEqualTo(ScimErrorType.UNAVAILABLE);
                assertThat(e.getCause()).isInstanceOf(JdbcStoreException.class);
                unchanged.run();
                continue;
            }
            assertThat(faulty.executions.get()).as("the write ran to its end").isLessThan(cut);
            assertThat(cut).as("cut points tried").isGreaterThan(2);
            return;
        }
    }

    private static ScimEndpoint endpoint(ScimResourceStore store) {
        return ScimEndpoint.builder().store(store).baseUrl(URI.create("https://broker.example.com/scim/v2")).build();
    }

}

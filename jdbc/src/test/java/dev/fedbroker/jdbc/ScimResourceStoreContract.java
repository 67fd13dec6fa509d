package dev.fedbroker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.fedbroker.core.DirectoryUser;
import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimDirectory;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimFilter;
import dev.fedbroker.scim.ScimMembership;
import dev.fedbroker.scim.ScimPage;
import dev.fedbroker.scim.ScimQuery;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimResourceStore;
import dev.fedbroker.scim.ScimSchemas;
import dev.fedbroker.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ScimResourceStore} does (the port's Javadoc, as tests): run against scim-model's in-memory store,
 * H2 and PostgreSQL by the subclasses.
 */
abstract class ScimResourceStoreContract {
    static final Instant START = Instant.parse("2024-05-01T10:00:00.123456Z");

    protected final MutableClock clock = MutableClock.at(START);

    /** A store on empty tables, reading {@link #clock}. */
    protected abstract ScimResourceStore store();

    ScimResource user(ScimResourceStore store, String userName, String... externalId) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("schemas", List.of(ScimSchemas.USER));
        attributes.put("userName", userName);
        attributes.put("active", true);
        if (externalId.length > 0) {
            attributes.put("externalId", externalId[0]);
        }
        return store.create("User", attributes);
    }

    static Map<String, Object> group(String displayName, String externalId, String... memberIds) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("schemas", List.of(ScimSchemas.GROUP));
        attributes.put("displayName", displayName);
        attributes.put("externalId", externalId);
        List<Object> members = new ArrayList<>();
        for (String id : memberIds) {
            members.add(Map.of("value", id));
        }
        if (!members.isEmpty()) {
            attributes.put("members", members);
        }
        return attributes;
    }

    static ScimErrorType failure(Runnable call) {
        return assertThatExceptionOfType(ScimException.class).isThrownBy(call::run).actual().type();
    }

    @Test
    void createWhenNewThenVersionOneTimestampsFromClockAndReadBackEqual() {
        ScimResourceStore store = store();
        ScimResource created = user(store, "ann@example.com", "ann");

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.etag()).isEqualTo("W/\"1\"");
        assertThat(created.created()).isEqualTo(START);
        assertThat(created.lastModified()).isEqualTo(START);
        assertThat(created.stringAttribute("userName")).contains("ann@example.com");
        assertThat(store.get("User", created.id())).contains(created);
    }

    @Test
    void createWhenUserNameTakenInAnotherCaseThenUniqueness() {
        ScimResourceStore store = store();
        user(store, "ann@example.com");

        assertThat(failure(() -> user(store, "ANN@Example.COM"))).isEqualTo(ScimErrorType.UNIQUENESS);
        assertThat(store.query("User", ScimQuery.all(10)).totalResults()).isEqualTo(1);
    }

    @Test
    void createWhenGroupDisplayNameTakenThenUniquenessButUsersMayShareIt() {
        ScimResourceStore store = store();
        store.create("Group", group("Admins", "g-1"));

        assertThat(failure(() -> store.create("Group", group("admins", "g-2")))).isEqualTo(ScimErrorType.UNIQUENESS);
        assertThat(user(store, "Admins").version()).isEqualTo(1);
    }

    @Test
    void createWhenGroupsAttributeGivenThenIgnoredBecauseComputed() {
        ScimResource created = store().create("User", Map.of("userName", "g@x.io", "groups",
                List.of(Map.of("value", "forged"))));

        assertThat(created.attribute("groups")).isEmpty();
    }

    @Test
    void createWhenIdsRepeatAcrossTypesThenEveryIdDiffers() {
        ScimResourceStore store = store();
        ScimResource u = user(store, "a@x.io");
        ScimResource g = store.create("Group", group("G", "g"));

        assertThat(u.id()).isNotEqualTo(g.id());
        assertThat(store.get("Group", u.id())).isEmpty();
    }

    @Test
    void replaceWhenExpectedVersionStaleThenPreconditionFailedAndNothingChanges() {
        ScimResourceStore store = store();
        ScimResource created = user(store, "a@x.io");
        clock.advance(Duration.ofMinutes(1));
        Map<String, Object> renamed = Map.of("schemas", List.of(ScimSchemas.USER), "userName", "b@x.io");

        assertThat(failure(() -> store.replace("User", created.id(), renamed, OptionalLong.of(2))))
                .isEqualTo(ScimErrorType.PRECONDITION_FAILED);
        assertThat(store.get("User", created.id())).contains(created);

        ScimResource replaced = store.replace("User", created.id(), renamed, OptionalLong.of(1));
        assertThat(replaced.version()).isEqualTo(2);
        assertThat(replaced.created()).isEqualTo(START);
        assertThat(replaced.lastModified()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        assertThat(store.get("User", created.id())).contains(replaced);
    }

    @Test
    void replaceWhenUnknownIdOrOtherTypeThenNotFound() {
        ScimResourceStore store = store();
        ScimResource created = user(store, "a@x.io");

        assertThat(failure(() -> store.replace("User", "nope", Map.of("userName", "x"), OptionalLong.empty())))
                .isEqualTo(ScimErrorType.NOT_FOUND);
        assertThat(failure(() -> store.replace("Group", created.id(), group("x", "x"), OptionalLong.empty())))
                .isEqualTo(ScimErrorType.NOT_FOUND);
    }

    @Test
    void replaceWhenRenamedOntoAnotherUserThenUniquenessAndOldNameStaysTaken() {
        ScimResourceStore store = store();
        ScimResource first = user(store, "a@x.io");
        ScimResource second = user(store, "b@x.io");

        assertThat(failure(() -> store.replace("User", second.id(), Map.of("userName", "A@X.IO"),
                OptionalLong.empty()))).isEqualTo(ScimErrorType.UNIQUENESS);
        store.replace("User", first.id(), Map.of("userName", "c@x.io"), OptionalLong.empty());
        assertThat(user(store, "a@x.io").stringAttribute("userName")).contains("a@x.io");
    }

    @Test
    void replaceWhenMembersChangeThenKeptAddedAndRemovedAsGiven() {
        ScimResourceStore store = store();
        ScimResource a = user(store, "a@x.io");
        ScimResource b = user(store, "b@x.io");
        ScimResource c = user(store, "c@x.io");
        ScimResource g = store.create("Group", group("G", "g-1", a.id(), b.id()));

        ScimResource replaced = store.replace("Group", g.id(), group("G", "g-1", b.id(), c.id()),
                OptionalLong.of(1));

        assertThat(replaced.memberIds()).containsExactly(b.id(), c.id());
        assertThat(store.get("Group", g.id()).orElseThrow().memberIds()).containsExactly(b.id(), c.id());
        assertThat(store.memberships(a.id())).isEmpty();
        assertThat(store.memberships(c.id())).extracting(ScimMembership::groupId).containsExactly(g.id());
    }

    @Test
    void deleteWhenMemberOfGroupsThenRemovedFromThemAndTheyGetNewVersions() {
        ScimResourceStore store = store();
        ScimResource a = user(store, "a@x.io");
        ScimResource b = user(store, "b@x.io");
        ScimResource g = store.create("Group", group("G", "g-1", a.id(), b.id()));

        store.delete("User", a.id(), OptionalLong.of(1));

        assertThat(store.get("User", a.id())).isEmpty();
        ScimResource after = store.get("Group", g.id()).orElseThrow();
        assertThat(after.memberIds()).containsExactly(b.id());
        assertThat(after.version()).isEqualTo(2);
        assertThat(failure(() -> store.delete("User", a.id(), OptionalLong.empty())))
                .isEqualTo(ScimErrorType.NOT_FOUND);
    }

    @Test
    void deleteWhenExpectedVersionStaleThenPreconditionFailedAndStillThere() {
        ScimResourceStore store = store();
        ScimResource a = user(store, "a@x.io");

        assertThat(failure(() -> store.delete("User", a.id(), OptionalLong.of(7))))
                .isEqualTo(ScimErrorType.PRECONDITION_FAILED);
        assertThat(store.get("User", a.id())).isPresent();
    }

    @Test
    void deleteWhenGroupDeletedThenItsMembersLoseIt() {
        ScimResourceStore store = store();
        ScimResource a = user(store, "a@x.io");
        ScimResource g = store.create("Group", group("G", "g-1", a.id()));

        store.delete("Group", g.id(), OptionalLong.empty());

        assertThat(store.memberships(a.id())).isEmpty();
        assertThat(store.get("User", a.id()).orElseThrow().attribute("groups")).isEmpty();
        assertThat(store.create("Group", group("G", "g-1")).version()).isEqualTo(1);
    }

    @Test
    void membershipsWhenNestedAndCyclicThenEachGroupOnceWithDirectFlag() {
        ScimResourceStore store = store();
        ScimResource user = user(store, "a@x.io");
        ScimResource a = store.create("Group", group("A", "obj-a", user.id()));
        ScimResource b = store.create("Group", group("B", "obj-b", a.id()));
        ScimResource c = store.create("Group", group("C", "obj-c", b.id(), user.id()));
        store.replace("Group", a.id(), group("A", "obj-a", user.id(), c.id()), OptionalLong.empty());

        List<ScimMembership> memberships = store.memberships(user.id());

        assertThat(memberships).containsExactlyInAnyOrder(
                new ScimMembership(a.id(), Optional.of("obj-a"), "A", true),
                new ScimMembership(b.id(), Optional.of("obj-b"), "B", false),
                new ScimMembership(c.id(), Optional.of("obj-c"), "C", true));
        assertThat(store.memberships(a.id())).extracting(ScimMembership::groupId)
                .containsExactlyInAnyOrder(b.id(), c.id());
        assertThat(store.memberships("unknown")).isEmpty();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) store.get("User", user.id()).orElseThrow()
                .attribute("groups").orElseThrow();
        assertThat(groups).extracting(value -> value.get("value") + "/" + value.get("type"))
                .containsExactlyInAnyOrder(a.id() + "/direct", b.id() + "/indirect", c.id() + "/direct");
    }

    @Test
    void membershipsWhenGroupsNestFortyLevelsDeepThenEveryLevelIsFollowed() {
        ScimResourceStore store = store();
        ScimResource user = user(store, "deep@x.io");
        List<String> chain = new ArrayList<>();
        String below = user.id();
        for (int level = 0; level < 40; level++) {
            below = store.create("Group", group("L" + level, "obj-" + level, below)).id();
            chain.add(below);
        }

        List<ScimMembership> memberships = store.memberships(user.id());

        assertThat(memberships).extracting(ScimMembership::groupId).containsExactlyInAnyOrderElementsOf(chain);
        assertThat(memberships).filteredOn(ScimMembership::direct).extracting(ScimMembership::groupId)
                .containsExactly(chain.get(0));
    }

    @Test
    void membershipsWhenGroupsNestDenselyInCyclesThenEachGroupOnce() {
        ScimResourceStore store = store();
        ScimResource user = user(store, "dense@x.io");
        int count = 20;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(store.create("Group", group("D" + i, "obj-" + i)).id());
        }
        // Every group is a member of the next five (a ring with chords): many cycles, every group reachable.
        for (int i = 0; i < count; i++) {
            List<String> members = new ArrayList<>();
            for (int back = 1; back <= 5; back++) {
                members.add(ids.get((i - back + count) % count));
            }
            if (i == 0) {
                members.add(user.id());
            }
            store.replace("Group", ids.get(i), group("D" + i, "obj-" + i, members.toArray(String[]::new)),
                    OptionalLong.empty());
        }

        assertThat(store.memberships(user.id())).extracting(ScimMembership::groupId)
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(store.memberships(ids.get(0))).extracting(ScimMembership::groupId)
                .containsExactlyInAnyOrderElementsOf(ids.subList(1, count));
    }

    @Test
    void membershipsWhenUserInTwoHundredGroupsThenAllOfThem() {
        ScimResourceStore store = store();
        ScimResource user = user(store, "many@x.io");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(store.create("Group", group("G" + i, "obj-" + i, user.id())).id());
        }

        assertThat(store.memberships(user.id())).extracting(ScimMembership::groupId)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void queryWhenUserNameEqualsInAnotherCaseThenFound() {
        ScimResourceStore store = store();
        ScimResource ann = user(store, "Ann@Example.com");
        user(store, "bob@example.com");

        ScimPage page = store.query("User", ScimQuery.of(ScimFilter.parse("userName eq \"ann@EXAMPLE.com\""), 10));

        assertThat(page.totalResults()).isEqualTo(1);
        assertThat(page.resources()).containsExactly(ann);
    }

    @Test
    void queryWhenExternalIdIsCaseExactThenOnlyTheExactValueMatches() {
        ScimResourceStore store = store();
        ScimResource ann = user(store, "ann@x.io", "Obj-1");
        user(store, "bob@x.io", "obj-1");

        assertThat(store.query("User", ScimQuery.of(ScimFilter.parse("externalId eq \"Obj-1\""), 10)).resources())
                .containsExactly(ann);
    }

    @Test
    void queryWhenOrOfIndexedAndScanFiltersThenSameMatches() {
        ScimResourceStore store = store();
        ScimResource a = user(store, "a@x.io", "ea");
        ScimResource b = user(store, "b@y.io", "eb");
        user(store, "c@z.io", "ec");

        assertThat(store.query("User", ScimQuery.of(ScimFilter.parse(
                "userName eq \"a@x.io\" or externalId eq \"eb\""), 10)).resources()).containsExactly(a, b);
        assertThat(store.query("User", ScimQuery.of(ScimFilter.parse(
                "userName co \"@\" and not (userName ew \"z.io\")"), 10)).resources()).containsExactly(a, b);
        assertThat(store.query("User", ScimQuery.of(ScimFilter.parse(
                "userName eq \"a@x.io\" and active eq false"), 10)).totalResults()).isZero();
    }

    @Test
    void queryWhenFilterSortAndPageThenAsAsked() {
        ScimResourceStore store = store();
        for (String name : List.of("b@x.io", "a@x.io", "c@x.io", "d@y.io")) {
            user(store, name);
        }
        ScimQuery query = new ScimQuery(Optional.of(ScimFilter.parse("userName ew \"X.IO\"")),
                Optional.of(AttributePath.of("userName")), false, 2, 1);

        ScimPage page = store.query("User", query);

        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.startIndex()).isEqualTo(2);
        assertThat(page.resources()).extracting(r -> r.stringAttribute("userName").orElseThrow())
                .containsExactly("b@x.io");
    }

    @Test
    void queryWhenNoFilterThenCreationOrderPagedAndCountZeroGivesOnlyTheTotal() {
        ScimResourceStore store = store();
        List<ScimResource> users = new ArrayList<>();
        for (String name : List.of("c@x.io", "a@x.io", "b@x.io")) {
            users.add(user(store, name));
        }

        assertThat(store.query("User", ScimQuery.all(10)).resources()).containsExactlyElementsOf(users);
        assertThat(store.query("User", new ScimQuery(Optional.empty(), Optional.empty(), false, 2, 5)).resources())
                .containsExactly(users.get(1), users.get(2));
        ScimPage none = store.query("User", ScimQuery.all(0));
        assertThat(none.totalResults()).isEqualTo(3);
        assertThat(none.resources()).isEmpty();
        assertThat(store.query("User", new ScimQuery(Optional.empty(), Optional.empty(), false, 9, 5)).resources())
                .isEmpty();
    }

    @Test
    void queryWhenFilterReadsMembersOrGroupsThenTheyAreThere() {
        ScimResourceStore store = store();
        ScimResource a = user(store, "a@x.io");
        user(store, "b@x.io");
        ScimResource g = store.create("Group", group("G", "g-1", a.id()));
        store.create("Group", group("H", "h-1"));

        assertThat(store.query("Group", ScimQuery.of(ScimFilter.parse("members[value eq \"" + a.id() + "\"]"), 10))
                .resources()).extracting(ScimResource::id).containsExactly(g.id());
        assertThat(store.query("User", ScimQuery.of(ScimFilter.parse("groups[value eq \"" + g.id() + "\"]"), 10))
                .resources()).extracting(ScimResource::id).containsExactly(a.id());
    }

    @Test
    void directoryWhenServedFromTheStoreThenResolverLookupsWork() {
        ScimResourceStore store = store();
        ScimResource ann = user(store, "Ann@Contoso.com");
        ScimResource inner = store.create("Group", group("Inner", "11111111-aaaa", ann.id()));
        store.create("Group", group("Outer", "22222222-bbbb", inner.id()));
        ScimDirectory directory = ScimDirectory.builder().store(store).build();

        DirectoryUser found = directory.userByUserName("ann@contoso.COM").orElseThrow();

        assertThat(found.id()).isEqualTo(ann.id());
        assertThat(directory.groupIdsOf(found)).containsExactlyInAnyOrder("11111111-aaaa", "22222222-bbbb");
        assertThat(directory.groupById("22222222-bbbb")).map(g -> g.displayName()).contains("Outer");
        assertThat(directory.userByUserName("nobody@contoso.com")).isEmpty();
    }
}

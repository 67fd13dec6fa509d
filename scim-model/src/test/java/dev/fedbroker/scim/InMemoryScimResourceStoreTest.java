package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class InMemoryScimResourceStoreTest {
    private final InMemoryScimResourceStore store = InMemoryScimResourceStore.builder().clock(Replayer.CLOCK).build();

    private ScimResource user(String userName) {
        return store.create("User", Map.of("schemas", List.of(ScimSchemas.USER), "userName", userName));
    }

    @Test
    void createWhenNewThenVersionOneAndTimestampsFromClock() {
        ScimResource created = user("a@x.io");

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.etag()).isEqualTo("W/\"1\"");
        assertThat(created.created()).isEqualTo(Instant.parse("2026-01-15T10:00:00Z"));
        assertThat(store.get("User", created.id())).contains(created);
    }

    @Test
    void replaceWhenExpectedVersionStaleThenPreconditionFailedAndNothingChanges() {
        ScimResource created = user("a@x.io");
        Map<String, Object> renamed = Map.of("schemas", List.of(ScimSchemas.USER), "userName", "b@x.io");

        assertThatExceptionOfType(ScimException.class)
                .isThrownBy(() -> store.replace("User", created.id(), renamed, OptionalLong.of(2)))
                .extracting(ScimException::type).isEqualTo(ScimErrorType.PRECONDITION_FAILED);
        assertThat(store.get("User", created.id())).contains(created);
        assertThat(store.replace("User", created.id(), renamed, OptionalLong.of(1)).version()).isEqualTo(2);
    }

    @Test
    void replaceWhenRenamedOntoAnotherUserThenUniquenessAndOldNameStaysTaken() {
        ScimResource first = user("a@x.io");
        ScimResource second = user("b@x.io");

        assertThatExceptionOfType(ScimException.class)
                .isThrownBy(() -> store.replace("User", second.id(), Map.of("userName", "A@X.IO"),
                        OptionalLong.empty()))
                .extracting(ScimException::type).isEqualTo(ScimErrorType.UNIQUENESS);
        store.replace("User", first.id(), Map.of("userName", "c@x.io"), OptionalLong.empty());
        assertThat(user("a@x.io").stringAttribute("userName")).contains("a@x.io");
    }

    @Test
    void deleteWhenUnknownThenNotFound() {
        assertThatExceptionOfType(ScimException.class)
                .isThrownBy(() -> store.delete("User", "nope", OptionalLong.empty()))
                .extracting(ScimException::type).isEqualTo(ScimErrorType.NOT_FOUND);
    }

    @Test
    void queryWhenFilterSortAndPageThenAsAsked() {
        for (String name : List.of("b@x.io", "a@x.io", "c@x.io")) {
            user(name);
        }
        ScimQuery query = new ScimQuery(Optional.of(ScimFilter.parse("userName ew \"X.IO\"")),
                Optional.of(AttributePath.of("userName")), false, 2, 1);

        ScimPage page = store.query("User", query);

        assertThat(page.totalResults()).isEqualTo(3);
        assertThat(page.resources()).extracting(r -> r.stringAttribute("userName").orElseThrow())
                .containsExactly("b@x.io");
    }

    @Test
    void membershipsWhenNestedAndCyclicThenEachGroupOnceWithDirectFlag() {
        ScimResource user = user("a@x.io");
        ScimResource a = store.create("Group", Map.of("displayName", "A", "members", List.of(Map.of("value",
                user.id()))));
        ScimResource b = store.create("Group", Map.of("displayName", "B", "externalId", "obj-b",
                "members", List.of(Map.of("value", a.id()))));
        store.replace("Group", a.id(), Map.of("displayName", "A", "members", List.of(Map.of("value", user.id()),
                Map.of("value", b.id()))), OptionalLong.empty());

        List<ScimMembership> memberships = store.memberships(user.id());

        assertThat(memberships).containsExactly(new ScimMembership(a.id(), Optional.empty(), "A", true),
                new ScimMembership(b.id(), Optional.of("obj-b"), "B", false));
        assertThat(store.memberships(a.id())).extracting(ScimMembership::groupId).containsExactly(b.id());
        assertThat(store.get("User", user.id()).orElseThrow().attribute("groups")).isPresent();
    }

    @Test
    void fromJsonWhenGivenToJsonThenSameResource() {
        ScimResource created = store.create("User", Map.of("schemas", List.of(ScimSchemas.USER), "userName", "j@x.io",
                "active", false, "x509Certificates", List.of(Map.of("value", "TUlJ")), ScimSchemas.ENTERPRISE_USER,
                Map.of("manager", Map.of("value", "m"))));

        ScimResource again = ScimResource.fromJson("User", created.id(), created.version(), created.created(),
                created.lastModified(), created.toJson());

        assertThat(again).isEqualTo(created);
        assertThat(created.toString()).doesNotContain("j@x.io");
    }

    @Test
    void createWhenGroupsAttributeGivenThenIgnoredBecauseComputed() {
        ScimResource created = store.create("User", Map.of("userName", "g@x.io", "groups",
                List.of(Map.of("value", "forged"))));

        assertThat(created.attribute("groups")).isEmpty();
    }
}

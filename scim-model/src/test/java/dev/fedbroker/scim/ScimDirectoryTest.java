package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.fedbroker.core.DirectoryGroup;
import dev.fedbroker.core.DirectoryUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScimDirectoryTest {
    private final InMemoryScimResourceStore store = InMemoryScimResourceStore.builder().clock(Replayer.CLOCK).build();

    @Test
    void groupIdsOfWhenGroupsNestAndCycleThenTransitiveIdsOnceEach() {
        ScimResource user = user("u@example.com", "obj-u", true);
        ScimResource inner = group("Inner", Optional.of("obj-inner"), List.of(user.id()));
        ScimResource outer = group("Outer", Optional.of("obj-outer"), List.of(inner.id()));
        ScimResource cycle = group("Cycle", Optional.empty(), List.of(outer.id()));
        store.replace("Group", outer.id(), Map.of("schemas", List.of(ScimSchemas.GROUP), "displayName", "Outer",
                "externalId", "obj-outer", "members", List.of(Map.of("value", inner.id()),
                        Map.of("value", cycle.id()))), java.util.OptionalLong.empty());
        ScimDirectory directory = ScimDirectory.builder().store(store).build();

        DirectoryUser found = directory.userByUserName("U@EXAMPLE.COM").orElseThrow();

        assertThat(directory.groupIdsOf(found)).containsExactlyInAnyOrder("obj-inner", "obj-outer", cycle.id());
    }

    @Test
    void userByObjectIdWhenAttributeConfiguredThenFindsByIt() {
        user("a@example.com", "0f6c1b6e-aaaa-bbbb-cccc-000000000001", false);
        ScimDirectory directory = ScimDirectory.builder().store(store).objectIdAttribute("externalId").build();

        DirectoryUser found = directory.userByObjectId("0f6c1b6e-aaaa-bbbb-cccc-000000000001").orElseThrow();

        assertThat(found.userName()).isEqualTo("a@example.com");
        assertThat(found.objectId()).contains("0f6c1b6e-aaaa-bbbb-cccc-000000000001");
        assertThat(found.active()).isFalse();
        assertThat(directory.userByObjectId("unknown")).isEmpty();
    }

    @Test
    void userByUserNameWhenB2bGuestUpnThenFoundByTheUpnAzureProvisioned() {
        ScimResource guest = user("first.last@partner.com", "obj-guest", true);
        ScimDirectory directory = ScimDirectory.builder().store(store).build();

        assertThat(directory.userByUserName("first.last_partner.com#EXT#@contoso.onmicrosoft.com"))
                .map(DirectoryUser::id).contains(guest.id());
        assertThat(directory.userByUserName("nobody_partner.com#EXT#@contoso.onmicrosoft.com")).isEmpty();
        assertThat(directory.userByUserName("#EXT#@contoso.onmicrosoft.com")).isEmpty();
    }

    @Test
    void userByObjectIdWhenNotConfiguredThenFindsNobody() {
        user("a@example.com", "obj-a", true);

        assertThat(ScimDirectory.builder().store(store).build().userByObjectId("obj-a")).isEmpty();
    }

    @Test
    void buildWhenObjectIdAttributeIsNotAStringThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> ScimDirectory.builder().store(store)
                .objectIdAttribute("emails").build());
    }

    @Test
    void groupByIdWhenExternalIdOrFallbackThenFound() {
        group("With", Optional.of("obj-with"), List.of());
        ScimResource without = group("Without", Optional.empty(), List.of());
        ScimDirectory directory = ScimDirectory.builder().store(store).build();

        assertThat(directory.groupById("obj-with")).contains(new DirectoryGroup("obj-with", "With"));
        assertThat(directory.groupById(without.id())).contains(new DirectoryGroup(without.id(), "Without"));
        assertThat(directory.groupById("nope")).isEmpty();
    }

    @Test
    void groupIdsOfWhenUserDeletedThenEmptyAndGroupsLoseMember() {
        ScimResource user = user("gone@example.com", "obj-gone", true);
        ScimResource group = group("G", Optional.of("obj-g"), List.of(user.id()));
        store.delete("User", user.id(), java.util.OptionalLong.empty());
        ScimDirectory directory = ScimDirectory.builder().store(store).build();

        assertThat(directory.groupIdsOf(new DirectoryUser(user.id(), "gone@example.com", Optional.empty(), true)))
                .isEmpty();
        ScimResource updated = store.get("Group", group.id()).orElseThrow();
        assertThat(updated.memberIds()).isEmpty();
        assertThat(updated.version()).isEqualTo(2);
    }

    private ScimResource user(String userName, String externalId, boolean active) {
        return store.create("User", Map.of("schemas", List.of(ScimSchemas.USER), "userName", userName,
                "externalId", externalId, "active", active));
    }

    private ScimResource group(String name, Optional<String> externalId, List<String> members) {
        Map<String, Object> attributes = new java.util.LinkedHashMap<>();
        attributes.put("schemas", List.of(ScimSchemas.GROUP));
        attributes.put("displayName", name);
        externalId.ifPresent(id -> attributes.put("externalId", id));
        attributes.put("members", members.stream().map(id -> Map.of("value", id)).toList());
        return store.create("Group", attributes);
    }
}

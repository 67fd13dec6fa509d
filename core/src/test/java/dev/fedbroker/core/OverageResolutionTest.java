package dev.fedbroker.core;

import static dev.fedbroker.core.ResolverFixtures.G_ALL;
import static dev.fedbroker.core.ResolverFixtures.G_DEV;
import static dev.fedbroker.core.ResolverFixtures.G_READERS;
import static dev.fedbroker.core.ResolverFixtures.MFA;
import static dev.fedbroker.core.ResolverFixtures.pairs;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Group overage: the groups come from the provisioned directory, or not at all. */
class OverageResolutionTest {

    private static final String CAROL_OID = "c0c00000-1111-4222-8333-444455556666";
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final EntitlementResolver resolver = EntitlementResolver.of(ResolverFixtures.policy(false), directory);

    OverageResolutionTest() {
        for (String g : List.of(G_READERS, G_ALL, G_DEV)) {
            directory.putGroup(new DirectoryGroup(g, "group " + g));
        }
    }

    private static Identity.Builder overage(String upn) {
        return Identity.builder(upn).upn(upn).groupsOverage(true);
    }

    @Test
    void resolveWhenOverageThenReadsGroupsOfTheUserFoundByUpn() {
        directory.putUser(new DirectoryUser("scim-1", "Carol@Contoso.example", Optional.empty(), true));
        directory.addMember(G_DEV, "scim-1");

        Explanation e = resolver.explain(overage("carol@contoso.example").build());

        assertThat(pairs(e.granted())).containsExactly("333333333333/PowerUserAccess");
        assertThat(e.groupSource()).isEqualTo(Explanation.GroupSource.DIRECTORY);
        assertThat(e.groups()).containsExactly(G_DEV);
    }

    @Test
    void resolveWhenOverageThenFindsTheUserByObjectId() {
        directory.putUser(new DirectoryUser("scim-1", "carol.old@contoso.example", Optional.of(CAROL_OID), true));
        directory.addMember(G_DEV, "scim-1");
        Identity carol = Identity.builder("opaque-name-id").objectId(CAROL_OID).groupsOverage(true).build();

        assertThat(pairs(resolver.resolve(carol))).containsExactly("333333333333/PowerUserAccess");
    }

    @Test
    void resolveWhenOverageThenFollowsProvisionedGroupNesting() {
        directory.putUser(new DirectoryUser("scim-1", "carol@contoso.example", Optional.empty(), true));
        directory.addMember(G_DEV, "scim-1");
        directory.addGroupMember(G_READERS, G_DEV);

        assertThat(pairs(resolver.resolve(overage("carol@contoso.example").build()))).containsExactly(
                "222222222222/ReadOnlyAccess", "333333333333/PowerUserAccess", "444444444444/ReadOnlyAccess",
                "555555555555/ReadOnlyAccess");
    }

    @Test
    void resolveWhenB2bGuestThenMatchesTheUpnAsAzureProvisionsIt() {
        directory.putUser(new DirectoryUser("scim-g", "frank@fabrikam.example", Optional.empty(), true));
        directory.addMember(G_DEV, "scim-g");
        Identity guest = overage("frank_fabrikam.example#EXT#@contoso.onmicrosoft.com").build();

        assertThat(pairs(resolver.resolve(guest))).containsExactly("333333333333/PowerUserAccess");
    }

    @Test
    void resolveWhenB2bGuestThenMatchesByObjectId() {
        directory.putUser(new DirectoryUser("scim-g", "frank@fabrikam.example", Optional.of(CAROL_OID), true));
        directory.addMember(G_DEV, "scim-g");
        Identity guest = overage("frank_other.example#EXT#@contoso.onmicrosoft.com").objectId(CAROL_OID).build();

        assertThat(pairs(resolver.resolve(guest))).containsExactly("333333333333/PowerUserAccess");
    }

    @Test
    void resolveWhenOverageWithoutDirectoryThenNoGroupGrantsButUserGrantsStay() {
        Identity alice = overage("alice@contoso.example").authnMethods(List.of(MFA)).build();

        Explanation e = EntitlementResolver.of(ResolverFixtures.policy(false)).explain(alice);

        assertThat(pairs(e.granted())).containsExactly("111111111111/AdministratorAccess");
        assertThat(e.groupSource()).isEqualTo(Explanation.GroupSource.UNRESOLVED);
        assertThat(e.dropped()).extracting(DroppedCandidate::reason).containsExactly(DropReason.OVERAGE_UNRESOLVED);
    }

    @Test
    void resolveWhenOverageAndUserNotProvisionedThenFailsClosed() {
        Explanation e = resolver.explain(overage("nobody@contoso.example").build());

        assertThat(e.granted()).isEmpty();
        assertThat(e.dropped()).extracting(DroppedCandidate::reason).containsExactly(DropReason.OVERAGE_UNRESOLVED);
    }

    @Test
    void resolveWhenUpnNowBelongsToAnotherObjectIdThenFailsClosed() {
        directory.putUser(new DirectoryUser("scim-1", "carol@contoso.example",
                Optional.of("01d00000-0000-4000-8000-000000000000"), true));
        directory.addMember(G_DEV, "scim-1");
        Identity carol = overage("carol@contoso.example").objectId(CAROL_OID).build();

        Explanation e = resolver.explain(carol);

        assertThat(e.granted()).isEmpty();
        assertThat(e.dropped()).extracting(DroppedCandidate::reason).containsExactly(DropReason.OVERAGE_UNRESOLVED);
    }

    @Test
    void resolveWhenObjectIdAndUpnFindDifferentUsersThenFailsClosed() {
        directory.putUser(new DirectoryUser("scim-1", "carol@contoso.example", Optional.empty(), true));
        directory.putUser(new DirectoryUser("scim-2", "carol2@contoso.example", Optional.of(CAROL_OID), true));
        directory.addMember(G_DEV, "scim-1");
        directory.addMember(G_DEV, "scim-2");
        Identity carol = overage("carol@contoso.example").objectId(CAROL_OID).build();

        Explanation e = resolver.explain(carol);

        assertThat(e.granted()).isEmpty();
        assertThat(e.dropped()).extracting(DroppedCandidate::reason).containsExactly(DropReason.OVERAGE_UNRESOLVED);
    }

    @Test
    void resolveWhenProvisionedUserInactiveThenFailsClosed() {
        directory.putUser(new DirectoryUser("scim-1", "carol@contoso.example", Optional.empty(), false));
        directory.addMember(G_DEV, "scim-1");

        Explanation e = resolver.explain(overage("carol@contoso.example").build());

        assertThat(e.granted()).isEmpty();
        assertThat(e.dropped()).extracting(DroppedCandidate::reason).containsExactly(DropReason.OVERAGE_UNRESOLVED);
    }

    @Test
    void resolveWhenNoOverageThenDirectoryIsNotConsulted() {
        directory.putUser(new DirectoryUser("scim-1", "carol@contoso.example", Optional.empty(), true));
        directory.addMember(G_DEV, "scim-1");

        Explanation e = resolver.explain(Identity.builder("carol@contoso.example").upn("carol@contoso.example")
                .groups(List.of(G_ALL)).build());

        assertThat(e.groupSource()).isEqualTo(Explanation.GroupSource.TOKEN);
        assertThat(e.granted()).allSatisfy(x -> assertThat(x.permissionSetName()).isEqualTo("ReadOnlyAccess"));
    }

    @Test
    void resolveWhenOverageAndUpnOnlyInEmailNameIdThenFindsUserByNameId() {
        directory.putUser(new DirectoryUser("scim-1", "carol@contoso.example", Optional.empty(), true));
        directory.addMember(G_DEV, "scim-1");
        Identity carol = Identity.builder("carol@contoso.example")
                .nameIdFormat("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress").groupsOverage(true).build();

        assertThat(pairs(resolver.resolve(carol))).containsExactly("333333333333/PowerUserAccess");
    }
}

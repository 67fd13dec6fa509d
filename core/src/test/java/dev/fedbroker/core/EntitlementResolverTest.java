package dev.fedbroker.core;

import static dev.fedbroker.core.ResolverFixtures.BOB_OID;
import static dev.fedbroker.core.ResolverFixtures.G_ALL;
import static dev.fedbroker.core.ResolverFixtures.G_DEV;
import static dev.fedbroker.core.ResolverFixtures.G_EU_ADMINS;
import static dev.fedbroker.core.ResolverFixtures.G_READERS;
import static dev.fedbroker.core.ResolverFixtures.MFA;
import static dev.fedbroker.core.ResolverFixtures.pairs;
import static dev.fedbroker.core.ResolverFixtures.resolver;
import static dev.fedbroker.core.ResolverFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EntitlementResolverTest {

    private final EntitlementResolver resolver = resolver();

    @Test
    void resolveWhenGroupAssignedToUnitThenGrantsEveryAccountInNestedUnits() {
        Identity carol = user("carol@contoso.example").groups(List.of(G_READERS)).build();

        List<Entitlement> result = resolver.resolve(carol);

        assertThat(pairs(result)).containsExactly("222222222222/ReadOnlyAccess", "444444444444/ReadOnlyAccess",
                "555555555555/ReadOnlyAccess");
        assertThat(result.get(2).grants()).containsExactly(
                new Grant(Grant.Kind.GROUP, G_READERS, "ou-prod", List.of("r-root", "ou-prod"), Optional.empty()));
        assertThat(result.get(2).accountName()).isEqualTo("eu-west");
        assertThat(result.get(2).sessionDuration()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void resolveWhenGroupAssignedToRootThenGrantsEveryAccount() {
        Identity carol = user("carol@contoso.example").groups(List.of(G_ALL)).build();

        assertThat(pairs(resolver.resolve(carol))).containsExactly("111111111111/ReadOnlyAccess",
                "222222222222/ReadOnlyAccess", "333333333333/ReadOnlyAccess", "444444444444/ReadOnlyAccess",
                "555555555555/ReadOnlyAccess");
    }

    @Test
    void resolveWhenGroupClaimDiffersInCaseThenStillMatches() {
        Identity carol = user("carol@contoso.example").groups(List.of(G_DEV.toUpperCase())).build();

        assertThat(pairs(resolver.resolve(carol))).containsExactly("333333333333/PowerUserAccess");
    }

    @Test
    void resolveWhenUserPrincipalMatchesUpnIgnoringCaseThenGrantsViaUser() {
        Identity alice = user("Alice@Contoso.EXAMPLE").authnMethods(List.of(MFA)).build();

        List<Entitlement> result = resolver.resolve(alice);

        assertThat(pairs(result)).containsExactly("111111111111/AdministratorAccess");
        assertThat(result.get(0).grants()).extracting(Grant::kind, Grant::principal, Grant::target)
                .containsExactly(tuple(Grant.Kind.USER, "alice@contoso.example", "111111111111"));
        assertThat(result.get(0).grants().get(0).targetPath()).containsExactly("r-root", "111111111111");
    }

    @Test
    void resolveWhenUserPrincipalMatchesNameIdThenGrants() {
        Identity alice = Identity.builder("ALICE@contoso.example").authnMethods(List.of(MFA)).build();

        assertThat(pairs(resolver.resolve(alice))).containsExactly("111111111111/AdministratorAccess");
    }

    @Test
    void resolveWhenUserPrincipalIsObjectIdThenMatchesIdentityObjectId() {
        Identity bob = user("bob@contoso.example").objectId(BOB_OID.toUpperCase()).build();

        List<Entitlement> result = resolver.resolve(bob);

        assertThat(pairs(result)).containsExactly("333333333333/ReadOnlyAccess");
        assertThat(result.get(0).grants()).extracting(Grant::kind).containsExactly(Grant.Kind.USER);
    }

    @Test
    void resolveWhenNoPrincipalMatchesThenNothing() {
        Identity eve = user("eve@contoso.example").objectId("e0e00000-0000-4000-8000-000000000000")
                .groups(List.of("not-a-policy-group")).build();

        assertThat(resolver.resolve(eve)).isEmpty();
    }

    @Test
    void resolveWhenUserIsNamedByAPrincipalOfAnotherKindThenNoMatch() {
        Identity named = Identity.builder("someone").groups(List.of("alice@contoso.example")).build();

        assertThat(resolver.resolve(named)).isEmpty();
    }

    @Test
    void resolveWhenGrantsOverlapThenOneEntitlementCarriesEveryGrant() {
        Identity carol = user("carol@contoso.example").groups(List.of(G_READERS, G_ALL)).build();

        List<Entitlement> result = resolver.resolve(carol);

        assertThat(pairs(result)).containsExactly("111111111111/ReadOnlyAccess", "222222222222/ReadOnlyAccess",
                "333333333333/ReadOnlyAccess", "444444444444/ReadOnlyAccess", "555555555555/ReadOnlyAccess");
        assertThat(result.get(3).grants()).extracting(Grant::principal, Grant::target)
                .containsExactly(tuple(G_READERS, "ou-prod"), tuple(G_ALL, "r-root"));
    }

    @Test
    void resolveWhenPolicyRepeatsAnAssignmentThenTheGrantAppearsOnce() {
        Policy base = ResolverFixtures.policy(false);
        List<Assignment> twice = new ArrayList<>(base.assignments());
        twice.add(base.assignments().get(0));
        Policy policy = Policy.of(base.organization(), base.permissionSets(), twice, false);
        Identity carol = user("carol@contoso.example").groups(List.of(G_READERS)).build();

        assertThat(EntitlementResolver.of(policy).resolve(carol)).allSatisfy(e -> assertThat(e.grants()).hasSize(1));
    }

    @Test
    void resolveWhenUpnAndNameIdAreTheSameUserThenTheUserGrantAppearsOnce() {
        Identity alice = Identity.builder("alice@contoso.example").upn("ALICE@contoso.example")
                .authnMethods(List.of(MFA)).build();

        assertThat(resolver.resolve(alice).get(0).grants()).hasSize(1);
    }

    @Test
    void resolveThenOrdersByAccountIdThenPermissionSetNameWhateverTheClaimOrder() {
        List<String> groups = new ArrayList<>(List.of(G_READERS, G_ALL, G_DEV, G_EU_ADMINS));
        Identity first = user("alice@contoso.example").groups(groups).authnMethods(List.of(MFA)).build();
        Collections.shuffle(groups, new Random(7));
        Identity shuffled = user("alice@contoso.example").groups(groups).authnMethods(List.of(MFA)).build();

        List<Entitlement> result = resolver.resolve(first);

        assertThat(pairs(result)).containsExactly("111111111111/AdministratorAccess", "111111111111/ReadOnlyAccess",
                "222222222222/ReadOnlyAccess", "333333333333/PowerUserAccess", "333333333333/ReadOnlyAccess",
                "444444444444/AdministratorAccess", "444444444444/ReadOnlyAccess",
                "555555555555/AdministratorAccess", "555555555555/ReadOnlyAccess");
        assertThat(resolver.resolve(shuffled)).isEqualTo(result);
    }

    @Test
    void resolveWhenPermissionSetRequiresMfaAndSignInHadNoneThenLeavesItOutAndSaysWhy() {
        Identity alice = user("alice@contoso.example").groups(List.of(G_EU_ADMINS)).authnMethods(List.of(
                "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password")).build();

        Explanation explanation = resolver.explain(alice);

        assertThat(explanation.granted()).isEmpty();
        assertThat(explanation.dropped()).extracting(DroppedCandidate::reason, d -> d.accountRole().orElseThrow())
                .containsExactly(
                        tuple(DropReason.MFA_REQUIRED, new AccountRole("111111111111", "AdministratorAccess")),
                        tuple(DropReason.MFA_REQUIRED, new AccountRole("444444444444", "AdministratorAccess")),
                        tuple(DropReason.MFA_REQUIRED, new AccountRole("555555555555", "AdministratorAccess")));
        assertThat(explanation.dropped().get(1).grants()).extracting(Grant::principal).containsExactly(G_EU_ADMINS);
    }

    @Test
    void resolveWhenPermissionSetRequiresMfaAndSignInHadMfaThenGrants() {
        Identity alice = user("alice@contoso.example").groups(List.of(G_EU_ADMINS)).authnMethods(List.of(MFA)).build();

        Explanation explanation = resolver.explain(alice);

        assertThat(pairs(explanation.granted())).containsExactly("111111111111/AdministratorAccess",
                "444444444444/AdministratorAccess", "555555555555/AdministratorAccess");
        assertThat(explanation.dropped()).isEmpty();
        assertThat(explanation.granted()).allSatisfy(e -> assertThat(e.sessionDuration()).isEqualTo(Duration.ofHours(1)));
    }

    @Test
    void resolveWhenMfaIsMissingThenSetsWithoutMfaRequirementStillGrant() {
        Identity carol = user("carol@contoso.example").groups(List.of(G_EU_ADMINS, G_DEV)).build();

        Explanation explanation = resolver.explain(carol);

        assertThat(pairs(explanation.granted())).containsExactly("333333333333/PowerUserAccess");
        assertThat(explanation.dropped()).extracting(DroppedCandidate::reason).containsOnly(DropReason.MFA_REQUIRED);
    }

    @Test
    void explainWhenGroupsFromTokenThenSaysSo() {
        Identity carol = user("carol@contoso.example").groups(List.of(G_DEV)).build();

        Explanation explanation = resolver.explain(carol);

        assertThat(explanation.groupSource()).isEqualTo(Explanation.GroupSource.TOKEN);
        assertThat(explanation.groups()).containsExactly(G_DEV);
    }
}

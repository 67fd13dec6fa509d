package dev.fedbroker.core;

import static dev.fedbroker.core.ResolverFixtures.G_DEV;
import static dev.fedbroker.core.ResolverFixtures.G_EU_ADMINS;
import static dev.fedbroker.core.ResolverFixtures.G_READERS;
import static dev.fedbroker.core.ResolverFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Why does (or doesn't) this identity get account X with permission set Y?" */
class PairExplanationTest {

    private final EntitlementResolver resolver = ResolverFixtures.resolver();
    private final Identity carol = user("carol@contoso.example").groups(List.of(G_READERS, G_EU_ADMINS)).build();

    @Test
    void explainPairWhenGrantedThenReturnsTheEntitlementWithItsGrants() {
        PairExplanation why = resolver.explain(carol, "555555555555", "ReadOnlyAccess");

        assertThat(why.granted()).isTrue();
        assertThat(why.reasons()).isEmpty();
        assertThat(why.entitlement().orElseThrow().grants()).extracting(Grant::principal, Grant::target)
                .containsExactly(org.assertj.core.api.Assertions.tuple(G_READERS, "ou-prod"));
    }

    @Test
    void explainPairWhenMfaMissingThenReasonIsMfaRequired() {
        PairExplanation why = resolver.explain(carol, "444444444444", "AdministratorAccess");

        assertThat(why.granted()).isFalse();
        assertThat(why.reasons()).extracting(DroppedCandidate::reason).containsExactly(DropReason.MFA_REQUIRED);
        assertThat(why.reasons().get(0).grants()).extracting(Grant::principal).containsExactly(G_EU_ADMINS);
    }

    @Test
    void explainPairWhenNoAssignmentMatchesThenListsTheAssignmentsThatWouldGrantIt() {
        PairExplanation why = resolver.explain(carol, "333333333333", "PowerUserAccess");

        assertThat(why.granted()).isFalse();
        assertThat(why.reasons()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(DropReason.NO_MATCHING_ASSIGNMENT);
            assertThat(r.grants()).extracting(Grant::principal, Grant::target)
                    .containsExactly(org.assertj.core.api.Assertions.tuple(G_DEV, "ou-dev"));
        });
    }

    @Test
    void explainPairWhenNoAssignmentGivesThePairAtAllThenNoMatchingAssignmentWithoutGrants() {
        PairExplanation why = resolver.explain(carol, "333333333333", "AdministratorAccess");

        assertThat(why.reasons()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(DropReason.NO_MATCHING_ASSIGNMENT);
            assertThat(r.grants()).isEmpty();
        });
    }

    @Test
    void explainPairWhenAccountUnknownThenUnknownAccount() {
        assertThat(resolver.explain(carol, "999999999999", "ReadOnlyAccess").reasons())
                .extracting(DroppedCandidate::reason).containsExactly(DropReason.UNKNOWN_ACCOUNT);
    }

    @Test
    void explainPairWhenInputIsGarbageThenAnswersInsteadOfThrowing() {
        assertThat(resolver.explain(carol, "'; drop table", "<script>").reasons())
                .extracting(DroppedCandidate::reason).containsExactly(DropReason.UNKNOWN_ACCOUNT);
    }

    @Test
    void explainPairWhenPermissionSetUnknownThenUnknownPermissionSet() {
        assertThat(resolver.explain(carol, "222222222222", "readonlyaccess").reasons())
                .extracting(DroppedCandidate::reason).containsExactly(DropReason.UNKNOWN_PERMISSION_SET);
    }

    @Test
    void explainPairWhenOverageUnresolvedThenAddsItAsContext() {
        Identity overage = user("carol@contoso.example").groupsOverage(true).build();

        PairExplanation why = resolver.explain(overage, "222222222222", "ReadOnlyAccess");

        assertThat(why.reasons()).extracting(DroppedCandidate::reason)
                .containsExactly(DropReason.NO_MATCHING_ASSIGNMENT, DropReason.OVERAGE_UNRESOLVED);
    }
}

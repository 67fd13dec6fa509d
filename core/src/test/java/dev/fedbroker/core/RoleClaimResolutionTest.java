package dev.fedbroker.core;

import static dev.fedbroker.core.ResolverFixtures.G_READERS;
import static dev.fedbroker.core.ResolverFixtures.MFA;
import static dev.fedbroker.core.ResolverFixtures.pairs;
import static dev.fedbroker.core.ResolverFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleClaimResolutionTest {

    private static final String ROLE = "arn:aws:iam::222222222222:role/Auditor";
    private static final String PROVIDER = "arn:aws:iam::222222222222:saml-provider/AzureAD";

    private final EntitlementResolver accepting = EntitlementResolver.of(ResolverFixtures.policy(true));

    private Explanation explain(String... roles) {
        return accepting.explain(user("dave@contoso.example").roles(List.of(roles)).build());
    }

    @Test
    void resolveWhenRoleThenProviderThenGrantsTheRoleInItsAccount() {
        Explanation e = explain(ROLE + "," + PROVIDER);

        assertThat(pairs(e.granted())).containsExactly("222222222222/Auditor");
        Entitlement auditor = e.granted().get(0);
        assertThat(auditor.accountName()).isEqualTo("payments-prod");
        assertThat(auditor.sessionDuration()).isEqualTo(Duration.ofHours(1));
        Grant grant = auditor.grants().get(0);
        assertThat(grant.kind()).isEqualTo(Grant.Kind.ROLE_CLAIM);
        assertThat(grant.targetPath()).containsExactly("r-root", "ou-prod", "222222222222");
        assertThat(grant.rolePair()).contains(new RolePair(ROLE, PROVIDER));
    }

    @Test
    void resolveWhenProviderThenRoleThenGrantsTheSame() {
        Explanation e = explain(PROVIDER + "," + ROLE);

        assertThat(pairs(e.granted())).containsExactly("222222222222/Auditor");
        assertThat(e.granted().get(0).grants().get(0).rolePair()).contains(new RolePair(ROLE, PROVIDER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "aws-cn", "aws-us-gov"})
    void resolveWhenAnyAwsPartitionThenGrants(String partition) {
        String value = "arn:" + partition + ":iam::222222222222:role/Auditor,arn:" + partition
                + ":iam::222222222222:saml-provider/AzureAD";

        Explanation e = explain(value);

        assertThat(pairs(e.granted())).containsExactly("222222222222/Auditor");
        assertThat(e.granted().get(0).grants().get(0).rolePair().orElseThrow().partition()).isEqualTo(partition);
    }

    @Test
    void resolveWhenRoleHasAPathThenPermissionSetIsTheRoleName() {
        Explanation e = explain("arn:aws:iam::222222222222:role/team/ops/Deployer," + PROVIDER);

        assertThat(pairs(e.granted())).containsExactly("222222222222/Deployer");
    }

    @Test
    void resolveWhenRoleNameContainsCommasThenSplitsAtTheOnlyValidSeparator() {
        Explanation e = explain("arn:aws:iam::222222222222:role/a,b," + PROVIDER);

        assertThat(pairs(e.granted())).containsExactly("222222222222/a,b");
    }

    @Test
    void resolveWhenAccountUnknownToPolicyThenNamesItByItsId() {
        Explanation e = explain("arn:aws:iam::999999999999:role/Auditor,arn:aws:iam::999999999999:saml-provider/P");

        Entitlement auditor = e.granted().get(0);
        assertThat(auditor.accountName()).isEqualTo("999999999999");
        assertThat(auditor.grants().get(0).targetPath()).containsExactly("999999999999");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:iam::22222222222:role/Auditor,arn:aws:iam::22222222222:saml-provider/AzureAD",
            "arn:aws:iam::222222222222:role/Auditor",
            "arn:aws:iam::222222222222:role/Auditor, arn:aws:iam::222222222222:saml-provider/AzureAD",
            "arn:aws:iam::222222222222:role/Auditor,arn:aws:iam::222222222222:role/Other",
            "arn:aws-iso:iam::222222222222:role/Auditor,arn:aws-iso:iam::222222222222:saml-provider/AzureAD",
            "arn:aws:iam::222222222222:role/Aud itor,arn:aws:iam::222222222222:saml-provider/AzureAD",
            "arn:aws:iam::222222222222:user/Auditor,arn:aws:iam::222222222222:saml-provider/AzureAD",
            "arn:aws:iam::222222222222:role/Auditor,arn:aws-cn:iam::222222222222:saml-provider/AzureAD",
            "arn:aws:iam::222222222222:role/,arn:aws:iam::222222222222:saml-provider/AzureAD",
            "ARN:AWS:IAM::222222222222:ROLE/Auditor,ARN:AWS:IAM::222222222222:SAML-PROVIDER/AzureAD",
            " arn:aws:iam::222222222222:role/Auditor,arn:aws:iam::222222222222:saml-provider/AzureAD"})
    void resolveWhenValueStartsLikeAnArnPairButDoesNotParseThenGrantsNothingAndNamesIt(String value) {
        Explanation e = explain(value);

        assertThat(e.granted()).isEmpty();
        assertThat(e.dropped()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DropReason.MALFORMED_ROLE_CLAIM);
            assertThat(d.message()).contains(value.substring(0, 20));
        });
    }

    @Test
    void resolveWhenRoleAndProviderNameDifferentAccountsThenAccountMismatch() {
        Explanation e = explain("arn:aws:iam::222222222222:role/Auditor,arn:aws:iam::333333333333:saml-provider/P");

        assertThat(e.granted()).isEmpty();
        assertThat(e.dropped()).extracting(DroppedCandidate::reason)
                .containsExactly(DropReason.ROLE_CLAIM_ACCOUNT_MISMATCH);
    }

    @Test
    void resolveWhenPlainAppRolesThenIgnoresThemSilently() {
        Explanation e = explain("Admin", "msiam_access", "Reader,Writer");

        assertThat(e.granted()).isEmpty();
        assertThat(e.dropped()).isEmpty();
    }

    @Test
    void resolveWhenPolicyDoesNotAcceptRoleClaimsThenGrantsNothingAndSaysWhy() {
        Identity dave = user("dave@contoso.example").roles(List.of(ROLE + "," + PROVIDER)).build();

        Explanation e = EntitlementResolver.of(ResolverFixtures.policy(false)).explain(dave);

        assertThat(e.granted()).isEmpty();
        assertThat(e.dropped()).singleElement().satisfies(d -> {
            assertThat(d.reason()).isEqualTo(DropReason.ROLE_CLAIMS_NOT_ACCEPTED);
            assertThat(d.accountRole()).contains(new AccountRole("222222222222", "Auditor"));
        });
    }

    @Test
    void resolveWhenRoleClaimAndAssignmentGiveTheSamePairThenOneEntitlementWithBothGrants() {
        Identity dave = user("dave@contoso.example").groups(List.of(G_READERS))
                .roles(List.of("arn:aws:iam::222222222222:role/ReadOnlyAccess," + PROVIDER)).build();

        List<Entitlement> result = accepting.resolve(dave);

        Entitlement readOnly = result.stream().filter(x -> x.accountId().equals("222222222222")).findFirst().orElseThrow();
        assertThat(readOnly.grants()).extracting(Grant::kind).containsExactly(Grant.Kind.GROUP, Grant.Kind.ROLE_CLAIM);
        assertThat(readOnly.sessionDuration()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void resolveWhenRoleIsNamedLikeAnMfaPermissionSetThenItNeedsMfaToo() {
        String admin = "arn:aws:iam::222222222222:role/AdministratorAccess," + PROVIDER;

        Explanation without = explain(admin);
        Explanation with = accepting.explain(user("dave@contoso.example").roles(List.of(admin))
                .authnMethods(List.of(MFA)).build());

        assertThat(without.dropped()).extracting(DroppedCandidate::reason).containsExactly(DropReason.MFA_REQUIRED);
        assertThat(pairs(with.granted())).containsExactly("222222222222/AdministratorAccess");
    }

    @Test
    void rolePairWhenArnsDoNotFormAPairThenRejects() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new RolePair(ROLE, "arn:aws:iam::333333333333:saml-provider/AzureAD"));
    }
}

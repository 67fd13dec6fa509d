package dev.fedbroker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.fedbroker.core.EntitlementResolver;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Builder, naming rule and endpoint validation. */
class ConfigurationTest {

    @Test
    void buildWhenEntityIdMissingThenRejected() {
        assertThatIllegalStateException().isThrownBy(() -> AwsSignIn.builder()
                .signingKey(TestKeys.broker().privateKey(), TestKeys.broker().certificate())
                .policy(Policies.example()).build());
    }

    @Test
    void buildWhenSigningKeyMissingThenRejected() {
        assertThatIllegalStateException().isThrownBy(() -> AwsSignIn.builder().entityId("e")
                .policy(Policies.example()).build());
    }

    @Test
    void buildWhenBothPolicyAndResolverOrNeitherThenRejected() {
        assertThatIllegalStateException().isThrownBy(() -> SignInFixtures.builder()
                .resolver(EntitlementResolver.of(Policies.example())).build());
        assertThatIllegalStateException().isThrownBy(() -> AwsSignIn.builder().entityId("e")
                .signingKey(TestKeys.broker().privateKey(), TestKeys.broker().certificate()).build());
    }

    @Test
    void buildWhenKeyDoesNotMatchCertificateThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SignInFixtures.builder()
                .signingKey(TestKeys.other().privateKey(), TestKeys.broker().certificate()).build());
    }

    @Test
    void buildWhenValidityOutOfRangeThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SignInFixtures.builder()
                .assertionValidity(Duration.ZERO).build());
        assertThatIllegalArgumentException().isThrownBy(() -> SignInFixtures.builder()
                .assertionValidity(Duration.ofHours(2)).build());
    }

    @Test
    void buildWhenSharedResolverThenSignsWithIt() {
        AwsSignIn signIn = AwsSignIn.builder().entityId("e")
                .signingKey(TestKeys.broker().privateKey(), TestKeys.broker().certificate())
                .resolver(EntitlementResolver.of(Policies.example())).clock(SignInFixtures.clock()).build();

        assertThat(signIn.signIn(SignInFixtures.reader().build(), Policies.SANDBOX, "Billing").permissionSet())
                .isEqualTo("Billing");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "arn:aws:iam::{account}:role/{permissionSet}",                     // literal partition
        "arn:{partition}:iam::123456789012:role/{permissionSet}",           // literal account
        "arn:{partition}:iam::{account}:role/fedbroker/Fixed",              // no permission set
        "arn:{partition}:iam::{account}:role/{permissionSet}/path/x",       // placeholder in the path
        "arn:{partition}:iam::{account}:role/fed broker/{permissionSet}",   // space
        "arn:{partition}:iam::{account}:user/{permissionSet}"})
    void roleNamingWhenPatternMalformedThenRejected(String pattern) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoleNaming(pattern,
                RoleNaming.DEFAULT.providerPattern()));
    }

    @Test
    void roleNamingWhenProviderPatternHasPlaceholderInNameThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoleNaming(RoleNaming.DEFAULT.rolePattern(),
                "arn:{partition}:iam::{account}:saml-provider/{permissionSet}"));
    }

    @Test
    void roleNamingWhenRoleNameWouldExceed64ThenRejected() {
        RoleNaming naming = new RoleNaming("arn:{partition}:iam::{account}:role/" + "p".repeat(40) + "{permissionSet}",
                RoleNaming.DEFAULT.providerPattern());

        assertThat(naming.roleName("x".repeat(24))).hasSize(64);
        assertThatIllegalArgumentException().isThrownBy(() -> naming.roleName("x".repeat(25)));
    }

    @Test
    void signInWhenNamingGivesTooLongRoleNameThenRefusedInvalidRoleName() {
        AwsSignIn signIn = SignInFixtures.builder().trust(AwsTrust.defaults().withNaming(new RoleNaming(
                "arn:{partition}:iam::{account}:role/" + "p".repeat(60) + "{permissionSet}",
                RoleNaming.DEFAULT.providerPattern()))).build();

        org.assertj.core.api.Assertions.assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> signIn.signIn(SignInFixtures.reader().build(), Policies.SANDBOX, "Billing"))
                .extracting(AwsSignInException::reason).isEqualTo(AwsSignInException.Reason.INVALID_ROLE_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://signin.aws.amazon.com/saml", "https://user@signin.aws.amazon.com/saml",
        "https://signin.aws.amazon.com/saml#x", "/saml"})
    void signInEndpointWhenNotPlainHttpsThenRejected(String url) {
        assertThatIllegalArgumentException().isThrownBy(() -> SignInEndpoint.of(url, AwsPartition.AWS));
    }

    @Test
    void signInEndpointWhenRegionalThenRegionalHost() {
        assertThat(SignInEndpoint.regional("eu-west-1").urlText()).isEqualTo("https://eu-west-1.signin.aws.amazon.com/saml");
        assertThatIllegalArgumentException().isThrownBy(() -> SignInEndpoint.regional("cn-north-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> SignInEndpoint.regional("us-gov-west-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> SignInEndpoint.regional("evil.com/x#"));
    }
}

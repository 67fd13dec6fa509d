package dev.fedbroker.aws;

import static dev.fedbroker.aws.SignInFixtures.admin;
import static dev.fedbroker.aws.SignInFixtures.builder;
import static dev.fedbroker.aws.SignInFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.fedbroker.aws.AwsSignInException.Reason;
import dev.fedbroker.core.Identity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsSignInTest {

    private static final AwsSignIn SIGN_IN = builder().build();

    @Test
    void signInWhenGrantedThenJdkVerifiesTheAssertionSignature() {
        AwsSignInResponse response = SIGN_IN.signIn(reader().build(), Policies.PAYMENTS_PROD, "ReadOnlyAccess");

        JdkSignatureVerifier.Result result = JdkSignatureVerifier.verifyAssertion(response.samlResponseXml(),
                TestKeys.broker().certificate().getPublicKey());
        assertThat(result.valid()).isTrue();
        assertThat(result.referenceUri()).isEqualTo("#" + response.assertionId());
    }

    @Test
    void signInWhenGrantedThenResponseNamesRolePairSessionAndEndpoint() {
        AwsSignInResponse response = SIGN_IN.signIn(reader().build(), Policies.PAYMENTS_PROD, "ReadOnlyAccess");

        assertThat(response.roleArn()).isEqualTo("arn:aws:iam::222222222222:role/fedbroker/ReadOnlyAccess");
        assertThat(response.providerArn()).isEqualTo("arn:aws:iam::222222222222:saml-provider/fedbroker");
        assertThat(response.roleSessionName()).isEqualTo("reader@contoso.example");
        assertThat(response.sessionDuration()).isEqualTo(Duration.ofHours(8));
        assertThat(response.destination()).hasToString("https://signin.aws.amazon.com/saml");
        assertThat(response.accountName()).isEqualTo("payments-prod");
        assertThat(response.notOnOrAfter()).isEqualTo(SignInFixtures.NOW.plus(Duration.ofMinutes(5)));
        assertThat(response.assertionId()).startsWith("_");
    }

    @Test
    void signInWhenRoleTamperedThenSignatureBreaks() {
        String xml = SIGN_IN.signIn(reader().build(), Policies.PAYMENTS_PROD, "ReadOnlyAccess").samlResponseXml();
        String tampered = xml.replace("role/fedbroker/ReadOnlyAccess", "role/fedbroker/AdministratorAccess");

        assertThat(tampered).isNotEqualTo(xml);
        assertThat(JdkSignatureVerifier.verifyAssertion(tampered, TestKeys.broker().certificate().getPublicKey())
                .valid()).isFalse();
    }

    @Test
    void signInWhenDurationTamperedThenSignatureBreaks() {
        String xml = SIGN_IN.signIn(reader().build(), Policies.PAYMENTS_PROD, "ReadOnlyAccess").samlResponseXml();
        String tampered = xml.replace(">28800<", ">43200<");

        assertThat(tampered).isNotEqualTo(xml);
        assertThat(JdkSignatureVerifier.verifyAssertion(tampered, TestKeys.broker().certificate().getPublicKey())
                .valid()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] account {0}, permission set {1}")
    @CsvSource(delimiter = '|', value = {
        "111111111111|ReadOnlyAccess",          // granted elsewhere (ou-prod), not on management
        "444444444444|ReadOnlyAccess",          // sandbox: only Billing
        "222222222222|AdministratorAccess",     // exists, assigned to admins only
        "222222222222|readonlyaccess",          // names are case-sensitive
        "222222222222|NoSuchSet",
        "999999999999|Billing",                 // not in the organization
        "22222222222 |ReadOnlyAccess",          // malformed account id
        "\"><script>alert(1)</script>|ReadOnlyAccess",
        "222222222222|ReadOnlyAccess,arn:aws:iam::222222222222:role/Admin"})
    void signInWhenPairNotGrantedThenRefusedNotEntitled(String account, String permissionSet) {
        assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> SIGN_IN.signIn(reader().build(), account, permissionSet))
                .extracting(AwsSignInException::reason).isEqualTo(Reason.NOT_ENTITLED);
    }

    @Test
    void signInWhenChoiceMissingThenRefusedNotEntitled() {
        assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> SIGN_IN.signIn(reader().build(), null, "ReadOnlyAccess"))
                .extracting(AwsSignInException::reason).isEqualTo(Reason.NOT_ENTITLED);
    }

    @Test
    void signInWhenMfaRequiredAndMissingThenRefusedMfaRequired() {
        assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> SIGN_IN.signIn(admin().build(), Policies.MANAGEMENT, "AdministratorAccess"))
                .extracting(AwsSignInException::reason).isEqualTo(Reason.MFA_REQUIRED);
    }

    @Test
    void signInWhenMfaRequiredAndPresentThenSigns() {
        Identity withMfa = admin().authnMethods(List.of(Identity.AZURE_MFA_METHOD)).build();

        AwsSignInResponse response = SIGN_IN.signIn(withMfa, Policies.MANAGEMENT, "AdministratorAccess");

        assertThat(response.roleArn()).isEqualTo("arn:aws:iam::111111111111:role/fedbroker/AdministratorAccess");
        assertThat(response.sessionDuration()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void signInWhenPairComesOnlyFromLegacyRoleClaimThenRefusedNotEntitled() {
        AwsSignIn legacy = builder().policy(dev.fedbroker.core.PolicyLoader.defaults().parse("""
                {"organization": {"id": "r-root", "name": "Root", "accounts": [], "units": []},
                 "permissionSets": [], "assignments": [], "acceptRoleClaims": true}""")).build();
        Identity claimed = Identity.builder("n").roles(List.of(
                "arn:aws:iam::555555555555:role/Admin,arn:aws:iam::555555555555:saml-provider/AzureAD")).build();

        assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> legacy.signIn(claimed, "555555555555", "Admin"))
                .extracting(AwsSignInException::reason).isEqualTo(Reason.NOT_ENTITLED);
    }

    @Test
    void signInWhenAccountUsesRegionalOrOtherPartitionEndpointThenDestinationAndArnsFollow() {
        AwsSignIn regional = builder().trust(AwsTrust.defaults()
                .withAccountEndpoint(Policies.PAYMENTS_PROD, SignInEndpoint.regional("eu-central-1"))
                .withAccountEndpoint(Policies.SANDBOX, SignInEndpoint.GOV_CLOUD)).build();

        AwsSignInResponse eu = regional.signIn(reader().build(), Policies.PAYMENTS_PROD, "ReadOnlyAccess");
        AwsSignInResponse gov = regional.signIn(reader().build(), Policies.SANDBOX, "Billing");

        assertThat(eu.destination()).hasToString("https://eu-central-1.signin.aws.amazon.com/saml");
        assertThat(gov.destination()).hasToString("https://signin.amazonaws-us-gov.com/saml");
        assertThat(gov.roleArn()).isEqualTo("arn:aws-us-gov:iam::444444444444:role/fedbroker/Billing");
        assertThat(gov.providerArn()).isEqualTo("arn:aws-us-gov:iam::444444444444:saml-provider/fedbroker");
    }

    @Test
    void signInWhenUpnUnusableThenEmailThenNameIdGiveTheSessionName() {
        Identity emailOnly = reader().upn("€").email("r.eader@contoso.example").build();
        Identity nothing = Identity.builder("§").upn("é").groups(List.of(Policies.READERS)).build();

        assertThat(SIGN_IN.signIn(emailOnly, Policies.SANDBOX, "Billing").roleSessionName())
                .isEqualTo("r.eader@contoso.example");
        assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> SIGN_IN.signIn(nothing, Policies.SANDBOX, "Billing"))
                .extracting(AwsSignInException::reason).isEqualTo(Reason.INVALID_SESSION_NAME);
    }

    @Test
    void signInWhenTwiceThenFreshIds() {
        AwsSignInResponse first = SIGN_IN.signIn(reader().build(), Policies.SANDBOX, "Billing");
        AwsSignInResponse second = SIGN_IN.signIn(reader().build(), Policies.SANDBOX, "Billing");

        assertThat(first.assertionId()).isNotEqualTo(second.assertionId());
    }

    @Test
    void metadataWhenRequestedThenNamesEntityIdAndCertificate() {
        BrokerMetadata metadata = SIGN_IN.metadata(java.net.URI.create("https://broker.example.com/portal"));

        assertThat(metadata.entityId()).isEqualTo(SignInFixtures.ENTITY_ID);
        assertThat(metadata.signingCertificates()).containsExactly(TestKeys.broker().certificate());
    }
}

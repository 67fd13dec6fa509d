package dev.fedbroker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.fedbroker.core.AccountRole;
import dev.fedbroker.core.Entitlement;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.ServiceProvider;
import dev.fedbroker.testing.MutableClock;
import dev.fedbroker.testing.TestIdentityProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole way: the test IdP signs as Azure AD → fedbroker validates → the resolver grants → AwsSignIn signs →
 * fedbroker's own ServiceProvider, configured as AWS's sign-in endpoint is (audience {@code urn:amazon:webservices},
 * ACS = the sign-in endpoint, IdP = the broker's metadata), accepts it and reads the same pair, session name and
 * duration.
 */
class AwsRoundTripTest {

    private static final String BROKER_SP = "https://broker.example.com/saml/sp";
    private static final String BROKER_ACS = "https://broker.example.com/saml/acs";
    private static final String BROKER_IDP = "https://broker.example.com/saml/idp";
    private static final String ROLE = "https://aws.amazon.com/SAML/Attributes/Role";
    private static final String SESSION_NAME = "https://aws.amazon.com/SAML/Attributes/RoleSessionName";
    private static final String SESSION_DURATION = "https://aws.amazon.com/SAML/Attributes/SessionDuration";
    private static final String DEPARTMENT_TAG = "https://aws.amazon.com/SAML/Attributes/PrincipalTag:department";

    private MutableClock clock;
    private TestIdentityProvider azure;
    private ServiceProvider broker;
    private EntitlementResolver resolver;
    private AwsSignIn awsSignIn;

    @BeforeEach
    void wire() {
        clock = MutableClock.at("2026-03-01T10:00:00Z");
        azure = TestIdentityProvider.azureAd("tenant-roundtrip").withClock(clock)
                .withServiceProvider(BROKER_SP, BROKER_ACS);
        broker = ServiceProvider.builder().entityId(BROKER_SP).assertionConsumerService(BROKER_ACS)
                .identityProvider(IdentityProvider.fromMetadata(azure.metadataXml())).clock(clock).build();
        resolver = EntitlementResolver.of(Policies.example());
        awsSignIn = AwsSignIn.builder().entityId(BROKER_IDP)
                .signingKey(TestKeys.broker().privateKey(), TestKeys.broker().certificate())
                .resolver(resolver).clock(clock).sessionTag("department", SignInFixtures.DEPARTMENT).build();
    }

    /** fedbroker's ServiceProvider, configured as AWS's sign-in endpoint is configured for the broker. */
    private ServiceProvider awsSide() {
        String metadata = awsSignIn.metadata(URI.create("https://broker.example.com/portal")).xml();
        return ServiceProvider.builder().entityId(AwsSignIn.AWS_AUDIENCE)
                .assertionConsumerService(SignInEndpoint.GLOBAL.url())
                .identityProvider(IdentityProvider.fromMetadata(metadata)).clock(clock)
                .allowUnsolicited(true).build();
    }

    private Identity signInAtAzure() {
        String fromAzure = azure.response().inResponseTo("_authn-1").objectId(SignInFixtures.OBJECT_ID)
                .upn("reader@contoso.example").groups(List.of(Policies.READERS))
                .attribute(SignInFixtures.DEPARTMENT, "Research").base64();
        return broker.validate(fromAzure, "_authn-1");
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roundTripWhenPairGrantedThenAwsSideReadsTheSamePairSessionNameAndDuration() {
        Identity who = signInAtAzure();
        assertThat(resolver.resolve(who)).extracting(Entitlement::accountRole)
                .contains(new AccountRole(Policies.PAYMENTS_PROD, "ReadOnlyAccess"));

        AwsSignInResponse signed = awsSignIn.signIn(who, Policies.PAYMENTS_PROD, "ReadOnlyAccess");
        clock.advance(Duration.ofSeconds(2));   // the browser's trip to AWS
        Identity atAws = awsSide().validateUnsolicited(signed.samlResponse());

        assertThat(atAws.issuer()).contains(BROKER_IDP);
        assertThat(atAws.nameId()).isEqualTo(SignInFixtures.OBJECT_ID);
        assertThat(atAws.roles()).containsExactly("arn:aws:iam::222222222222:role/fedbroker/ReadOnlyAccess,"
                + "arn:aws:iam::222222222222:saml-provider/fedbroker");
        assertThat(atAws.attributes().get(ROLE)).containsExactly(signed.roleArn() + "," + signed.providerArn());
        assertThat(atAws.attributes().get(SESSION_NAME)).containsExactly("reader@contoso.example");
        assertThat(atAws.attributes().get(SESSION_DURATION)).containsExactly("28800");
        assertThat(atAws.attributes().get(DEPARTMENT_TAG)).containsExactly("Research");
        assertThat(atAws.validUntil()).contains(signed.notOnOrAfter());
    }

    @Test
    void roundTripWhenRoleOrDurationTamperedThenAwsSideRejectsTheSignature() {
        AwsSignInResponse signed = awsSignIn.signIn(signInAtAzure(), Policies.PAYMENTS_PROD, "ReadOnlyAccess");
        String otherRole = signed.samlResponseXml().replace("role/fedbroker/ReadOnlyAccess",
                "role/fedbroker/AdministratorAccess");
        String longer = signed.samlResponseXml().replace(">28800<", ">43200<");

        for (String tampered : List.of(otherRole, longer)) {
            assertThat(tampered).isNotEqualTo(signed.samlResponseXml());
            assertThatExceptionOfType(SamlValidationException.class)
                    .isThrownBy(() -> awsSide().validateUnsolicited(base64(tampered)))
                    .extracting(SamlValidationException::reason)
                    .isEqualTo(SamlValidationException.Reason.SIGNATURE_INVALID);
        }
    }

    @Test
    void roundTripWhenSignedByAnotherKeyThenAwsSideRejectsTheKey() {
        AwsSignIn impostor = AwsSignIn.builder().entityId(BROKER_IDP)
                .signingKey(TestKeys.other().privateKey(), TestKeys.other().certificate())
                .resolver(resolver).clock(clock).build();
        AwsSignInResponse forged = impostor.signIn(signInAtAzure(), Policies.PAYMENTS_PROD, "ReadOnlyAccess");

        assertThatExceptionOfType(SamlValidationException.class)
                .isThrownBy(() -> awsSide().validateUnsolicited(forged.samlResponse()))
                .extracting(SamlValidationException::reason)
                .isIn(SamlValidationException.Reason.UNTRUSTED_KEY, SamlValidationException.Reason.SIGNATURE_INVALID);
    }

    @Test
    void roundTripWhenPostedAfterFiveMinutesThenAwsSideRejectsItAsExpired() {
        AwsSignInResponse signed = awsSignIn.signIn(signInAtAzure(), Policies.SANDBOX, "Billing");
        clock.advance(Duration.ofMinutes(5).plus(awsSideSkew()).plusSeconds(1));

        assertThatExceptionOfType(SamlValidationException.class)
                .isThrownBy(() -> awsSide().validateUnsolicited(signed.samlResponse()))
                .extracting(SamlValidationException::reason)
                .isIn(SamlValidationException.Reason.EXPIRED, SamlValidationException.Reason.ISSUE_INSTANT_OUT_OF_WINDOW);
    }

    @Test
    void roundTripWhenPairNotGrantedThenNothingIsSigned() {
        Identity who = signInAtAzure();

        assertThatExceptionOfType(AwsSignInException.class)
                .isThrownBy(() -> awsSignIn.signIn(who, Policies.MANAGEMENT, "AdministratorAccess"))
                .extracting(AwsSignInException::reason).isEqualTo(AwsSignInException.Reason.NOT_ENTITLED);
    }

    /** The SP's default clock skew (3 minutes): the AWS-side stand-in accepts that much lateness. */
    private static Duration awsSideSkew() {
        return Duration.ofMinutes(3);
    }
}

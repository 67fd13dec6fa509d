package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.AzureClaims;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Step 6: Status, Destination, Issuer, InResponseTo / unsolicited, IssueInstant. All responses validly signed. */
class ProtocolChecksTest {

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    @Test
    void validateWhenStatusNotSuccessWithValidSignedAssertionThenRejectsWithStatusNotSuccess() {
        String xml = f.response().signBoth().status(AzureClaims.STATUS_RESPONDER).xml();
        SamlValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                SamlValidationException.class, () -> sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID));
        assertThat(e.reason()).isEqualTo(Reason.STATUS_NOT_SUCCESS);
        assertThat(e.getMessage()).contains(AzureClaims.STATUS_RESPONDER);
    }

    @Test
    void validateWhenAzureErrorResponseWithoutAssertionThenRejectsWithStatusNotSuccess() {
        String xml = f.response().withoutAssertion().status(AzureClaims.STATUS_REQUESTER)
                .statusMessage("AADSTS50105: The signed in user is not assigned to a role for the application.")
                .xml();
        SamlValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                SamlValidationException.class, () -> sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID));
        assertThat(e.reason()).isEqualTo(Reason.STATUS_NOT_SUCCESS);
        assertThat(e.getMessage()).contains("AADSTS50105");
    }

    @Test
    void validateWhenDestinationIsAnotherSpThenRejectsWithWrongDestination() {
        String xml = f.response().destination("https://other.example.com/saml/acs").xml();
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WRONG_DESTINATION);
    }

    @Test
    void validateWhenDestinationMissingThenRejectsWithWrongDestination() {
        String xml = f.edited(f.response(), d -> d.getDocumentElement().removeAttribute("Destination"));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WRONG_DESTINATION);
    }

    @Test
    void validateWhenResponseIssuerDiffersThenRejectsWithWrongIssuer() {
        assertThat(f.rejectXml(sp, f.response().responseIssuer("https://sts.windows.net/evil/").xml()))
                .isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void validateWhenAssertionIssuerLacksTrailingSlashThenRejectsWithWrongIssuer() {
        String issuer = f.idp.entityId().substring(0, f.idp.entityId().length() - 1);
        assertThat(f.rejectXml(sp, f.response().assertionIssuer(issuer).xml())).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void validateWhenAssertionIssuerMissingThenRejectsWithWrongIssuer() {
        String xml = f.edited(f.response(), d -> Xml.assertion(d).removeChild(Xml.all(d, Xml.SAML, "Issuer").get(1)));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void validateWhenInResponseToDiffersThenRejectsWithInResponseToMismatch() {
        assertThat(f.rejectXml(sp, f.idp.response().inResponseTo("_another-request").xml()))
                .isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void validateWhenUnsolicitedResponseOnSpInitiatedCallThenRejectsWithInResponseToMismatch() {
        assertThat(f.rejectXml(sp, f.idp.response().xml())).isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void validateUnsolicitedWhenNotAllowedThenRejectsWithUnsolicitedNotAllowed() {
        assertThat(Fixture.reasonOf(() -> sp.validateUnsolicited(f.idp.response().base64())))
                .isEqualTo(Reason.UNSOLICITED_NOT_ALLOWED);
    }

    @Test
    void validateUnsolicitedWhenResponseAnswersARequestThenRejectsWithInResponseToMismatch() {
        ServiceProvider open = f.builder().allowUnsolicited(true).build();
        assertThat(Fixture.reasonOf(() -> open.validateUnsolicited(f.response().base64())))
                .isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void validateWhenIssueInstantTooOldThenRejectsWithIssueInstantOutOfWindow() {
        String xml = f.response().xml();
        f.clock.advance(Duration.ofMinutes(5 + 3).plusSeconds(1));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.ISSUE_INSTANT_OUT_OF_WINDOW);
    }

    @Test
    void validateWhenIssueInstantInTheFutureBeyondSkewThenRejectsWithIssueInstantOutOfWindow() {
        String xml = f.response().issueInstant(f.t0.plus(Duration.ofMinutes(3)).plusSeconds(1)).xml();
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.ISSUE_INSTANT_OUT_OF_WINDOW);
    }

    @Test
    void validateWhenResponseVersionIsNot20ThenRejectsWithMalformed() {
        String signedAssertionOnly = f.response().xml().replaceFirst("Version=\"2.0\"", "Version=\"1.1\"");
        assertThat(f.rejectXml(sp, signedAssertionOnly)).isEqualTo(Reason.MALFORMED);
    }
}

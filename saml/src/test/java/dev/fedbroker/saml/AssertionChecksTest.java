package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Step 7: Conditions (with the one skew at its boundaries), audience, bearer confirmation, AuthnStatement, Subject. */
class AssertionChecksTest {

    private static final Duration SKEW = Duration.ofMinutes(3);

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    private boolean accepted(String xml) {
        return sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID) != null;
    }

    @Test
    void validateWhenNotBeforeExactlyAtSkewThenAcceptsAndOneSecondBeyondRejectsWithNotYetValid() {
        Instant edge = f.t0.plus(SKEW);
        assertThat(accepted(f.response().notBefore(edge).xml())).isTrue();
        assertThat(f.rejectXml(sp, f.response().notBefore(edge.plusSeconds(1)).xml()))
                .isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void validateWhenNotOnOrAfterExactlyAtSkewThenAcceptsAndOneSecondBeyondRejectsWithExpired() {
        Instant edge = f.t0.minus(SKEW);
        assertThat(accepted(f.response().notBefore(edge.minusSeconds(600)).notOnOrAfter(edge).xml())).isTrue();
        assertThat(f.rejectXml(sp, f.response().notBefore(edge.minusSeconds(600)).notOnOrAfter(edge.minusSeconds(1))
                .xml())).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void validateWhenSubjectConfirmationExpiredBeyondSkewThenRejectsWithExpired() {
        Instant edge = f.t0.minus(SKEW);
        assertThat(accepted(f.response().subjectConfirmationNotOnOrAfter(edge).xml())).isTrue();
        assertThat(f.rejectXml(sp, f.response().subjectConfirmationNotOnOrAfter(edge.minusSeconds(1)).xml()))
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void validateWhenClockMovesPastTheWindowThenRejectsWithExpired() {
        String xml = f.response().xml();
        f.clock.advance(Duration.ofMinutes(5).plus(SKEW).plusSeconds(1));
        ServiceProvider lenient = f.builder().maxResponseAge(Duration.ofHours(2)).build();
        assertThat(f.rejectXml(lenient, xml)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void validateWhenAudienceIsAnotherSpThenRejectsWithWrongAudience() {
        assertThat(f.rejectXml(sp, f.response().audience("https://other.example.com/saml").xml()))
                .isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void validateWhenAudienceDiffersOnlyBySpnPrefixOrSlashThenRejectsWithWrongAudience() {
        assertThat(f.rejectXml(sp, f.response().audience("spn:" + Fixture.SP_ENTITY_ID).xml()))
                .isEqualTo(Reason.WRONG_AUDIENCE);
        assertThat(f.rejectXml(sp, f.response().audience(Fixture.SP_ENTITY_ID + "/").xml()))
                .isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void validateWhenSecondAudienceRestrictionExcludesUsThenRejectsWithWrongAudience() {
        String xml = f.edited(f.response(), d -> {
            Element conditions = Xml.first(d, Xml.SAML, "Conditions");
            Element other = (Element) Xml.first(d, Xml.SAML, "AudienceRestriction").cloneNode(true);
            other.getFirstChild().setTextContent("https://other.example.com/saml");
            conditions.appendChild(other);
        });
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void validateWhenNoConditionsThenRejectsWithWrongAudience() {
        String xml = f.edited(f.response(), d -> Xml.assertion(d).removeChild(Xml.first(d, Xml.SAML, "Conditions")));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void validateWhenUnknownConditionThenRejectsWithUnsupportedCondition() {
        String xml = f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "Conditions")
                .appendChild(Xml.create(d, Xml.SAML, "saml:Condition")));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.UNSUPPORTED_CONDITION);
    }

    @Test
    void validateWhenRecipientIsAnotherAcsThenRejectsWithWrongRecipient() {
        assertThat(f.rejectXml(sp, f.response().recipient("https://other.example.com/saml/acs").xml()))
                .isEqualTo(Reason.WRONG_RECIPIENT);
    }

    @Test
    void validateWhenSubjectConfirmationInResponseToDiffersThenRejectsWithInResponseToMismatch() {
        String xml = f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmationData")
                .setAttribute("InResponseTo", "_another-request"));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void validateWhenConfirmationMethodIsNotBearerThenRejectsWithNoBearerConfirmation() {
        String xml = f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmation")
                .setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.NO_BEARER_CONFIRMATION);
    }

    @Test
    void validateWhenBearerDataHasNotBeforeThenRejectsWithNoBearerConfirmation() {
        String xml = f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmationData")
                .setAttribute("NotBefore", f.t0.minusSeconds(60).toString()));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.NO_BEARER_CONFIRMATION);
    }

    @Test
    void validateWhenBearerDataMissingThenRejectsWithNoBearerConfirmation() {
        String xml = f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmation")
                .removeChild(Xml.first(d, Xml.SAML, "SubjectConfirmationData")));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.NO_BEARER_CONFIRMATION);
    }

    @Test
    void validateWhenNoAuthnStatementThenRejectsWithNoAuthnStatement() {
        String xml = f.edited(f.response(), d -> Xml.assertion(d)
                .removeChild(Xml.first(d, Xml.SAML, "AuthnStatement")));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.NO_AUTHN_STATEMENT);
    }

    @Test
    void validateWhenNoSubjectThenRejectsWithNoSubject() {
        String xml = f.edited(f.response(), d -> Xml.assertion(d).removeChild(Xml.first(d, Xml.SAML, "Subject")));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.NO_SUBJECT);
    }

    @Test
    void validateWhenNameIdEmptyThenRejectsWithNoSubject() {
        String xml = f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "NameID").setTextContent(""));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.NO_SUBJECT);
    }

    @Test
    void validateWhenAuthnSessionEndedThenRejectsWithExpired() {
        String xml = f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "AuthnStatement")
                .setAttribute("SessionNotOnOrAfter", f.t0.minus(SKEW).minusSeconds(1).toString()));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void validateWhenAuthenticationIsOldButResponseFreshThenAccepts() {
        // Azure reuses SSO sessions: AuthnInstant may be weeks old (conformance response derricksmith-phpsaml-2023)
        assertThat(accepted(f.response().authnInstant(f.t0.minus(Duration.ofDays(81))).xml())).isTrue();
    }

    @Test
    void validateWhenSeveralProblemsThenListsEveryOne() {
        String xml = f.response().audience("https://other.example.com/saml")
                .recipient("https://other.example.com/acs").xml();
        SamlValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                SamlValidationException.class, () -> sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID));
        assertThat(e.problems()).extracting(SamlValidationException.Problem::reason)
                .contains(Reason.WRONG_AUDIENCE, Reason.WRONG_RECIPIENT);
    }
}

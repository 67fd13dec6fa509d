package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Addresses compared as opaque strings (no URL normalization an attacker could steer), and elements that appear more
 * than once where SAML allows one, or where one good copy must not hide a bad one. Every assertion here is signed by
 * the IdP's own key.
 */
class AddressingAndMultiplicityTest {

    private static final String ACS = Fixture.ACS; // https://sp.example.com/saml/acs

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    private String signed(Consumer<Document> edit) {
        return f.edited(f.response(), edit);
    }

    private static Element clone(Element e) {
        Element copy = (Element) e.cloneNode(true);
        e.getParentNode().insertBefore(copy, e.getNextSibling());
        return copy;
    }

    @ParameterizedTest
    @ValueSource(strings = {ACS + "/", "HTTPS://SP.EXAMPLE.COM/saml/acs", "https://sp.example.com/SAML/ACS",
            "https://sp.example.com:443/saml/acs", "https://sp.example.com/saml/%61cs", "https://sp.example.com/saml%2Facs",
            "https://sp.example.com/x/../saml/acs", "https://sp.example.com/saml/./acs", ACS + "?x=1", ACS + "#x",
            " " + ACS, "http://sp.example.com/saml/acs", "https://sp.example.com.evil.example/saml/acs",
            "https://evil.example/?https://sp.example.com/saml/acs"})
    void validateWhenAddressOnlyLooksLikeTheAcsThenRejectsDestinationAndRecipient(String lookalike) {
        assertThat(f.rejectXml(sp, f.response().destination(lookalike).xml())).isEqualTo(Reason.WRONG_DESTINATION);
        assertThat(f.rejectXml(sp, f.response().recipient(lookalike).xml())).isEqualTo(Reason.WRONG_RECIPIENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://SP.example.com/saml", "https://sp.example.com/saml ", "https://sp.example.com/%73aml",
            "spn:https://sp.example.com/saml", "https://sp.example.com:443/saml"})
    void validateWhenAudienceOnlyLooksLikeOursThenRejectsWithWrongAudience(String lookalike) {
        assertThat(f.rejectXml(sp, f.response().audience(lookalike).xml())).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTPS://sts.windows.net/11111111-2222-3333-4444-555555555555/",
            "https://sts.windows.net/11111111-2222-3333-4444-555555555555", " https://sts.windows.net/11111111-2222-3333-4444-555555555555/",
            "https://sts.windows.net/11111111-2222-3333-4444-555555555555//",
            "https://sts.windows.net/11111111-2222-3333-4444-55555555555/"})
    void validateWhenIssuerOnlyLooksLikeTheIdpThenRejectsWithWrongIssuer(String lookalike) {
        assertThat(f.rejectXml(sp, f.response().assertionIssuer(lookalike).xml())).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void validateWhenAssertionHasTwoConditionsThenRejectsWithMalformed() {
        assertThat(f.rejectXml(sp, signed(d -> clone(Xml.first(d, Xml.SAML, "Conditions"))))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenSecondConditionsWouldExcludeUsThenTheFirstCannotHideIt() {
        String xml = signed(d -> {
            Element second = clone(Xml.first(d, Xml.SAML, "Conditions"));
            second.getElementsByTagNameNS(Xml.SAML, "Audience").item(0).setTextContent("https://other.example.com");
        });
        assertThat(f.rejectXml(sp, xml)).isIn(Reason.MALFORMED, Reason.WRONG_AUDIENCE);
    }

    @Test
    void validateWhenAudienceRestrictionIsEmptyThenRejectsWithWrongAudience() {
        String xml = signed(d -> {
            Element restriction = Xml.first(d, Xml.SAML, "AudienceRestriction");
            restriction.removeChild(Xml.first(d, Xml.SAML, "Audience"));
        });
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Subject", "Issuer"})
    void validateWhenAssertionRepeatsASingletonThenRejectsWithMalformed(String singleton) {
        String xml = signed(d -> clone((Element) Xml.assertion(d).getElementsByTagNameNS(Xml.SAML, singleton).item(0)));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenSubjectHasTwoNameIdsThenRejectsWithMalformed() {
        String xml = signed(d -> clone(Xml.first(d, Xml.SAML, "NameID")).setTextContent("admin@contoso.example"));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenBearerConfirmationHasTwoDataElementsThenRejectsWithMalformed() {
        String xml = signed(d -> clone(Xml.first(d, Xml.SAML, "SubjectConfirmationData"))
                .setAttribute("Recipient", "https://other.example.com/acs"));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenResponseHasTwoIssuersThenRejectsWithMalformed() {
        String xml = f.response().xml().replaceFirst("(<Issuer [^>]*>[^<]*</Issuer>)", "$1$1");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenOneBearerConfirmationIsValidAndAnotherIsNotThenAcceptsAsTheProfileAllows() {
        String xml = signed(d -> clone(Xml.first(d, Xml.SAML, "SubjectConfirmation"))
                .getElementsByTagNameNS(Xml.SAML, "SubjectConfirmationData").item(0).getAttributes()
                .getNamedItem("Recipient").setNodeValue("https://other.example.com/acs"));
        assertThat(sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenEveryBearerConfirmationFailsThenReportsTheFirstOnesProblem() {
        String xml = signed(d -> {
            Element first = Xml.first(d, Xml.SAML, "SubjectConfirmationData");
            clone(Xml.first(d, Xml.SAML, "SubjectConfirmation"));
            first.setAttribute("Recipient", "https://other.example.com/acs");
            ((Element) Xml.all(d, Xml.SAML, "SubjectConfirmationData").get(1)).setAttribute("InResponseTo", "_x");
        });
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WRONG_RECIPIENT);
    }

    @Test
    void validateWhenOnlyNonBearerConfirmationsAreValidThenRejectsWithNoBearerConfirmation() {
        String xml = signed(d -> Xml.first(d, Xml.SAML, "SubjectConfirmation")
                .setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key"));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.NO_BEARER_CONFIRMATION);
    }

    @Test
    void validateWhenConditionInAForeignNamespaceLooksLikeOneTimeUseThenRejectsWithUnsupportedCondition() {
        String xml = signed(d -> {
            Element c = Xml.create(d, "urn:evil", "e:OneTimeUse");
            Xml.first(d, Xml.SAML, "Conditions").appendChild(c);
        });
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.UNSUPPORTED_CONDITION);
    }
}

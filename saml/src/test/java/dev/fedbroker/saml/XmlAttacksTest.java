package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Parser-level and shape attacks: all refused before any signature or decryption work. */
class XmlAttacksTest {

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    private static final String XXE = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;</samlp:Response>";
    private static final String LAUGHS = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
            + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&e;&e;&e;</samlp:Response>";

    @Test
    void validateWhenExternalEntityThenRejectsWithDoctypeForbidden() {
        assertThat(f.rejectXml(sp, XXE)).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
    }

    @Test
    void validateWhenBillionLaughsThenRejectsWithDoctypeForbidden() {
        assertThat(f.rejectXml(sp, LAUGHS)).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
    }

    @Test
    void validateWhenAnyDoctypeBeforeSignedResponseThenRejectsWithDoctypeForbidden() {
        String xml = "<!DOCTYPE Response>" + f.response().xml();
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
    }

    @Test
    void validateWhenDeeplyNestedThenRejectsWithTooLarge() {
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + "<a>".repeat(5000)
                + "</a>".repeat(5000) + "</samlp:Response>";
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateWhenNestingExceedsConfiguredDepthThenRejectsWithTooLarge() {
        ServiceProvider strict = f.builder().limits(ValidationLimits.DEFAULTS.withMaxDepth(4)).build();
        assertThat(f.rejectXml(strict, f.response().xml())).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateWhenTooManyAttributesOnOneElementThenRejectsWithTooLarge() {
        StringBuilder attrs = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            attrs.append(" a").append(i).append("=\"x\"");
        }
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"" + attrs + "/>";
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateWhenTooManyElementsThenRejectsWithTooLarge() {
        String xml = "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">" + "<a/>".repeat(6000)
                + "</samlp:Response>";
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateWhenEncodedInputOversizedThenRejectsWithTooLarge() {
        String huge = "A".repeat(ValidationLimits.DEFAULTS.maxEncodedBytes() + 4);
        assertThat(Fixture.reasonOf(() -> sp.validate(huge, Fixture.REQUEST_ID))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateWhenDecodedInputOversizedThenRejectsWithTooLarge() {
        ServiceProvider small = f.builder().limits(ValidationLimits.DEFAULTS.withMaxDecodedBytes(1024)).build();
        assertThat(f.rejectXml(small, f.response().xml())).isEqualTo(Reason.TOO_LARGE);
        assertThat(Fixture.reasonOf(() -> small.validateXml(f.response().xml().getBytes(StandardCharsets.UTF_8),
                Optional.of(Fixture.REQUEST_ID)))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateWhenBase64HasGarbageThenRejectsWithMalformed() {
        String b64 = f.response().base64();
        assertThat(Fixture.reasonOf(() -> sp.validate(b64.substring(0, 40) + "*%$" + b64.substring(40),
                Fixture.REQUEST_ID))).isEqualTo(Reason.MALFORMED);
        assertThat(Fixture.reasonOf(() -> sp.validate("", Fixture.REQUEST_ID))).isEqualTo(Reason.MALFORMED);
        assertThat(Fixture.reasonOf(() -> sp.validate(b64.substring(1), Fixture.REQUEST_ID)))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenBase64HasLineBreaksThenStillAccepts() {
        String b64 = f.response().base64().replaceAll("(.{76})", "$1\r\n");
        assertThat(sp.validate(b64, Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenNotXmlThenRejectsWithMalformed() {
        assertThat(f.rejectXml(sp, "{\"SAMLResponse\": true}")).isEqualTo(Reason.MALFORMED);
        assertThat(f.rejectXml(sp, f.response().xml().substring(0, 300))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenRootIsNotResponseThenRejectsWithMalformed() {
        Document doc = Xml.parse(f.response().xml());
        Element assertion = Xml.assertion(doc);
        String bareAssertion = serializeElement(assertion);
        assertThat(f.rejectXml(sp, bareAssertion)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenResponseInWrongNamespaceThenRejectsWithMalformed() {
        String xml = f.response().xml().replace("urn:oasis:names:tc:SAML:2.0:protocol",
                "urn:oasis:names:tc:SAML:2.0:protocol-evil");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenAssertionInWrongNamespaceThenRejectsWithMultipleAssertions() {
        String xml = f.response().xml().replace("urn:oasis:names:tc:SAML:2.0:assertion",
                "urn:oasis:names:tc:SAML:1.0:assertion");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenTwoAssertionsThenRejectsWithMultipleAssertions() {
        Document doc = Xml.parse(f.response().xml());
        Element second = Xml.assertion(Xml.parse(f.response().nameId("attacker@evil.example").xml()));
        doc.getDocumentElement().appendChild(doc.importNode(second, true));
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenAnotherElementCarriesTheAssertionIdThenRejectsWithDuplicateId() {
        Document doc = Xml.parse(f.response().xml());
        Xml.first(doc, Xml.SAMLP, "Status").setAttribute("ID", Xml.assertion(doc).getAttribute("ID"));
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.DUPLICATE_ID);
    }

    @Test
    void validateWhenNoAssertionAndSuccessThenRejectsWithNoAssertion() {
        Document doc = Xml.parse(f.response().xml());
        doc.getDocumentElement().removeChild(Xml.assertion(doc));
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.NO_ASSERTION);
    }

    private static String serializeElement(Element e) {
        Document d = Xml.parse("<x/>");
        d.replaceChild(d.importNode(e, true), d.getDocumentElement());
        return Xml.serialize(d);
    }
}

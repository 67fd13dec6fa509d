package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.TestSigner.TransformSet;
import dev.fedbroker.testing.AzureClaims;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Our own equivalents of the hostile responses in OneLogin java-saml's test suite
 * ({@code core/src/test/resources/data/responses/invalids/}), rebuilt from what each file shows on Azure-shaped
 * responses signed with our test IdP's key (their files are signed by keys we do not trust). One test per file; the
 * test name carries the file name.
 */
class OneLoginCorpusTest {

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    private Reason reject(String xml) {
        return f.rejectXml(sp, xml);
    }

    @Test
    void attacksResponseWithConcealedSignedAssertion() {
        // an unsigned assertion in place whose signature points at the genuine one, hidden in an unknown element
        Document doc = Xml.parse(f.response().xml());
        Element genuine = Xml.assertion(doc);
        Element fake = (Element) genuine.cloneNode(true);
        fake.setAttribute("ID", "unsigned-assertion");
        Element foo = doc.createElementNS(null, "foo");
        doc.getDocumentElement().replaceChild(fake, genuine);
        genuine.removeChild(Xml.signatureOf(genuine));
        foo.appendChild(genuine);
        doc.getDocumentElement().appendChild(foo);
        assertThat(reject(Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void attacksResponseWithDoubledSignedAssertion() {
        Document doc = Xml.parse(f.response().xml());
        Element genuine = Xml.assertion(doc);
        Element fake = (Element) genuine.cloneNode(true);
        fake.setAttribute("ID", "unsigned-assertion");
        genuine.removeChild(Xml.signatureOf(genuine));
        doc.getDocumentElement().insertBefore(fake, genuine);
        assertThat(reject(Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void attacksResponseWithSpoofedResponseSignature() {
        Document doc = Xml.parse(f.response().xml());
        Element extensions = Xml.create(doc, Xml.SAMLP, "samlp:Extensions");
        Element fake = Xml.create(doc, Xml.SAML, "saml:Response");
        fake.setAttribute("ID", "fakeSignature");
        fake.appendChild(Xml.signatureOf(Xml.assertion(doc)).cloneNode(true));
        extensions.appendChild(fake);
        doc.getDocumentElement().insertBefore(extensions, doc.getDocumentElement().getFirstChild().getNextSibling());
        assertThat(reject(Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void attacksEncryptedNewAttack() {
        // a Response signature that references a LogoutResponse hidden in StatusDetail, over an encrypted assertion
        Document doc = Xml.parse(f.response().unsigned().encryptFor(Fixture.spEncryption().certificate()).xml());
        Element status = Xml.first(doc, Xml.SAMLP, "Status");
        Element detail = Xml.create(doc, Xml.SAMLP, "samlp:StatusDetail");
        Element logout = Xml.create(doc, Xml.SAMLP, "samlp:LogoutResponse");
        logout.setAttribute("ID", "_hidden-logout");
        detail.appendChild(logout);
        status.appendChild(detail);
        TestSigner.sign(doc.getDocumentElement(), logout, "#_hidden-logout", TransformSet.STANDARD,
                TestSigner.EXC_C14N, List.of(), f.idp.signingCredential());
        assertThat(reject(Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void encryptedWithTripleDesContentIsRefused() {
        String xml = f.response().encryptFor(Fixture.spEncryption().certificate()).xml()
                .replace("http://www.w3.org/2009/xmlenc11#aes256-gcm", "http://www.w3.org/2001/04/xmlenc#tripledes-cbc");
        assertThat(reject(xml)).isEqualTo(Reason.ENCRYPTION_ALGORITHM_REFUSED);
    }

    @Test
    void badReferenceAndWrongSignedElement() {
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element assertion = Xml.assertion(doc);
        Element status = Xml.first(doc, Xml.SAMLP, "Status");
        status.setAttribute("ID", "_status");
        TestSigner.sign(assertion, status, "#_status", TransformSet.STANDARD, TestSigner.EXC_C14N, List.of(),
                f.idp.signingCredential());
        assertThat(reject(Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void duplicateReferenceUri() {
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element assertion = Xml.assertion(doc);
        String self = "#" + assertion.getAttribute("ID");
        TestSigner.sign(assertion, assertion, self, TransformSet.STANDARD, TestSigner.EXC_C14N, List.of(self),
                f.idp.signingCredential());
        assertThat(reject(Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void signedAssertionAndMessageWithTwoSignaturesAndTripleSigned() {
        Document doc = Xml.parse(f.response().signBoth().xml());
        Element response = doc.getDocumentElement();
        response.insertBefore(Xml.signatureOf(response).cloneNode(true), Xml.signatureOf(response));
        assertThat(reject(Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void differentIssuers() {
        assertThat(reject(f.response().responseIssuer("https://sts.windows.net/other-tenant/").xml()))
                .isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void emptyDestination() {
        assertThat(reject(f.response().destination("").xml())).isEqualTo(Reason.WRONG_DESTINATION);
    }

    @Test
    void emptyNameId() {
        assertThat(reject(f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "NameID").setTextContent(""))))
                .isEqualTo(Reason.NO_SUBJECT);
    }

    @Test
    void invalidAssertionVersion() {
        assertThat(reject(f.edited(f.response(), d -> Xml.assertion(d).setAttribute("Version", "3.0"))))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void invalidResponseVersion() {
        assertThat(reject(f.response().xml().replaceFirst("Version=\"2.0\"", "Version=\"3.0\"")))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void invalidAudience() {
        assertThat(reject(f.response().audience("http://invalid.audience.com").xml())).isEqualTo(Reason.WRONG_AUDIENCE);
    }

    @Test
    void invalidIssuerAssertionAndMessage() {
        assertThat(reject(f.response().assertionIssuer("https://invalid.issuer.example.com/").xml()))
                .isEqualTo(Reason.WRONG_ISSUER);
        assertThat(reject(f.response().responseIssuer("https://invalid.issuer.example.com/").xml()))
                .isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void invalidSessionIndexExpiredSession() {
        assertThat(reject(f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "AuthnStatement")
                .setAttribute("SessionNotOnOrAfter", "2014-02-19T09:05:49Z")))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void invalidSubjectConfirmationInResponseToAndUnpairedInResponseTo() {
        assertThat(reject(f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmationData")
                .setAttribute("InResponseTo", "invalid_inresponse")))).isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
        assertThat(reject(f.edited(f.response(), d -> d.getDocumentElement()
                .setAttribute("InResponseTo", "_unpaired")))).isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void invalidSubjectConfirmationNotBeforeNoNotOnOrAfterNoRecipient() {
        assertThat(reject(f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmationData")
                .setAttribute("NotBefore", f.t0.plusSeconds(3600).toString()))))
                .isEqualTo(Reason.NO_BEARER_CONFIRMATION);
        assertThat(reject(f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmationData")
                .removeAttribute("NotOnOrAfter")))).isEqualTo(Reason.NO_BEARER_CONFIRMATION);
        assertThat(reject(f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmationData")
                .removeAttribute("Recipient")))).isEqualTo(Reason.WRONG_RECIPIENT);
    }

    @Test
    void invalidSubjectConfirmationNotOnOrAfterPassedAndWrongRecipient() {
        assertThat(reject(f.response().subjectConfirmationNotOnOrAfter(f.t0.minusSeconds(3600)).xml()))
                .isEqualTo(Reason.EXPIRED);
        assertThat(reject(f.response().recipient("http://invalid.recipient.com").xml()))
                .isEqualTo(Reason.WRONG_RECIPIENT);
    }

    @Test
    void noAssertionId() {
        assertThat(reject(f.edited(f.response(), d -> Xml.assertion(d).setAttribute("ID", ""))))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void noIssuerAssertion() {
        assertThat(reject(f.edited(f.response(), d -> Xml.assertion(d)
                .removeChild(Xml.all(d, Xml.SAML, "Issuer").get(1))))).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void noSubjectConfirmationDataAndNoMethod() {
        assertThat(reject(f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmation")
                .removeChild(Xml.first(d, Xml.SAML, "SubjectConfirmationData")))))
                .isEqualTo(Reason.NO_BEARER_CONFIRMATION);
        assertThat(reject(f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "SubjectConfirmation")
                .removeAttribute("Method")))).isEqualTo(Reason.NO_BEARER_CONFIRMATION);
    }

    @Test
    void noTimeCondition() {
        assertThat(reject(f.edited(f.response(), d -> {
            Element conditions = Xml.first(d, Xml.SAML, "Conditions");
            conditions.removeAttribute("NotBefore");
            conditions.removeAttribute("NotOnOrAfter");
        }))).isEqualTo(Reason.EXPIRED);
        assertThat(reject(f.response().unsigned().xml())).isEqualTo(Reason.SIGNATURE_MISSING);
    }

    @Test
    void statusCodeAndSubStatusCodeResponderAndMessage() {
        assertThat(reject(f.response().status(AzureClaims.STATUS_RESPONDER).statusMessage("something went wrong")
                .xml())).isEqualTo(Reason.STATUS_NOT_SUCCESS);
    }

    @Test
    void wrongSpNameQualifier() {
        assertThat(reject(f.edited(f.response(), d -> Xml.first(d, Xml.SAML, "NameID")
                .setAttribute("SPNameQualifier", "https://wrong.sp.example.com")))).isEqualTo(Reason.WRONG_AUDIENCE);
    }
}

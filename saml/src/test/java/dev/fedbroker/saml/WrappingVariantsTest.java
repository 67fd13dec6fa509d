package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Signature wrapping beyond XSW1-8: the genuinely signed assertion hidden in every other place a careless SP might
 * search (Advice, SubjectConfirmationData, a second Response, KeyInfo, EncryptedData), an EncryptedAssertion beside
 * it, and a signed assertion lifted from another response into a new one when only the assertion is signed.
 */
class WrappingVariantsTest {

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    /** An unsigned evil assertion in place (attacker NameID, fresh ID) with the genuine signed one placed by {@code hide}. */
    private String evilWithSignedHidden(BiConsumer<Element, Element> hide) {
        Document doc = Xml.parse(f.response().nameId("victim@contoso.example").xml());
        Element signed = Xml.assertion(doc);
        Element evil = (Element) signed.cloneNode(true);
        evil.setAttribute("ID", "_evil");
        evil.removeChild(Xml.signatureOf(evil));
        for (Node n = evil.getFirstChild(); n != null; n = n.getNextSibling()) {
            if ("Subject".equals(n.getLocalName())) {
                ((Element) n).getElementsByTagNameNS(Xml.SAML, "NameID").item(0).setTextContent("admin@contoso.example");
            }
        }
        signed.getParentNode().replaceChild(evil, signed);
        hide.accept(evil, signed);
        return Xml.serialize(doc);
    }

    private static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalStateException("no " + local);
    }

    @Test
    void validateWhenSignedAssertionHidesInEvilAssertionAdviceThenRejectsWithMultipleAssertions() {
        String xml = evilWithSignedHidden((evil, signed) -> {
            Element advice = Xml.create(evil.getOwnerDocument(), Xml.SAML, "saml:Advice");
            advice.appendChild(signed);
            evil.insertBefore(advice, child(evil, Xml.SAML, "AttributeStatement"));
        });
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenSignedAssertionHidesInSubjectConfirmationDataThenRejectsWithMultipleAssertions() {
        String xml = evilWithSignedHidden((evil, signed) ->
                evil.getElementsByTagNameNS(Xml.SAML, "SubjectConfirmationData").item(0).appendChild(signed));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenSignedAssertionHidesInASecondResponseThenRejectsWithMultipleAssertions() {
        String xml = evilWithSignedHidden((evil, signed) -> {
            Document doc = evil.getOwnerDocument();
            Element extensions = Xml.create(doc, Xml.SAMLP, "samlp:Extensions");
            Element second = Xml.create(doc, Xml.SAMLP, "samlp:Response");
            second.setAttribute("ID", "_second");
            second.appendChild(signed);
            extensions.appendChild(second);
            doc.getDocumentElement().insertBefore(extensions, child(doc.getDocumentElement(), Xml.SAMLP, "Status"));
        });
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenSignedAssertionHidesInTheEvilSignatureKeyInfoThenRejectsWithMultipleAssertions() {
        Document doc = Xml.parse(f.response().signBoth().xml());
        Element response = doc.getDocumentElement();
        Element keyInfo = child(Xml.signatureOf(response), Xml.DS, "KeyInfo");
        keyInfo.appendChild(Xml.assertion(doc).cloneNode(true));
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isIn(Reason.MULTIPLE_ASSERTIONS, Reason.DUPLICATE_ID);
    }

    @Test
    void validateWhenEncryptedAssertionSitsBesideTheSignedAssertionThenRejectsWithMultipleAssertions() {
        String xml = f.response().xml();
        String encrypted = new TestEncryptor(Fixture.spEncryption().certificate())
                .encryptedAssertion(TestEncryptor.assertionOf(f.response().nameId("admin@contoso.example").xml()));
        assertThat(f.rejectXml(sp, xml.replace("</samlp:Response>", encrypted + "</samlp:Response>")))
                .isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenSignedAssertionHidesInEncryptedDataKeyInfoThenRejectsWithMultipleAssertions() {
        String victim = TestEncryptor.assertionOf(f.response().xml());
        String evil = TestEncryptor.assertionOf(f.response().unsigned().nameId("admin@contoso.example").xml());
        String xml = new TestEncryptor(Fixture.spEncryption().certificate()).extraKeyInfo(victim)
                .inResponse(f.response().xml(), evil);
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    /** The signed assertion of a response to {@code requestId} (or unsolicited), placed in a fresh Response. */
    private String liftedInto(String originalResponse, String newInResponseTo) {
        String fresh = f.response().inResponseTo(newInResponseTo).unsigned().xml();
        return fresh.substring(0, fresh.indexOf("<Assertion ")) + TestEncryptor.assertionOf(originalResponse)
                + fresh.substring(fresh.indexOf("</Assertion>") + "</Assertion>".length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"_older-request", "_other-tab"})
    void validateWhenAssertionSignedForAnotherRequestIsLiftedIntoANewResponseThenRejectsWithInResponseToMismatch(
            String originalRequest) {
        String original = f.idp.response().inResponseTo(originalRequest).xml();
        assertThat(f.rejectXml(sp, liftedInto(original, Fixture.REQUEST_ID))).isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void validateWhenUnsolicitedAssertionIsLiftedIntoAnSpInitiatedResponseThenRejectsWithInResponseToMismatch() {
        String original = f.idp.response().xml(); // IdP-initiated: no InResponseTo anywhere
        assertThat(f.rejectXml(sp, liftedInto(original, Fixture.REQUEST_ID))).isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void validateWhenAssertionForAnotherAcsIsLiftedIntoAResponseAddressedToUsThenRejectsWithWrongRecipient() {
        String original = f.response().recipient("https://other-app.example.com/acs").xml();
        assertThat(f.rejectXml(sp, liftedInto(original, Fixture.REQUEST_ID))).isEqualTo(Reason.WRONG_RECIPIENT);
    }

    @Test
    void validateWhenAcceptedAssertionIsLiftedIntoAFreshUnsolicitedResponseThenRejectsWithReplayed() {
        ServiceProvider idpInitiated = f.builder().allowUnsolicited(true).build();
        String original = f.idp.response().xml();
        idpInitiated.validateUnsolicited(Fixture.b64(original));
        String fresh = f.idp.response().unsigned().xml();
        String lifted = fresh.substring(0, fresh.indexOf("<Assertion ")) + TestEncryptor.assertionOf(original)
                + fresh.substring(fresh.indexOf("</Assertion>") + "</Assertion>".length());
        assertThat(Fixture.reasonOf(() -> idpInitiated.validateUnsolicited(Fixture.b64(lifted))))
                .isEqualTo(Reason.REPLAYED);
    }

    @Test
    void validateWhenResponseSignedAndItsAssertionSwappedForAnotherSignedOneThenRejectsWithSignatureInvalid() {
        String signedResponse = f.response().signBoth().xml();
        String other = TestEncryptor.assertionOf(f.response().nameId("admin@contoso.example").xml());
        String swapped = signedResponse.replace(TestEncryptor.assertionOf(signedResponse), other);
        assertThat(f.rejectXml(sp, swapped)).isEqualTo(Reason.SIGNATURE_INVALID);
    }
}

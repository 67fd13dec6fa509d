package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.TestSigner.TransformSet;
import dev.fedbroker.testing.ResponseBuilder;
import dev.fedbroker.testing.TestCredential;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Key, algorithm, transform, tampering and encryption attacks, and NameID comment injection. */
class CryptoAttacksTest {

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    @Test
    void validateWhenSignedByAttackerKeyWithAttackerCertInKeyInfoThenRejectsWithUntrustedKey() {
        ResponseBuilder r = f.response().signWith(Fixture.attacker()).nameId("admin@contoso.example");
        assertThat(r.xml()).contains(Fixture.attacker().certificateBase64());
        assertThat(f.rejectXml(sp, r.xml())).isEqualTo(Reason.UNTRUSTED_KEY);
    }

    @Test
    void validateWhenNameIdChangedAfterSigningThenRejectsWithSignatureInvalid() {
        String xml = f.response().xml().replace("alice@contoso.example</NameID>", "admin@contoso.example</NameID>");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void validateWhenDigestValueChangedThenRejectsWithSignatureInvalid() {
        Document doc = Xml.parse(f.response().xml());
        Element digest = Xml.first(doc, Xml.DS, "DigestValue");
        byte[] d = Base64.getDecoder().decode(digest.getTextContent());
        d[0] ^= 1;
        digest.setTextContent(Base64.getEncoder().encodeToString(d));
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void validateWhenSignatureStrippedThenRejectsWithSignatureMissing() {
        Document doc = Xml.parse(f.response().xml());
        Element assertion = Xml.assertion(doc);
        assertion.removeChild(Xml.signatureOf(assertion));
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_MISSING);
    }

    @Test
    void validateWhenNothingSignedThenRejectsWithSignatureMissing() {
        assertThat(f.rejectXml(sp, f.response().unsigned().xml())).isEqualTo(Reason.SIGNATURE_MISSING);
    }

    @Test
    void validateWhenResponseSignatureRequiredButOnlyAssertionSignedThenRejectsWithSignatureMissing() {
        ServiceProvider strict = f.builder().requireSignedResponse(true).build();
        assertThat(f.rejectXml(strict, f.response().signAssertion().xml())).isEqualTo(Reason.SIGNATURE_MISSING);
    }

    @Test
    void validateWhenAssertionSignatureRequiredButOnlyResponseSignedThenRejectsWithSignatureMissing() {
        ServiceProvider strict = f.builder().requireSignedAssertion(true).build();
        assertThat(f.rejectXml(strict, f.response().signResponse().xml())).isEqualTo(Reason.SIGNATURE_MISSING);
    }

    @ParameterizedTest
    @CsvSource({ResponseBuilder.RSA_SHA1 + "," + ResponseBuilder.SHA256,
            ResponseBuilder.RSA_SHA256 + "," + ResponseBuilder.SHA1,
            ResponseBuilder.RSA_SHA1 + "," + ResponseBuilder.SHA1})
    void validateWhenSha1WithoutOptInThenRejectsWithWeakAlgorithm(String signature, String digest) {
        String xml = f.response().signatureAlgorithm(signature).digestAlgorithm(digest).xml();
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WEAK_ALGORITHM);
    }

    @Test
    void validateWhenSignatureMethodIsHmacThenRejectsWithWeakAlgorithm() {
        String xml = f.response().xml().replace("xmldsig-more#rsa-sha256", "xmldsig-more#hmac-sha256");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WEAK_ALGORITHM);
    }

    @Test
    void validateWhenXPathTransformThenRejectsWithUnsupportedTransform() {
        assertThat(f.rejectXml(sp, signedWith(TransformSet.XPATH, TestSigner.EXC_C14N)))
                .isEqualTo(Reason.UNSUPPORTED_TRANSFORM);
    }

    @Test
    void validateWhenEnvelopedTransformAloneThenRejectsWithUnsupportedTransform() {
        assertThat(f.rejectXml(sp, signedWith(TransformSet.ENVELOPED_ONLY, TestSigner.EXC_C14N)))
                .isEqualTo(Reason.UNSUPPORTED_TRANSFORM);
    }

    @Test
    void validateWhenCanonicalizationKeepsCommentsThenRejectsWithUnsupportedTransform() {
        assertThat(f.rejectXml(sp, signedWith(TransformSet.STANDARD, TestSigner.EXC_C14N_WITH_COMMENTS)))
                .isEqualTo(Reason.UNSUPPORTED_TRANSFORM);
        assertThat(f.rejectXml(sp, signedWith(TransformSet.WITH_COMMENTS, TestSigner.EXC_C14N)))
                .isEqualTo(Reason.UNSUPPORTED_TRANSFORM);
    }

    @Test
    void validateWhenOwnTestSignerSignsStandardShapeThenAccepts() {
        // control for the three tests above: the same signer with Azure's transforms is accepted
        assertThat(sp.validate(Fixture.b64(signedWith(TransformSet.STANDARD, TestSigner.EXC_C14N)),
                Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
    }

    private String signedWith(TransformSet transforms, String c14n) {
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element assertion = Xml.assertion(doc);
        TestSigner.sign(assertion, assertion, "#" + assertion.getAttribute("ID"), transforms, c14n, List.of(),
                f.idp.signingCredential());
        return Xml.serialize(doc);
    }

    @Test
    void validateWhenCommentInsideNameIdThenIdentityCarriesTheWholeSignedText() {
        Document doc = Xml.parse(f.response().unsigned().nameId("alice@contoso.example.evil.com")
                .email("alice@contoso.example.evil.com").xml());
        Element nameId = Xml.first(doc, Xml.SAML, "NameID");
        nameId.setTextContent("alice@contoso.example");
        nameId.appendChild(doc.createComment(""));
        nameId.appendChild(doc.createTextNode(".evil.com"));
        Element assertion = Xml.assertion(doc);
        TestSigner.sign(assertion, f.idp.signingCredential());
        String xml = Xml.serialize(doc);
        assertThat(xml).contains("alice@contoso.example<!---->.evil.com");

        Identity who = sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID);

        assertThat(who.nameId()).isEqualTo("alice@contoso.example.evil.com");
    }

    @Test
    void validateWhenCommentInsideAttributeValueThenClaimCarriesTheWholeSignedText() {
        Document doc = Xml.parse(f.response().unsigned().upn("bob@contoso.example.evil.com").xml());
        for (Element v : Xml.all(doc, Xml.SAML, "AttributeValue")) {
            if ("bob@contoso.example.evil.com".equals(v.getTextContent())) {
                v.setTextContent("bob@contoso.example");
                v.appendChild(doc.createComment("x"));
                v.appendChild(doc.createTextNode(".evil.com"));
            }
        }
        TestSigner.sign(Xml.assertion(doc), f.idp.signingCredential());

        Identity who = sp.validate(Fixture.b64(Xml.serialize(doc)), Fixture.REQUEST_ID);

        assertThat(who.upn()).contains("bob@contoso.example.evil.com");
    }

    @Test
    void validateWhenKeyTransportIsRsa15ThenRejectsWithEncryptionAlgorithmRefused() {
        String xml = f.response().encryptFor(Fixture.spEncryption().certificate())
                .keyTransport(ResponseBuilder.RSA_1_5).xml();
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.ENCRYPTION_ALGORITHM_REFUSED);
    }

    @Test
    void validateWhenEncryptedForAnotherKeyThenRejectsWithDecryptionFailed() {
        TestCredential other = TestCredential.shared("someone-else-sp");
        String xml = f.response().encryptFor(other.certificate()).xml();
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void validateWhenEncryptedButNoDecryptionKeyConfiguredThenRejectsWithDecryptionFailed() {
        ServiceProvider plain = ServiceProvider.builder().entityId(Fixture.SP_ENTITY_ID)
                .assertionConsumerService(Fixture.ACS)
                .identityProvider(IdentityProvider.fromMetadata(f.idp.metadataXml())).clock(f.clock).build();
        String xml = f.response().encryptFor(Fixture.spEncryption().certificate()).xml();
        assertThat(f.rejectXml(plain, xml)).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @ParameterizedTest
    @CsvSource({ResponseBuilder.AES256_GCM, ResponseBuilder.AES256_CBC})
    void validateWhenCipherTextTamperedThenRejectsWithDecryptionFailedAndOneMessage(String content) {
        Document doc = Xml.parse(f.response().encryptFor(Fixture.spEncryption().certificate())
                .contentEncryption(content).xml());
        List<Element> values = Xml.all(doc, "http://www.w3.org/2001/04/xmlenc#", "CipherValue");
        Element data = values.get(values.size() - 1);
        byte[] c = Base64.getMimeDecoder().decode(data.getTextContent());
        c[c.length - 20] ^= 0x55;
        data.setTextContent(Base64.getEncoder().encodeToString(c));

        SamlValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                SamlValidationException.class, () -> sp.validate(Fixture.b64(Xml.serialize(doc)), Fixture.REQUEST_ID));

        assertThat(e.reason()).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(e.problems()).singleElement().extracting(SamlValidationException.Problem::message)
                .isEqualTo(dev.fedbroker.saml.internal.AssertionDecrypter.FAILED);
    }

    @Test
    void validateWhenEncryptedGcmAssertionUnsignedThenRejectsWithSignatureMissing() {
        String xml = f.response().unsigned().encryptFor(Fixture.spEncryption().certificate()).xml();
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.SIGNATURE_MISSING);
    }

    @Test
    void validateWhenEncryptedCbcAssertionUnsignedThenRejectsWithDecryptionFailedSoNoOracle() {
        String xml = f.response().unsigned().encryptFor(Fixture.spEncryption().certificate())
                .contentEncryption(ResponseBuilder.AES256_CBC).xml();
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.DECRYPTION_FAILED);
    }
}

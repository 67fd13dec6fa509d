package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fedbroker.saml.SamlValidationException.Reason;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EncryptedAssertion as an attacker writes it: anyone can encrypt to the SP's public certificate, so the plaintext
 * (DOCTYPE, two assertions, not XML), the layout (keys beside or inside, too many, wrong length, truncated GCM tags)
 * and the algorithm URIs are all hostile. With CBC and no Response signature, every failure must look the same.
 */
class DecryptionAttacksTest {

    private static final X509Certificate SP_CERT = Fixture.spEncryption().certificate();

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    private String encrypted(UnaryOperator<TestEncryptor> knobs, UnaryOperator<String> plaintext) {
        String xml = f.response().xml();
        return knobs.apply(new TestEncryptor(SP_CERT)).inResponse(xml, plaintext.apply(TestEncryptor.assertionOf(xml)));
    }

    @Test
    void validateWhenEncryptedWithAzureLayoutEitherModeThenAccepts() {
        assertThat(sp.validate(Fixture.b64(encrypted(e -> e, a -> a)), Fixture.REQUEST_ID).nameId())
                .isEqualTo("alice@contoso.example");
        assertThat(sp.validate(Fixture.b64(encrypted(TestEncryptor::cbc, a -> a)), Fixture.REQUEST_ID).nameId())
                .isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenEncryptedKeySitsBesideEncryptedDataOrKeyInfoNamesElsewhereThenAcceptsIgnoringTheHints() {
        assertThat(sp.validate(Fixture.b64(encrypted(TestEncryptor::keyBesideData, a -> a)), Fixture.REQUEST_ID))
                .isNotNull();
        String hints = "<ds:RetrievalMethod URI=\"http://127.0.0.1:1/key\"/><ds:KeyName>other</ds:KeyName>"
                + "<xenc:CarriedKeyName xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\">k</xenc:CarriedKeyName>";
        assertThat(sp.validate(Fixture.b64(encrypted(e -> e.extraKeyInfo(hints), a -> a)), Fixture.REQUEST_ID))
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "<!DOCTYPE Assertion>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "garbage", "<x/>"})
    void validateWhenDecryptedPlaintextIsPrefixedWithHostileXmlThenRejectsWithDecryptionFailed(String prefix) {
        assertThat(f.rejectXml(sp, encrypted(e -> e, a -> prefix + a))).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void validateWhenDecryptedPlaintextIsNotASingleAssertionThenRejectsWithDecryptionFailed() {
        assertThat(f.rejectXml(sp, encrypted(e -> e, a -> a + a))).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(f.rejectXml(sp, encrypted(e -> e, a -> f.response().xml()))).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(f.rejectXml(sp, encrypted(e -> e, a -> a.replaceFirst(" ID=\"[^\"]*\"", ""))))
                .isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void validateWhenDecryptedAssertionHidesASecondAssertionInAdviceThenRejects() {
        UnaryOperator<String> advice = a -> a.replaceFirst("<AuthnStatement", "<Advice>"
                + java.util.regex.Matcher.quoteReplacement(a.replace(" ID=\"_", " ID=\"_x")) + "</Advice><AuthnStatement");
        assertThat(f.rejectXml(sp, encrypted(e -> e, advice))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
        assertThat(f.rejectXml(sp, encrypted(TestEncryptor::cbc, advice))).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void validateWhenDecryptedAssertionReusesTheResponseIdThenRejectsWithDuplicateId() {
        String xml = f.response().responseId("_same").assertionId("_same-assertion").xml();
        String enc = new TestEncryptor(SP_CERT).inResponse(xml.replace("ID=\"_same\"", "ID=\"_same-assertion\""),
                TestEncryptor.assertionOf(xml));
        assertThat(f.rejectXml(sp, enc)).isEqualTo(Reason.DUPLICATE_ID);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 8, 15, 16})
    void validateWhenGcmTagIsTruncatedThenRejectsWithDecryptionFailed(int dropped) {
        assertThat(f.rejectXml(sp, encrypted(e -> e.dropTagBytes(dropped), a -> a))).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @ParameterizedTest
    @ValueSource(strings = {" " + TestEncryptor.AES256_GCM, TestEncryptor.AES256_GCM + " ",
            "HTTP://WWW.W3.ORG/2009/XMLENC11#AES256-GCM", "http://www.w3.org/2001/04/xmlenc#tripledes-cbc", ""})
    void validateWhenContentAlgorithmUriVariesThenRejectsWithEncryptionAlgorithmRefused(String uri) {
        assertThat(f.rejectXml(sp, encrypted(e -> e.contentAlgorithmUri(uri), a -> a)))
                .isEqualTo(Reason.ENCRYPTION_ALGORITHM_REFUSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {TestEncryptor.OAEP_MGF1P + " ", "http://www.w3.org/2001/04/xmlenc#rsa-1_5",
            "http://www.w3.org/2001/04/xmlenc#RSA-OAEP-MGF1P", "http://www.w3.org/2001/04/xmlenc#kw-aes256"})
    void validateWhenKeyTransportUriVariesThenRejectsWithEncryptionAlgorithmRefused(String uri) {
        assertThat(f.rejectXml(sp, encrypted(e -> e.keyTransportUri(uri), a -> a)))
                .isEqualTo(Reason.ENCRYPTION_ALGORITHM_REFUSED);
    }

    @Test
    void validateWhenKeyLayoutIsWrongThenRejectsWithDecryptionFailed() {
        assertThat(f.rejectXml(sp, encrypted(e -> e.wrappedKeyLength(16), a -> a))).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(f.rejectXml(sp, encrypted(e -> e.encryptedKeys(5), a -> a))).isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(f.rejectXml(sp, encrypted(e -> e.type("http://www.w3.org/2001/04/xmlenc#Content"), a -> a)))
                .isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void validateWhenSameAssertionArrivesPlainThenEncryptedThenRejectsWithReplayed() {
        String plain = f.response().xml();
        sp.validate(Fixture.b64(plain), Fixture.REQUEST_ID);
        String again = new TestEncryptor(SP_CERT).inResponse(plain, TestEncryptor.assertionOf(plain));
        assertThat(f.rejectXml(sp, again)).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void validateWhenCbcAndResponseUnsignedThenEveryFailureHasOneReasonOneMessageAndNoCause() {
        String attackerSigned = TestEncryptor.assertionOf(f.response().signWith(Fixture.attacker()).xml());
        String unsigned = TestEncryptor.assertionOf(f.response().unsigned().xml());
        String tampered = TestEncryptor.assertionOf(f.response().xml()).replace(">alice@", ">admin@");
        List<String> probes = List.of(
                encrypted(e -> e.cbc().lastPlaintextByte(0), a -> a),
                encrypted(e -> e.cbc().lastPlaintextByte(17), a -> a),
                encrypted(e -> e.cbc().lastPlaintextByte(255), a -> a),
                encrypted(TestEncryptor::cbc, a -> "\u0001not xml"),
                encrypted(TestEncryptor::cbc, a -> "<!DOCTYPE a>" + a),
                encrypted(TestEncryptor::cbc, a -> "<Response xmlns=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"),
                encrypted(TestEncryptor::cbc, a -> unsigned),
                encrypted(TestEncryptor::cbc, a -> attackerSigned),
                encrypted(TestEncryptor::cbc, a -> tampered),
                encrypted(e -> e.cbc().wrappedKeyLength(16), a -> a));
        List<String> seen = new ArrayList<>();
        for (String probe : probes) {
            SamlValidationException e = catchThrowableOfType(SamlValidationException.class,
                    () -> sp.validate(Fixture.b64(probe), Fixture.REQUEST_ID));
            assertThat(e).isNotNull();
            assertThat(e.getCause()).isNull();
            assertThat(e.problems()).hasSize(1);
            seen.add(e.reason() + "|" + e.getMessage());
        }
        assertThat(seen).containsOnly(Reason.DECRYPTION_FAILED + "|" + Reason.DECRYPTION_FAILED + ": "
                + dev.fedbroker.saml.internal.AssertionDecrypter.FAILED);
    }

    @Test
    void validateWhenCbcPaddingIsInvalidButTheWholePlaintextIsAValidSignedAssertionThenRejectsWithDecryptionFailed() {
        // one padding byte, set to a space (0x20, not 1-16): without it, the bytes are still the signed assertion
        UnaryOperator<String> toFifteenModSixteen = a -> {
            String padded = a;
            while (padded.getBytes(java.nio.charset.StandardCharsets.UTF_8).length % 16 != 15) {
                padded += " ";
            }
            return padded;
        };
        assertThat(f.rejectXml(sp, encrypted(e -> e.cbc().lastPlaintextByte(' '), toFifteenModSixteen)))
                .isEqualTo(Reason.DECRYPTION_FAILED);
        assertThat(f.sp().validate(Fixture.b64(encrypted(TestEncryptor::cbc, toFifteenModSixteen)), Fixture.REQUEST_ID))
                .isNotNull();
    }

    @Test
    void validateWhenCipherValueTextIsSplitByACommentThenRejectsWithDecryptionFailed() {
        String xml = encrypted(e -> e, a -> a);
        int at = xml.lastIndexOf("<xenc:CipherValue>") + "<xenc:CipherValue>".length() + 16;
        assertThat(f.rejectXml(sp, xml.substring(0, at) + "<!---->" + xml.substring(at)))
                .isEqualTo(Reason.DECRYPTION_FAILED);
    }
}

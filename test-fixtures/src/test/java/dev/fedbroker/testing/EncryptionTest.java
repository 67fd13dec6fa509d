package dev.fedbroker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Decrypts with plain JCE (no Santuario) and checks the signed assertion inside with the JDK's XML-DSig. */
class EncryptionTest {

    private static final TestIdentityProvider IDP = TestIdentityProvider.azureAd("bfa3dfb0-91d5-4bf7-9a0c-fbf6ff337187");
    private static final TestCredential SP = TestCredential.shared("fixtures-test-sp-encryption");

    @Test
    void encryptForWhenDefaultsThenAzureLayoutWithGcmAndOaepMgf1p() throws Exception {
        Document doc = JdkXml.parse(IDP.response().encryptFor(SP.certificate()).xml());
        Element encryptedAssertion = JdkXml.only(doc, JdkXml.SAML, "EncryptedAssertion");
        Element data = JdkXml.only(doc, JdkXml.XENC, "EncryptedData");
        Element key = JdkXml.only(doc, JdkXml.XENC, "EncryptedKey");

        assertThat(JdkXml.elements(doc, JdkXml.SAML, "Assertion")).isEmpty();
        assertThat(encryptedAssertion.getParentNode()).isSameAs(doc.getDocumentElement());
        assertThat(data.getParentNode()).isSameAs(encryptedAssertion);
        assertThat(data.getAttribute("Type")).isEqualTo("http://www.w3.org/2001/04/xmlenc#Element");
        assertThat(key.getParentNode().getLocalName()).isEqualTo("KeyInfo");
        assertThat(key.getParentNode().getParentNode()).isSameAs(data);
        assertThat(method(data)).isEqualTo(ResponseBuilder.AES256_GCM);
        assertThat(method(key)).isEqualTo(ResponseBuilder.RSA_OAEP_MGF1P);
        assertThat(JdkXml.only(doc, JdkXml.DS, "X509Certificate").getTextContent())
                .isEqualTo(SP.certificateBase64());
    }

    @ParameterizedTest
    @CsvSource({
        "http://www.w3.org/2009/xmlenc11#aes256-gcm, http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
        "http://www.w3.org/2001/04/xmlenc#aes256-cbc, http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
        "http://www.w3.org/2001/04/xmlenc#aes128-cbc, http://www.w3.org/2009/xmlenc11#rsa-oaep",
        "http://www.w3.org/2009/xmlenc11#aes256-gcm, http://www.w3.org/2009/xmlenc11#rsa-oaep",
        "http://www.w3.org/2001/04/xmlenc#aes256-cbc, http://www.w3.org/2001/04/xmlenc#rsa-1_5",
    })
    void encryptForWhenAlgorithmsChosenThenJceDecryptsToTheSignedAssertion(String content, String transport)
            throws Exception {
        ResponseBuilder builder = IDP.response().nameId("carol@contoso.example").encryptFor(SP.certificate())
                .contentEncryption(content).keyTransport(transport);
        Document doc = JdkXml.parse(builder.xml());

        Document assertion = JdkXml.parse(decrypt(doc, SP.privateKey()));

        assertThat(assertion.getDocumentElement().getLocalName()).isEqualTo("Assertion");
        assertThat(assertion.getDocumentElement().getAttribute("ID")).isEqualTo(builder.assertionId());
        assertThat(JdkXml.only(assertion, JdkXml.SAML, "NameID").getTextContent()).isEqualTo("carol@contoso.example");
        assertThat(JdkXml.verify(JdkXml.only(assertion, JdkXml.DS, "Signature"), IDP.signingCredential().publicKey()))
                .isTrue();
    }

    @Test
    void encryptForWhenResponseSignedThenResponseSignatureCoversEncryptedAssertion() throws Exception {
        Document doc = JdkXml.parse(IDP.response().signBoth().encryptFor(SP.certificate())
                .includeRecipientCertificate(false).xml());
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");

        assertThat(signature.getParentNode()).isSameAs(doc.getDocumentElement());
        assertThat(JdkXml.verify(signature, IDP.signingCredential().publicKey())).isTrue();
        assertThat(JdkXml.elements(doc, JdkXml.DS, "X509Certificate")).hasSize(1);
        Document assertion = JdkXml.parse(decrypt(doc, SP.privateKey()));
        assertThat(JdkXml.verify(JdkXml.only(assertion, JdkXml.DS, "Signature"), IDP.signingCredential().publicKey()))
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "http://www.w3.org/2009/xmlenc11#aes256-gcm, http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p",
        "http://www.w3.org/2001/04/xmlenc#aes128-cbc, http://www.w3.org/2009/xmlenc11#rsa-oaep",
    })
    void encryptForWhenDecryptedBySantuarioWithKekThenAssertionComesBack(String content, String transport)
            throws Exception {
        // What a Santuario-based SP does: the EncryptedKey is found inside EncryptedData/KeyInfo.
        org.apache.xml.security.Init.init();
        Document doc = JdkXml.parse(IDP.response().encryptFor(SP.certificate()).contentEncryption(content)
                .keyTransport(transport).includeRecipientCertificate(false).xml());
        Element data = JdkXml.only(doc, JdkXml.XENC, "EncryptedData");
        var cipher = org.apache.xml.security.encryption.XMLCipher.getInstance();
        cipher.init(org.apache.xml.security.encryption.XMLCipher.DECRYPT_MODE, null);
        cipher.setKEK(SP.privateKey());

        cipher.doFinal(doc, data);

        Element assertion = JdkXml.only(doc, JdkXml.SAML, "Assertion");
        assertion.setIdAttributeNS(null, "ID", true);
        assertThat(assertion.getParentNode().getLocalName()).isEqualTo("EncryptedAssertion");
        assertThat(JdkXml.verify(JdkXml.only(doc, JdkXml.DS, "Signature"), IDP.signingCredential().publicKey()))
                .isTrue();
    }

    /** XML Encryption by hand: unwrap the content key with RSA, then AES-GCM or AES-CBC. */
    static String decrypt(Document doc, PrivateKey privateKey) throws Exception {
        Element data = JdkXml.only(doc, JdkXml.XENC, "EncryptedData");
        Element key = JdkXml.only(doc, JdkXml.XENC, "EncryptedKey");
        byte[] wrapped = cipherValue(key);
        byte[] contentKey = rsa(method(key), privateKey).doFinal(wrapped);
        byte[] encrypted = Base64.getDecoder().decode(
                JdkXml.elementsUnder(data, JdkXml.XENC, "CipherValue").get(1).getTextContent());
        SecretKeySpec aes = new SecretKeySpec(contentKey, "AES");
        byte[] plain;
        if (method(data).endsWith("gcm")) {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, aes, new GCMParameterSpec(128, encrypted, 0, 12));
            plain = gcm.doFinal(encrypted, 12, encrypted.length - 12);
        } else {
            Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
            cbc.init(Cipher.DECRYPT_MODE, aes, new IvParameterSpec(encrypted, 0, 16));
            byte[] padded = cbc.doFinal(encrypted, 16, encrypted.length - 16);
            plain = Arrays.copyOf(padded, padded.length - padded[padded.length - 1]); // XML Encryption padding
        }
        return new String(plain, StandardCharsets.UTF_8);
    }

    private static Cipher rsa(String transport, PrivateKey privateKey) throws Exception {
        switch (transport) {
            case ResponseBuilder.RSA_OAEP_MGF1P -> {
                Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
                c.init(Cipher.DECRYPT_MODE, privateKey, new OAEPParameterSpec("SHA-1", "MGF1",
                        MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
                return c;
            }
            case ResponseBuilder.RSA_OAEP -> {
                Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
                c.init(Cipher.DECRYPT_MODE, privateKey, new OAEPParameterSpec("SHA-256", "MGF1",
                        MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
                return c;
            }
            default -> {
                Cipher c = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                c.init(Cipher.DECRYPT_MODE, privateKey);
                return c;
            }
        }
    }

    private static byte[] cipherValue(Element parent) {
        return Base64.getDecoder().decode(
                JdkXml.elementsUnder(parent, JdkXml.XENC, "CipherValue").get(0).getTextContent());
    }

    private static String method(Element parent) {
        return JdkXml.elementsUnder(parent, JdkXml.XENC, "EncryptionMethod").get(0).getAttribute("Algorithm");
    }
}

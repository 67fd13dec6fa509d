package dev.fedbroker.saml;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes an EncryptedAssertion around ANY plaintext bytes with plain JCE, independently of test-fixtures and of the
 * validator, so that tests can encrypt what an honest IdP never would (a DOCTYPE, two assertions, a truncated tag)
 * to the SP's public certificate, as any attacker can. Every knob defaults to Azure-like values. Not thread-safe.
 */
final class TestEncryptor {

    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    static final String AES256_CBC = XENC + "aes256-cbc";
    static final String AES128_CBC = XENC + "aes128-cbc";
    static final String OAEP_MGF1P = XENC + "rsa-oaep-mgf1p";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final X509Certificate recipient;
    private String contentAlgorithmUri = AES256_GCM;
    private boolean gcm = true;
    private int keyLength = 32;
    private int wrappedKeyLength = -1;
    private String keyTransportUri = OAEP_MGF1P;
    private String type = XENC + "Element";
    private int tagBytesDropped;
    private int encryptedKeys = 1;
    private boolean keyBesideData;
    private String extraKeyInfo = "";
    private int lastPlaintextByte = -1;

    TestEncryptor(X509Certificate recipient) {
        this.recipient = recipient;
    }

    /** AES-256-CBC with XML Encryption padding (default AES-256-GCM). */
    TestEncryptor cbc() {
        contentAlgorithmUri = AES256_CBC;
        gcm = false;
        return this;
    }

    /** Writes this EncryptionMethod URI, whatever mode actually encrypts (for whitespace/case variants). */
    TestEncryptor contentAlgorithmUri(String uri) {
        contentAlgorithmUri = uri;
        return this;
    }

    TestEncryptor keyTransportUri(String uri) {
        keyTransportUri = uri;
        return this;
    }

    /** Wraps a content key of this many bytes (default: the algorithm's key length). */
    TestEncryptor wrappedKeyLength(int bytes) {
        wrappedKeyLength = bytes;
        return this;
    }

    TestEncryptor type(String uri) {
        type = uri;
        return this;
    }

    /** Cuts this many bytes off the end of a GCM ciphertext (a truncated authentication tag). */
    TestEncryptor dropTagBytes(int n) {
        tagBytesDropped = n;
        return this;
    }

    /** Writes this many copies of the EncryptedKey (default 1). */
    TestEncryptor encryptedKeys(int n) {
        encryptedKeys = n;
        return this;
    }

    /** Puts the EncryptedKey(s) beside EncryptedData, as children of EncryptedAssertion (default inside KeyInfo). */
    TestEncryptor keyBesideData() {
        keyBesideData = true;
        return this;
    }

    /** CBC only: overwrites the padding-length byte (e.g. 0 or 17, both invalid) before encryption. */
    TestEncryptor lastPlaintextByte(int value) {
        lastPlaintextByte = value;
        return this;
    }

    /** Extra XML placed first in EncryptedData's KeyInfo (RetrievalMethod, KeyName...). */
    TestEncryptor extraKeyInfo(String xml) {
        extraKeyInfo = xml;
        return this;
    }

    /** The EncryptedAssertion element, as XML text, holding {@code plaintext}. */
    String encryptedAssertion(String plaintext) {
        try {
            byte[] key = new byte[keyLength];
            RANDOM.nextBytes(key);
            byte[] content = encrypt(key, plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] wrapKey = wrappedKeyLength < 0 ? key : java.util.Arrays.copyOf(key, wrappedKeyLength);
            Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
            rsa.init(Cipher.ENCRYPT_MODE, recipient.getPublicKey(), new OAEPParameterSpec("SHA-1", "MGF1",
                    MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT));
            String encryptedKey = ("<xenc:EncryptedKey xmlns:xenc=\"" + XENC + "\"><xenc:EncryptionMethod Algorithm=\""
                    + keyTransportUri + "\"><ds:DigestMethod xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\""
                    + " Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"/></xenc:EncryptionMethod>"
                    + "<xenc:CipherData><xenc:CipherValue>" + b64(rsa.doFinal(wrapKey))
                    + "</xenc:CipherValue></xenc:CipherData></xenc:EncryptedKey>").repeat(encryptedKeys);
            String data = "<xenc:EncryptedData xmlns:xenc=\"" + XENC + "\" Type=\"" + type + "\">"
                    + "<xenc:EncryptionMethod Algorithm=\"" + contentAlgorithmUri + "\"/>"
                    + "<ds:KeyInfo xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">" + extraKeyInfo
                    + (keyBesideData ? "" : encryptedKey) + "</ds:KeyInfo>"
                    + "<xenc:CipherData><xenc:CipherValue>" + b64(content) + "</xenc:CipherValue></xenc:CipherData>"
                    + "</xenc:EncryptedData>";
            return "<saml:EncryptedAssertion xmlns:saml=\"" + Xml.SAML + "\">" + data
                    + (keyBesideData ? encryptedKey : "") + "</saml:EncryptedAssertion>";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code responseXml} with its Assertion replaced by an EncryptedAssertion of {@code plaintext}. */
    String inResponse(String responseXml, String plaintext) {
        int start = responseXml.indexOf("<Assertion ");
        int end = responseXml.indexOf("</Assertion>") + "</Assertion>".length();
        return responseXml.substring(0, start) + encryptedAssertion(plaintext) + responseXml.substring(end);
    }

    /** The Assertion element of {@code responseXml}, as its text (Azure's assertions declare their own namespace). */
    static String assertionOf(String responseXml) {
        int start = responseXml.indexOf("<Assertion ");
        int end = responseXml.indexOf("</Assertion>") + "</Assertion>".length();
        return responseXml.substring(start, end);
    }

    private byte[] encrypt(byte[] key, byte[] plain) throws GeneralSecurityException {
        if (gcm) {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] body = c.doFinal(plain);
            return concat(iv, java.util.Arrays.copyOf(body, body.length - tagBytesDropped));
        }
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        int pad = 16 - plain.length % 16;
        byte[] padded = java.util.Arrays.copyOf(plain, plain.length + pad);
        padded[padded.length - 1] = (byte) (lastPlaintextByte < 0 ? pad : lastPlaintextByte);
        Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
        return concat(iv, c.doFinal(padded));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}

package dev.fedbroker.testing.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.keys.content.X509Data;
import org.apache.xml.security.utils.EncryptionConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Replaces a signed Assertion with {@code <EncryptedAssertion>} holding an {@code xenc:EncryptedData} whose
 * {@code ds:KeyInfo} carries the {@code xenc:EncryptedKey} (the layout Azure AD uses), with Santuario's
 * {@link XMLCipher}. Stateless and thread-safe (each call works on its own document).
 */
public final class AssertionEncryptor {

    private static final String OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    private static final String OAEP_11 = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    private static final String RSA_1_5 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
    private static final String DIGEST_SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    private static final String DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

    private AssertionEncryptor() {
    }

    /** Encrypts {@code assertion} in place and returns the new EncryptedAssertion element. */
    public static Element encrypt(Element assertion, EncryptionSpec spec) {
        XmlSecurity.init();
        Document doc = assertion.getOwnerDocument();
        Element wrapper = Dom.declare(doc.createElementNS(Ns.SAML, "EncryptedAssertion"), "", Ns.SAML);
        assertion.getParentNode().insertBefore(wrapper, assertion);
        wrapper.appendChild(assertion);
        try {
            SecretKey contentKey = contentKey(spec.contentAlgorithm());
            EncryptedKey encryptedKey = wrapKey(doc, contentKey, spec);
            XMLCipher cipher = XMLCipher.getInstance(spec.contentAlgorithm());
            cipher.init(XMLCipher.ENCRYPT_MODE, contentKey);
            EncryptedData data = cipher.getEncryptedData();
            KeyInfo keyInfo = new KeyInfo(doc);
            keyInfo.add(encryptedKey);
            data.setKeyInfo(keyInfo);
            cipher.doFinal(doc, assertion, false);
        } catch (Exception e) { // XMLCipher.doFinal declares Exception
            throw new IllegalStateException("Santuario could not encrypt the assertion with "
                    + spec.contentAlgorithm() + " / " + spec.keyTransportAlgorithm() + ": " + e.getMessage(), e);
        }
        // Line breaks are not part of any signature yet (the Response is signed after this): drop them, as Azure.
        Dom.removeWhitespaceText(wrapper);
        for (String name : new String[] {"CipherValue", "X509Certificate"}) {
            for (Element e : Dom.descendants(wrapper, name.equals("CipherValue") ? Ns.XENC : Ns.DS, name)) {
                e.setTextContent(e.getTextContent().replaceAll("\\s", ""));
            }
        }
        return wrapper;
    }

    private static EncryptedKey wrapKey(Document doc, SecretKey contentKey, EncryptionSpec spec)
            throws XMLSecurityException {
        XMLCipher keyCipher;
        String mgf = null;
        switch (spec.keyTransportAlgorithm()) {
            case OAEP_MGF1P -> keyCipher = XMLCipher.getInstance(OAEP_MGF1P, null, DIGEST_SHA1);
            case OAEP_11 -> {
                keyCipher = XMLCipher.getInstance(OAEP_11, null, DIGEST_SHA256);
                mgf = EncryptionConstants.MGF1_SHA256;
            }
            case RSA_1_5 -> keyCipher = XMLCipher.getInstance(RSA_1_5);
            default -> throw new IllegalArgumentException("unsupported key transport "
                    + spec.keyTransportAlgorithm());
        }
        keyCipher.init(XMLCipher.WRAP_MODE, spec.recipient().getPublicKey());
        EncryptedKey encryptedKey = keyCipher.encryptKey(doc, contentKey, mgf, null);
        if (spec.includeRecipientCertificate()) {
            KeyInfo hint = new KeyInfo(doc);
            X509Data data = new X509Data(doc);
            data.addCertificate(spec.recipient());
            hint.add(data);
            encryptedKey.setKeyInfo(hint);
        }
        return encryptedKey;
    }

    private static SecretKey contentKey(String algorithm) {
        int bits = algorithm.contains("aes128") ? 128 : 256;
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(bits, new SecureRandom());
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is missing from this JDK", e);
        }
    }
}

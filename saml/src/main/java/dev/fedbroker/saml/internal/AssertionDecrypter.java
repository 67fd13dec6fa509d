package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.w3c.dom.Element;

/**
 * Decrypts an EncryptedAssertion with plain JCE (no Santuario XMLCipher, no OpenSAML Decrypter): RSA-OAEP key
 * transport ({@code xmlenc#rsa-oaep-mgf1p}, {@code xmlenc11#rsa-oaep} with its DigestMethod and MGF), then AES-GCM or
 * AES-CBC content. RSA PKCS#1 v1.5 and every other algorithm are refused from the algorithm URI alone, before any key
 * is used. Every failure after that yields the same reason and message, and a failed key unwrap continues with a
 * random key, so neither the answer nor the path taken tells an attacker what went wrong (no padding oracle).
 *
 * <p>Immutable and thread-safe.
 */
public final class AssertionDecrypter {

    /** The one message of every decryption failure. */
    public static final String FAILED = "The EncryptedAssertion could not be decrypted (or its decrypted content was"
            + " not a usable assertion) with the configured SP decryption key(s). Check that the certificate uploaded"
            + " for token encryption in the Azure enterprise app matches ServiceProvider.builder().decryption(...).";

    private static final Map<String, Integer> CBC = Map.of(Names.AES128_CBC, 16, Names.AES192_CBC, 24, Names.AES256_CBC, 32);
    private static final Map<String, Integer> GCM = Map.of(Names.AES128_GCM, 16, Names.AES192_GCM, 24, Names.AES256_GCM, 32);
    private static final Map<String, String> OAEP_DIGESTS = Map.of(Names.SHA1, "SHA-1", Names.SHA256, "SHA-256",
            Names.SHA384, "SHA-384", Names.SHA512, "SHA-512");
    private static final Map<String, MGF1ParameterSpec> MGFS = Map.of(Names.MGF1_SHA1, MGF1ParameterSpec.SHA1,
            Names.MGF1_SHA224, MGF1ParameterSpec.SHA224, Names.MGF1_SHA256, MGF1ParameterSpec.SHA256,
            Names.MGF1_SHA384, MGF1ParameterSpec.SHA384, Names.MGF1_SHA512, MGF1ParameterSpec.SHA512);
    private static final int MAX_ENCRYPTED_KEYS = 4;

    private final List<PrivateKey> keys;
    private final SecureRandom random = new SecureRandom();

    public AssertionDecrypter(List<PrivateKey> keys) {
        this.keys = List.copyOf(keys);
    }

    /** Whether the content algorithm of this EncryptedAssertion is unauthenticated (CBC): callers then hide later failures too. */
    public static boolean isCbc(Element encryptedAssertion) {
        return Dom.child(encryptedAssertion, Names.XENC, "EncryptedData")
                .flatMap(d -> Dom.child(d, Names.XENC, "EncryptionMethod"))
                .map(m -> CBC.containsKey(Dom.attribute(m, "Algorithm").orElse(""))).orElse(false);
    }

    /**
     * Decrypted bytes. {@code paddingValid} is false when CBC padding was wrong: the caller then parses the bytes
     * anyway and fails afterwards, so that a bad padding byte costs the same work as a parse failure (no cheap
     * padding-oracle timing signal).
     */
    public record Plaintext(byte[] bytes, boolean paddingValid) {
    }

    /** The plaintext of the assertion, or DECRYPTION_FAILED / ENCRYPTION_ALGORITHM_REFUSED. */
    public Plaintext decrypt(Element encryptedAssertion) {
        if (keys.isEmpty()) {
            throw new SamlValidationException(Reason.DECRYPTION_FAILED, "The assertion is encrypted but no SP"
                    + " decryption key is configured: add ServiceProvider.builder().decryption(privateKey, certificate)"
                    + " with the key whose certificate is uploaded for token encryption in the Azure enterprise app.");
        }
        List<Element> data = Dom.children(encryptedAssertion, Names.XENC, "EncryptedData");
        if (data.size() != 1) {
            throw failed();
        }
        Element encryptedData = data.get(0);
        String type = Dom.attribute(encryptedData, "Type").orElse(Names.XENC + "Element");
        String contentAlgorithm = algorithm(encryptedData);
        Integer keyLength = CBC.containsKey(contentAlgorithm) ? CBC.get(contentAlgorithm) : GCM.get(contentAlgorithm);
        if (keyLength == null) {
            throw refused("Content encryption '" + Log.clip(contentAlgorithm, 200) + "' is not accepted; expected"
                    + " AES-GCM or AES-CBC.");
        }
        List<Element> encryptedKeys = new ArrayList<>(Dom.children(encryptedAssertion, Names.XENC, "EncryptedKey"));
        Dom.child(encryptedData, Names.DSIG, "KeyInfo")
                .ifPresent(k -> encryptedKeys.addAll(Dom.children(k, Names.XENC, "EncryptedKey")));
        if (encryptedKeys.isEmpty() || encryptedKeys.size() > MAX_ENCRYPTED_KEYS) {
            throw failed();
        }
        List<OAEPParameterSpec> transports = new ArrayList<>();
        for (Element k : encryptedKeys) {
            transports.add(oaepParameters(k)); // refuses RSA 1.5 and unknown transports before any decryption
        }
        byte[] contentKey = null;
        for (int i = 0; i < encryptedKeys.size() && contentKey == null; i++) {
            contentKey = unwrap(cipherValue(encryptedKeys.get(i)), transports.get(i), keyLength);
        }
        if (contentKey == null) {
            contentKey = new byte[keyLength];
            random.nextBytes(contentKey); // carry on: a failed unwrap must look like a failed decryption
        }
        if (!(Names.XENC + "Element").equals(type)) {
            throw failed();
        }
        byte[] cipherText = cipherValue(encryptedData);
        return CBC.containsKey(contentAlgorithm) ? cbc(contentKey, cipherText)
                : new Plaintext(gcm(contentKey, cipherText), true);
    }

    private byte[] unwrap(byte[] wrapped, OAEPParameterSpec params, int keyLength) {
        for (PrivateKey key : keys) {
            try {
                Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
                rsa.init(Cipher.DECRYPT_MODE, key, params);
                byte[] k = rsa.doFinal(wrapped);
                if (k.length == keyLength) {
                    return k;
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                // try the next key; the overall outcome is reported once, without detail
            }
        }
        return null;
    }

    private static OAEPParameterSpec oaepParameters(Element encryptedKey) {
        String transport = algorithm(encryptedKey);
        if (Names.RSA_1_5.equals(transport)) {
            throw refused("Key transport RSA PKCS#1 v1.5 (xmlenc#rsa-1_5) is refused (Bleichenbacher attacks); Azure AD"
                    + " uses RSA-OAEP.");
        }
        if (!Names.RSA_OAEP_MGF1P.equals(transport) && !Names.RSA_OAEP.equals(transport)) {
            throw refused("Key transport '" + Log.clip(transport, 200) + "' is not accepted; expected RSA-OAEP.");
        }
        Element method = Dom.child(encryptedKey, Names.XENC, "EncryptionMethod").orElseThrow();
        String digestUri = Dom.child(method, Names.DSIG, "DigestMethod")
                .map(d -> Dom.attribute(d, "Algorithm").orElse("")).orElse(Names.SHA1);
        String digest = OAEP_DIGESTS.get(digestUri);
        MGF1ParameterSpec mgf = MGF1ParameterSpec.SHA1;
        if (Names.RSA_OAEP.equals(transport)) {
            String mgfUri = Dom.child(method, Names.XENC11, "MGF")
                    .map(m -> Dom.attribute(m, "Algorithm").orElse("")).orElse(Names.MGF1_SHA1);
            mgf = MGFS.get(mgfUri);
        }
        if (digest == null || mgf == null) {
            throw refused("RSA-OAEP parameters (digest or MGF) are not accepted.");
        }
        Optional<Element> params = Dom.child(method, Names.XENC, "OAEPparams");
        byte[] label = params.isEmpty() ? new byte[0] : StrictBase64.xmlValue(params.get())
                .orElseThrow(() -> refused("RSA-OAEP OAEPparams is not base64."));
        return new OAEPParameterSpec(digest, "MGF1", mgf, new PSource.PSpecified(label));
    }

    private static Plaintext cbc(byte[] key, byte[] in) {
        if (in.length < 32 || in.length % 16 != 0) {
            throw failed();
        }
        try {
            Cipher c = Cipher.getInstance("AES/CBC/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(in, 0, 16));
            byte[] plain = c.doFinal(in, 16, in.length - 16);
            int pad = plain[plain.length - 1] & 0xff; // XML Encryption padding: only the last byte is meaningful
            if (pad < 1 || pad > 16) {
                return new Plaintext(plain, false);
            }
            return new Plaintext(Arrays.copyOf(plain, plain.length - pad), true);
        } catch (GeneralSecurityException e) {
            throw failed();
        }
    }

    private static byte[] gcm(byte[] key, byte[] in) {
        if (in.length < 12 + 16) {
            throw failed();
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
            return c.doFinal(in, 12, in.length - 12);
        } catch (GeneralSecurityException e) {
            throw failed();
        }
    }

    private static String algorithm(Element encrypted) {
        return Dom.child(encrypted, Names.XENC, "EncryptionMethod")
                .flatMap(m -> Dom.attribute(m, "Algorithm"))
                .orElseThrow(() -> refused("EncryptionMethod is missing."));
    }

    private static byte[] cipherValue(Element encrypted) {
        Element v = Dom.child(encrypted, Names.XENC, "CipherData")
                .flatMap(d -> Dom.child(d, Names.XENC, "CipherValue")).orElseThrow(AssertionDecrypter::failed);
        return StrictBase64.xmlValue(v).orElseThrow(AssertionDecrypter::failed);
    }

    static SamlValidationException failed() {
        return new SamlValidationException(Reason.DECRYPTION_FAILED, FAILED);
    }

    private static SamlValidationException refused(String message) {
        return new SamlValidationException(Reason.ENCRYPTION_ALGORITHM_REFUSED, message);
    }
}

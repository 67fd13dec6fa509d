package dev.fedbroker.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.xml.parsers.DocumentBuilder;
import org.apache.xml.security.Init;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The floor stages ({@link FloorStages}) on the assertion-signed responses of {@link SamlValidationBenchmark}: our
 * validation time is reported as a multiple of parse + verify + c14nDigest. For encrypted responses one more stage
 * is unavoidable: unwrapping the AES key with the SP's RSA-2048 private key (RSA-OAEP-MGF1P). Inputs are checked in
 * setup: every signature verifies, every digest equals the DigestValue, and both SAML sides accept the responses.
 *
 * <p>Per-thread JMH state (Scope.Thread): not thread-safe; each benchmark thread has its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class FloorBenchmark {

    /** At most this many distinct responses are cycled (fewer when the pool size property is smaller). */
    static final int MAX_RESPONSES = 256;
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";

    int count;
    byte[][] xml;
    byte[][] signedInfo;
    byte[][] signatureValue;
    Element[] assertion;
    Element[] signature;
    PublicKey key;
    PrivateKey spKey;
    byte[] wrappedKey;
    Cipher oaep;
    DocumentBuilder builder;
    Signature rsa;
    MessageDigest sha256;
    int next;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        Init.init();
        SamlWorld world = new SamlWorld(SamlVariant.ASSERTION_SIGNED);
        count = Math.min(MAX_RESPONSES, SamlWorld.poolSize());
        List<String> responses = world.responses(count);
        world.requireBothAccept(responses.get(0));
        key = world.idp.signingCredential().publicKey();
        builder = FloorStages.secureBuilder();
        rsa = Signature.getInstance("SHA256withRSA");
        sha256 = MessageDigest.getInstance("SHA-256");
        xml = new byte[count][];
        signedInfo = new byte[count][];
        signatureValue = new byte[count][];
        assertion = new Element[count];
        signature = new Element[count];
        SamlWorld encrypted = new SamlWorld(SamlVariant.ENCRYPTED);
        spKey = encrypted.spEncryption.privateKey();
        oaep = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        Document withKey = FloorStages.parse(builder, Base64.getDecoder().decode(encrypted.response()));
        wrappedKey = Base64.getMimeDecoder().decode(((Element) ((Element) withKey.getElementsByTagNameNS(XENC,
                "EncryptedKey").item(0)).getElementsByTagNameNS(XENC, "CipherValue").item(0)).getTextContent().strip());
        if (rsaOaepUnwrap().length != 32) {
            throw new IllegalStateException("the EncryptedKey does not unwrap to an AES-256 key");
        }
        for (int i = 0; i < count; i++) {
            xml[i] = Base64.getDecoder().decode(responses.get(i).getBytes(StandardCharsets.US_ASCII));
            Document doc = FloorStages.parse(builder, xml[i]);
            assertion[i] = FloorStages.assertion(doc);
            signature[i] = FloorStages.child(assertion[i], FloorStages.DSIG, "Signature");
            Element si = FloorStages.child(signature[i], FloorStages.DSIG, "SignedInfo");
            signedInfo[i] = FloorStages.canonical(si);
            signatureValue[i] = FloorStages.base64Child(signature[i], "SignatureValue");
            byte[] digestValue = FloorStages.base64Child(FloorStages.child(si, FloorStages.DSIG, "Reference"),
                    "DigestValue");
            if (!FloorStages.verify(rsa, key, signedInfo[i], signatureValue[i])) {
                throw new IllegalStateException("floor input " + i + ": the signature does not verify");
            }
            if (!Arrays.equals(digestValue, FloorStages.c14nDigest(sha256, assertion[i], signature[i]))) {
                throw new IllegalStateException("floor input " + i + ": the digest does not match DigestValue");
            }
        }
    }

    private int index() {
        int i = next;
        next = i + 1 == count ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public Document parse() {
        return FloorStages.parse(builder, xml[index()]);
    }

    @Benchmark
    public boolean rsaVerify() {
        int i = index();
        return FloorStages.verify(rsa, key, signedInfo[i], signatureValue[i]);
    }

    /** The RSA-2048 private-key operation every encrypted response costs (both sides pay it once). */
    @Benchmark
    public byte[] rsaOaepUnwrap() throws GeneralSecurityException {
        oaep.init(Cipher.DECRYPT_MODE, spKey);
        return oaep.doFinal(wrappedKey);
    }

    @Benchmark
    public byte[] c14nDigest() throws NoSuchAlgorithmException {
        int i = index();
        return FloorStages.c14nDigest(sha256, assertion[i], signature[i]);
    }
}

package dev.fedbroker.aws;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * RSA keys and self-signed certificates minted once per JVM (RSA generation is slow on small machines), with Bouncy
 * Castle's lightweight builder and the JDK's own providers (Bouncy Castle is never registered).
 */
public final class TestKeys {

    /** A key and its certificate. */
    public record Signer(PrivateKey privateKey, X509Certificate certificate) {
    }

    private TestKeys() {
    }

    /** The broker's signing key. */
    public static Signer broker() {
        return Holder.BROKER;
    }

    /** Another key, trusted by nobody. */
    public static Signer other() {
        return Holder.OTHER;
    }

    private static final class Holder {
        static final Signer BROKER = mint("CN=fedbroker test broker");
        static final Signer OTHER = mint("CN=someone else");
    }

    private static Signer mint(String subject) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Principal name = new X500Principal(subject);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new Signer(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}

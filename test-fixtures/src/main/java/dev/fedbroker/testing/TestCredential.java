package dev.fedbroker.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An RSA key pair with a self-signed X.509 certificate, minted in memory, shaped like Azure AD's per-application
 * "Microsoft Azure Federated SSO Certificate" (self-signed, SHA256withRSA, no extensions, 3-year validity).
 *
 * <p>RSA key generation is slow; use {@link #shared(String)} to mint a credential once per JVM and name, and
 * {@link #generate(String)} only when a test needs a key nobody else has.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TestCredential {

    private static final int DEFAULT_BITS = 2048;
    private static final Duration DEFAULT_BACKDATE = Duration.ofDays(1);
    private static final Duration DEFAULT_VALIDITY = Duration.ofDays(3 * 365);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private TestCredential(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * Wraps an existing key and certificate, e.g. ones loaded from a key store.
     *
     * @throws IllegalArgumentException if the certificate does not carry an RSA public key
     */
    public static TestCredential of(PrivateKey privateKey, X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate");
        if (!(certificate.getPublicKey() instanceof RSAPublicKey)) {
            throw new IllegalArgumentException("expected a certificate with an RSA public key, found "
                    + certificate.getPublicKey().getAlgorithm() + "; mint one with TestCredential.generate(..)");
        }
        return new TestCredential(privateKey, certificate);
    }

    /** Mints an RSA-2048 credential {@code CN=commonName}, valid from one day ago for three years (system time). */
    public static TestCredential generate(String commonName) {
        Instant now = Instant.now();
        return generate(commonName, DEFAULT_BITS, now.minus(DEFAULT_BACKDATE), now.plus(DEFAULT_VALIDITY));
    }

    /**
     * Mints an RSA credential of {@code bits} bits, {@code CN=commonName}, valid from {@code notBefore} to
     * {@code notAfter} (use past dates for an expired certificate, future ones for a not-yet-valid one).
     */
    public static TestCredential generate(String commonName, int bits, Instant notBefore, Instant notAfter) {
        requireText(commonName, "commonName");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (bits < 1024) {
            throw new IllegalArgumentException("expected an RSA size of at least 1024 bits, found " + bits);
        }
        if (!notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("expected notAfter after notBefore, found notBefore=" + notBefore
                    + " notAfter=" + notAfter);
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits, new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            var name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
            BigInteger serial = new BigInteger(127, new SecureRandom()).setBit(126); // 16 bytes, as Azure's
            var builder = new JcaX509v3CertificateBuilder(name, serial, Date.from(notBefore), Date.from(notAfter),
                    name, pair.getPublic());
            // No provider named: the JDK's own RSA signs; Bouncy Castle is never registered as a JCA provider.
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            X509CertificateHolder holder = builder.build(signer);
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            return new TestCredential(pair.getPrivate(), certificate);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("could not mint a test credential for CN=" + commonName, e);
        }
    }

    /**
     * Returns the credential minted for {@code name} in this JVM, minting it on first use
     * ({@code CN=name}, RSA-2048, default validity). Thread-safe.
     */
    public static TestCredential shared(String name) {
        requireText(name, "name");
        return SharedCredentials.BY_NAME.computeIfAbsent(name, TestCredential::generate);
    }

    /** The RSA private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The RSA public key (the certificate's). */
    public PublicKey publicKey() {
        return certificate.getPublicKey();
    }

    /** The self-signed certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The certificate as PEM ({@code -----BEGIN CERTIFICATE-----}, 64-character lines, final newline). */
    public String certificatePem() {
        return pem("CERTIFICATE", der());
    }

    /** The certificate's DER bytes in base64 on one line, without headers (as in ds:X509Certificate). */
    public String certificateBase64() {
        return Base64.getEncoder().encodeToString(der());
    }

    /** The private key as unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}). */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    /** The SHA-256 fingerprint of the certificate's DER bytes, lower-case hex without separators. */
    public String sha256Thumbprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Subject and thumbprint; never the private key. */
    @Override
    public String toString() {
        return "TestCredential[" + certificate.getSubjectX500Principal().getName() + ", sha256=" + sha256Thumbprint()
                + "]";
    }

    private byte[] der() {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("could not encode the certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("expected a non-blank " + what + ", found " + value);
        }
    }

    /**
     * The only static state of this module: a per-JVM cache of minted credentials, because RSA key generation takes
     * long on small machines and tests across classes should share keys. Credentials are immutable, so sharing
     * them is safe; the lazy holder keeps the map out of classes that never ask for it.
     */
    private static final class SharedCredentials {
        static final ConcurrentMap<String, TestCredential> BY_NAME = new ConcurrentHashMap<>();
    }
}

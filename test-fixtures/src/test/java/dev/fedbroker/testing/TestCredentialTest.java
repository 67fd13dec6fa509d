package dev.fedbroker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class TestCredentialTest {

    private static final TestCredential CREDENTIAL = TestCredential.shared("fixtures-test-credential");

    @Test
    void generateWhenDefaultsThenSelfSignedRsa2048WithoutExtensionsLikeAzure() throws Exception {
        X509Certificate certificate = CREDENTIAL.certificate();

        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=fixtures-test-credential");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA");
        assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(certificate.getCriticalExtensionOIDs()).isNullOrEmpty();
        assertThat(certificate.getNonCriticalExtensionOIDs()).isNullOrEmpty();
        certificate.verify(certificate.getPublicKey());
        assertThat(ChronoUnit.DAYS.between(certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant())).isBetween(1095L, 1097L);
    }

    @Test
    void generateWhenDatesGivenThenCertificateHasThem() {
        Instant from = Instant.parse("2019-01-01T00:00:00Z");
        Instant to = Instant.parse("2020-01-01T00:00:00Z");

        TestCredential expired = TestCredential.generate("expired", 1024, from, to);

        assertThat(expired.certificate().getNotBefore().toInstant()).isEqualTo(from);
        assertThat(expired.certificate().getNotAfter().toInstant()).isEqualTo(to);
    }

    @Test
    void generateWhenDatesReversedThenRefuses() {
        assertThatIllegalArgumentException().isThrownBy(() -> TestCredential.generate("x", 2048,
                Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2019-01-01T00:00:00Z")));
    }

    @Test
    void sharedWhenSameNameThenSameInstance() {
        assertThat(TestCredential.shared("fixtures-test-credential")).isSameAs(CREDENTIAL);
    }

    @Test
    void encodingsWhenReadBackWithJdkThenMatchKeyAndCertificate() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate fromPem = (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(CREDENTIAL.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        X509Certificate fromBase64 = (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(Base64.getDecoder().decode(CREDENTIAL.certificateBase64())));
        String keyBody = CREDENTIAL.privateKeyPem().replaceAll("-----[A-Z ]+-----|\\s", "");
        var privateKey = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keyBody)));

        assertThat(fromPem).isEqualTo(CREDENTIAL.certificate());
        assertThat(fromBase64).isEqualTo(CREDENTIAL.certificate());
        assertThat(CREDENTIAL.certificateBase64()).doesNotContain("\n", "-----");
        assertThat(CREDENTIAL.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(new byte[] {1, 2, 3});
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(CREDENTIAL.publicKey());
        verifier.update(new byte[] {1, 2, 3});
        assertThat(verifier.verify(signer.sign())).isTrue();
        assertThat(CREDENTIAL.sha256Thumbprint()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(CREDENTIAL.certificate().getEncoded())));
        assertThat(CREDENTIAL.toString()).doesNotContain(keyBody.substring(0, 20));
    }

    @Test
    void generateWhenCalledThenBouncyCastleIsNotRegisteredAsProvider() {
        TestCredential.shared("fixtures-test-credential");

        assertThat(java.security.Security.getProvider("BC")).isNull();
    }
}

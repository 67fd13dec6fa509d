package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.fedbroker.core.Identity;
import dev.fedbroker.testing.TestCredential;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Configuration errors are caught at build time with a message naming the fix; the built SP is shareable. */
class ServiceProviderBuilderTest {

    private final Fixture f = new Fixture();

    @Test
    void buildWhenEntityIdMissingThenThrowsNamingTheFix() {
        assertThatIllegalStateException().isThrownBy(() -> ServiceProvider.builder().assertionConsumerService(
                Fixture.ACS).identityProvider(IdentityProvider.fromMetadata(f.idp.metadataXml())).build())
                .withMessageContaining("entityId");
    }

    @Test
    void buildWhenAcsOrIdpMissingThenThrowsNamingTheFix() {
        assertThatIllegalStateException().isThrownBy(() -> ServiceProvider.builder().entityId(Fixture.SP_ENTITY_ID)
                .identityProvider(IdentityProvider.fromMetadata(f.idp.metadataXml())).build())
                .withMessageContaining("assertionConsumerService");
        assertThatIllegalStateException().isThrownBy(() -> ServiceProvider.builder().entityId(Fixture.SP_ENTITY_ID)
                .assertionConsumerService(Fixture.ACS).build()).withMessageContaining("identityProvider");
    }

    @Test
    void buildWhenDecryptionKeyDoesNotMatchCertificateThenThrows() {
        TestCredential other = TestCredential.shared("someone-else-sp");
        assertThatIllegalStateException().isThrownBy(() -> f.builder()
                .decryption(other.privateKey(), Fixture.spEncryption().certificate()).build())
                .withMessageContaining("decryption key #2");
    }

    @Test
    void buildWhenClockSkewNegativeOrHugeThenThrows() {
        assertThatIllegalStateException().isThrownBy(() -> f.builder().clockSkew(Duration.ofSeconds(-1)).build());
        assertThatIllegalStateException().isThrownBy(() -> f.builder().clockSkew(Duration.ofHours(2)).build());
    }

    @Test
    void validateWhenRequestIdBlankThenThrowsIllegalArgument() {
        ServiceProvider sp = f.sp();
        assertThatIllegalArgumentException().isThrownBy(() -> sp.validate(f.response().base64(), " "));
    }

    @Test
    void limitsWhenNotPositiveThenThrowsIllegalArgument() {
        assertThatIllegalArgumentException().isThrownBy(() -> ValidationLimits.DEFAULTS.withMaxDepth(0));
    }

    @Test
    void validateWhenCalledFromManyThreadsThenEveryResponseAccepted() throws Exception {
        ServiceProvider sp = f.sp();
        List<String> responses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            responses.add(f.response().nameId("user" + i + "@contoso.example").base64());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Identity>> results = new ArrayList<>();
            for (String r : responses) {
                results.add(pool.submit(() -> sp.validate(r, Fixture.REQUEST_ID)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().nameId()).isEqualTo("user" + i + "@contoso.example");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void pemWhenCertificateAndPkcs8KeyThenReadsBoth() {
        TestCredential c = Fixture.spEncryption();
        assertThat(Pem.certificate(c.certificatePem())).isEqualTo(c.certificate());
        assertThat(Pem.privateKey(c.privateKeyPem())).isEqualTo(c.privateKey());
        assertThatIllegalArgumentException().isThrownBy(() -> Pem.privateKey("-----BEGIN RSA PRIVATE KEY-----"));
    }

    @Test
    void fromMetadataWhenSignedByTestIdpAndPinnedThenAcceptsAndOtherPinRejects() {
        TestCredential signer = TestCredential.shared("metadata-signer");
        String signed = f.idp.metadataXml(signer);
        assertThat(IdentityProvider.fromMetadata(signed, signer.certificate()).entityId()).isEqualTo(f.idp.entityId());
        assertThat(Fixture.reasonOf(() -> IdentityProvider.fromMetadata(signed, Fixture.attacker().certificate())))
                .isEqualTo(SamlValidationException.Reason.UNTRUSTED_KEY);
        assertThat(Fixture.reasonOf(() -> IdentityProvider.fromMetadata(f.idp.metadataXml(), signer.certificate())))
                .isEqualTo(SamlValidationException.Reason.SIGNATURE_MISSING);
    }
}

package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.fedbroker.saml.IdentityProvider.CertificateWarning;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Genuine Azure AD federation metadata (shared/conformance/saml-azure/metadata), byte-exact. */
class AzureMetadataTest {

    private static byte[] metadata(String file) {
        return Resources.bytes("conformance/metadata/" + file);
    }

    @ParameterizedTest
    @CsvSource({
            "jmfixit-metadata-test.xml, https://sts.windows.net/8b966979-910b-487c-a604-69229b1ac75c/, 3",
            "dylex-hsaml2.xml, https://sts.windows.net/507beeb6-7b23-4537-9307-2845b83ee65a/, 1",
            "mathivanan026-project-sample.xml, https://sts.windows.net/a15b04fc-6ff1-42a7-bb24-2e762259f5da/, 1"})
    void fromMetadataWhenGenuineAzureDocumentThenReadsEntityCertificatesAndEndpoints(String file, String entityId,
                                                                                     int certificates) {
        byte[] bytes = metadata(file);
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF); // the BOM is really there

        IdentityProvider idp = IdentityProvider.fromMetadata(bytes);

        assertThat(idp.entityId()).isEqualTo(entityId);
        assertThat(idp.signingCertificates()).hasSize(certificates);
        String tenant = entityId.substring("https://sts.windows.net/".length(), entityId.length() - 1);
        String saml2 = "https://login.microsoftonline.com/" + tenant + "/saml2";
        assertThat(idp.singleSignOnServices()).extracting(IdentityProvider.Endpoint::binding)
                .containsExactly(IdentityProvider.HTTP_REDIRECT, IdentityProvider.HTTP_POST);
        assertThat(idp.singleSignOnService(IdentityProvider.HTTP_POST)).contains(saml2);
        assertThat(idp.singleSignOnService(IdentityProvider.HTTP_REDIRECT)).contains(saml2);
        assertThat(idp.singleLogoutServices()).extracting(IdentityProvider.Endpoint::binding)
                .containsExactly(IdentityProvider.HTTP_REDIRECT);
    }

    @ParameterizedTest
    @CsvSource({"jmfixit-metadata-test.xml", "dylex-hsaml2.xml", "mathivanan026-project-sample.xml"})
    void fromMetadataWhenGivenAsTextWithBomThenParses(String file) {
        String text = new String(metadata(file), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        assertThat(IdentityProvider.fromMetadata(text).signingCertificates()).isNotEmpty();
    }

    @Test
    void certificateWarningsWhenCertificatesExpiredThenReportsEachWithoutFailing() {
        IdentityProvider idp = IdentityProvider.fromMetadata(metadata("jmfixit-metadata-test.xml"));
        Clock today = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(idp.certificateWarnings(today)).hasSize(3)
                .allMatch(w -> w.kind() == CertificateWarning.Kind.EXPIRED);
        Clock back = Clock.fixed(Instant.parse("2018-06-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(idp.certificateWarnings(back)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"jmfixit-metadata-test.xml", "dylex-hsaml2.xml"})
    void fromMetadataWhenSignatureVerifiesWithPinnedCertificateThenAccepts(String file) {
        X509Certificate signer = IdentityProvider.fromMetadata(metadata(file)).signingCertificates().get(0);
        assertThat(IdentityProvider.fromMetadata(metadata(file), signer).entityId()).startsWith("https://sts");
    }

    @Test
    void fromMetadataWhenReindentedAfterSigningThenRejectsWithSignatureInvalid() {
        byte[] bytes = metadata("mathivanan026-project-sample.xml");
        X509Certificate signer = IdentityProvider.fromMetadata(bytes).signingCertificates().get(0);
        assertThatExceptionOfType(SamlValidationException.class)
                .isThrownBy(() -> IdentityProvider.fromMetadata(bytes, signer))
                .extracting(SamlValidationException::reason).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void fromMetadataWhenPinnedCertificateIsNotTheSignerThenRejectsWithUntrustedKey() {
        byte[] bytes = metadata("jmfixit-metadata-test.xml");
        X509Certificate second = IdentityProvider.fromMetadata(bytes).signingCertificates().get(1);
        assertThatExceptionOfType(SamlValidationException.class)
                .isThrownBy(() -> IdentityProvider.fromMetadata(bytes, second))
                .extracting(SamlValidationException::reason).isEqualTo(Reason.UNTRUSTED_KEY);
    }

    @Test
    void fromMetadataWhenRoleDescriptorsPresentThenTheirCertificatesAreNotCountedTwice() {
        String text = new String(metadata("jmfixit-metadata-test.xml"), StandardCharsets.UTF_8);
        assertThat(text).contains("RoleDescriptor");
        assertThat(IdentityProvider.fromMetadata(text).signingCertificates()).doesNotHaveDuplicates();
    }
}

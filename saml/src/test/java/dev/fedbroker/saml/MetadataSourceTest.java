package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.TestCredential;
import dev.fedbroker.testing.TestIdentityProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IdP metadata from a file, refreshed by the injected clock: rollover without restart, keep-last-good on garbage and
 * failures, pinned metadata signatures, no switching to another entity id.
 */
class MetadataSourceTest {

    private static final Duration INTERVAL = Duration.ofHours(1);
    private static final Duration RETRY = Duration.ofMinutes(5);

    private final SpSide f = new SpSide();
    @TempDir
    Path dir;

    static TestCredential next() {
        return TestCredential.shared("azure-idp-next");
    }

    static TestCredential metadataSigner() {
        return TestCredential.shared("azure-metadata-signer");
    }

    private Path write(String xml) throws IOException {
        return Files.writeString(dir.resolve("federationmetadata.xml"), xml);
    }

    private MetadataSource.Builder source(String xml) throws IOException {
        return MetadataSource.fromFile(write(xml)).clock(f.clock).refreshInterval(INTERVAL).retryInterval(RETRY);
    }

    /** A response to "_r" signed by {@code idp}'s active key; the SP validates it through the source. */
    private String signedBy(TestIdentityProvider idp) {
        return idp.response().inResponseTo("_r").base64();
    }

    @Test
    void validateWhenNewCertificateAddedThenTrustedAfterTheIntervalWithoutRestart() throws IOException {
        MetadataSource source = source(f.idp.metadataXml()).build();
        ServiceProvider sp = f.builder().identityProvider(source).build();
        TestIdentityProvider rolledOver = f.idp.withAdditionalSigningCredential(next()).withSigningCredential(next());
        write(rolledOver.metadataXml());

        f.clock.advance(INTERVAL.minusSeconds(1));
        assertThat(SpSide.reasonOf(() -> sp.validate(signedBy(rolledOver), "_r"))).isEqualTo(Reason.UNTRUSTED_KEY);

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(sp.validate(signedBy(rolledOver), "_r").nameId()).isNotBlank();
        assertThat(sp.identityProvider().signingCertificates()).hasSize(2);
        assertThat(source.status().healthy()).isTrue();
    }

    @Test
    void validateWhenCertificateRemovedThenNoLongerTrustedAfterTheNextRefresh() throws IOException {
        TestIdentityProvider both = f.idp.withAdditionalSigningCredential(next());
        MetadataSource source = source(both.metadataXml()).build();
        ServiceProvider sp = f.builder().identityProvider(source).build();
        assertThat(sp.validate(signedBy(f.idp), "_r").nameId()).isNotBlank();

        write(TestIdentityProvider.azureAd(SpSide.TENANT, next()).withClock(f.clock).metadataXml());
        f.clock.advance(INTERVAL);

        assertThat(SpSide.reasonOf(() -> sp.validate(signedBy(f.idp), "_r"))).isEqualTo(Reason.UNTRUSTED_KEY);
        assertThat(source.current().signingCertificates()).containsExactly(next().certificate());
    }

    @Test
    void refreshIfDueWhenIntervalNotElapsedThenNoLoad() throws IOException {
        MetadataSource source = source(f.idp.metadataXml()).build();
        write(f.idp.withAdditionalSigningCredential(next()).metadataXml());
        f.clock.advance(INTERVAL.minusMillis(1));

        assertThat(source.refreshIfDue()).isFalse();
        assertThat(source.current().signingCertificates()).hasSize(1);
        assertThat(source.status().nextAttempt()).isEqualTo(f.t0.plus(INTERVAL));
    }

    @Test
    void refreshWhenForcedThenLoadsAtOnce() throws IOException {
        MetadataSource source = source(f.idp.metadataXml()).build();
        write(f.idp.withAdditionalSigningCredential(next()).metadataXml());

        MetadataStatus status = source.refresh();

        assertThat(status.signingCertificates()).isEqualTo(2);
        assertThat(status.loadedAt()).isEqualTo(f.t0);
    }

    @Test
    void refreshIfDueWhenContentUnchangedThenSameSnapshotIsKept() throws IOException {
        MetadataSource source = source(f.idp.metadataXml()).build();
        IdentityProvider before = source.current();
        f.clock.advance(INTERVAL);

        assertThat(source.refreshIfDue()).isTrue();
        assertThat(source.current()).isSameAs(before);
        assertThat(source.status().loadedAt()).isEqualTo(f.t0.plus(INTERVAL));
    }

    @Test
    void refreshIfDueWhenGarbageThenKeepsLastGoodReportsAndRetriesAfterRetryInterval() throws IOException {
        MetadataSource source = source(f.idp.metadataXml()).build();
        ServiceProvider sp = f.builder().identityProvider(source).build();
        write("<html><body>502 Bad Gateway</body></html>");
        f.clock.advance(INTERVAL);

        assertThat(source.refreshIfDue()).isTrue();
        MetadataStatus failed = source.status();
        assertThat(failed.healthy()).isFalse();
        assertThat(failed.consecutiveFailures()).isEqualTo(1);
        assertThat(failed.lastFailure().orElseThrow().reason()).isEqualTo(Reason.METADATA_MALFORMED);
        assertThat(failed.loadedAt()).isEqualTo(f.t0);
        assertThat(failed.nextAttempt()).isEqualTo(f.t0.plus(INTERVAL).plus(RETRY));
        assertThat(sp.validate(signedBy(f.idp), "_r").nameId()).isNotBlank();

        f.clock.advance(RETRY.minusSeconds(1));
        assertThat(source.refreshIfDue()).isFalse();
        f.clock.advance(Duration.ofSeconds(1));
        assertThat(source.refreshIfDue()).isTrue();
        assertThat(source.status().consecutiveFailures()).isEqualTo(2);

        write(f.idp.metadataXml());
        f.clock.advance(RETRY);
        assertThat(source.refreshIfDue()).isTrue();
        assertThat(source.status().healthy()).isTrue();
        assertThat(source.status().lastFailure()).isEmpty();
    }

    @Test
    void refreshIfDueWhenTruncatedOrNotIdpMetadataThenMetadataMalformedAndLastGoodKept() throws IOException {
        String good = f.idp.metadataXml();
        MetadataSource source = source(good).build();
        for (String bad : new String[] {good.substring(0, good.length() / 2), "", "\u0000\u0001binary",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\"/>"}) {
            write(bad);
            source.refresh();
            assertThat(source.status().lastFailure().orElseThrow().reason()).isEqualTo(Reason.METADATA_MALFORMED);
            assertThat(source.current().entityId()).isEqualTo(f.idp.entityId());
        }
    }

    @Test
    void refreshIfDueWhenFileGoneThenMetadataUnavailableAndLastGoodKept() throws IOException {
        MetadataSource source = source(f.idp.metadataXml()).build();
        Files.delete(dir.resolve("federationmetadata.xml"));
        f.clock.advance(INTERVAL);

        source.refreshIfDue();

        assertThat(source.status().lastFailure().orElseThrow().reason()).isEqualTo(Reason.METADATA_UNAVAILABLE);
        assertThat(source.current().signingCertificates()).hasSize(1);
    }

    @Test
    void refreshWhenMetadataNamesAnotherTenantThenEntityIdChangedAndLastGoodKept() throws IOException {
        MetadataSource source = source(f.idp.metadataXml()).build();
        write(TestIdentityProvider.azureAd("99999999-8888-7777-6666-555555555555").metadataXml());

        assertThat(source.refresh().lastFailure().orElseThrow().reason())
                .isEqualTo(Reason.METADATA_ENTITY_ID_CHANGED);
        assertThat(source.current().entityId()).isEqualTo(f.idp.entityId());
    }

    @Test
    void buildWhenExpectedEntityIdDiffersThenEntityIdChanged() throws IOException {
        MetadataSource.Builder b = source(f.idp.metadataXml()).expectedEntityId("https://sts.windows.net/other/");

        assertThat(SpSide.reasonOf(b::build)).isEqualTo(Reason.METADATA_ENTITY_ID_CHANGED);
    }

    @Test
    void buildWhenGarbageOrMissingThenThrowsWithReason() throws IOException {
        assertThat(SpSide.reasonOf(() -> source("garbage").build())).isEqualTo(Reason.METADATA_MALFORMED);
        assertThat(SpSide.reasonOf(() -> MetadataSource.fromFile(dir.resolve("missing.xml")).build()))
                .isEqualTo(Reason.METADATA_UNAVAILABLE);
        assertThat(SpSide.reasonOf(() -> MetadataSource.fromString("<x/>").build()))
                .isEqualTo(Reason.METADATA_MALFORMED);
    }

    @Test
    void buildWhenPinnedSignerSignedTheMetadataThenAccepted() throws IOException {
        MetadataSource source = source(f.idp.metadataXml(metadataSigner()))
                .requireSignedBy(metadataSigner().certificate()).build();

        assertThat(source.current().entityId()).isEqualTo(f.idp.entityId());
    }

    @Test
    void buildWhenSignedByAnotherKeyOrUnsignedThenMetadataSignatureInvalid() throws IOException {
        assertThat(SpSide.reasonOf(() -> source(f.idp.metadataXml(SpSide.attacker()))
                .requireSignedBy(metadataSigner().certificate()).build())).isEqualTo(Reason.METADATA_SIGNATURE_INVALID);
        assertThat(SpSide.reasonOf(() -> source(f.idp.metadataXml())
                .requireSignedBy(metadataSigner().certificate()).build())).isEqualTo(Reason.METADATA_SIGNATURE_INVALID);
    }

    @Test
    void refreshWhenSignedMetadataTamperedThenMetadataSignatureInvalidAndLastGoodKept() throws IOException {
        MetadataSource source = source(f.idp.metadataXml(metadataSigner()))
                .requireSignedBy(metadataSigner().certificate()).build();
        String rolled = f.idp.withAdditionalSigningCredential(next()).metadataXml(metadataSigner());
        String attackerCert = SpSide.attacker().certificateBase64();
        write(rolled.replace(next().certificateBase64(), attackerCert));

        assertThat(source.refresh().lastFailure().orElseThrow().reason()).isEqualTo(Reason.METADATA_SIGNATURE_INVALID);
        assertThat(source.current().signingCertificates()).containsExactly(f.idp.signingCredential().certificate());

        write(rolled);
        assertThat(source.refresh().signingCertificates()).isEqualTo(2);
    }

    @Test
    void buildWhenSeveralPinnedSignersThenAnyOfThemIsAccepted() throws IOException {
        MetadataSource source = source(f.idp.metadataXml(metadataSigner()))
                .requireSignedBy(SpSide.attacker().certificate()).requireSignedBy(metadataSigner().certificate())
                .build();

        assertThat(source.status().healthy()).isTrue();
    }

    @Test
    void fromStringWhenValidThenServesThatIdp() {
        MetadataSource source = MetadataSource.fromString("\uFEFF" + f.idp.metadataXml()).clock(f.clock).build();

        assertThat(source.current().entityId()).isEqualTo(f.idp.entityId());
        assertThat(source.status().source()).isEqualTo("metadata text");
    }
}

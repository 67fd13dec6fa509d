package dev.fedbroker.cli;

import static dev.fedbroker.cli.CliFixtures.T0;
import static dev.fedbroker.cli.CliFixtures.idp;
import static dev.fedbroker.cli.CliFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedbroker.saml.NameIdFormat;
import dev.fedbroker.saml.ServiceProviderMetadata;
import dev.fedbroker.testing.TestCredential;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataCommandTest {

    @TempDir
    Path dir;

    String metadata;

    @BeforeEach
    void configuration() {
        CliFixtures.writeConfiguration(dir);
        metadata = dir.resolve("idp-metadata.xml").toString();
    }

    @Test
    void metadataIdpWhenJsonThenEntityIdEndpointsAndCertificates() {
        CliRun run = CliRun.of("metadata", "--idp", metadata, "--json", "--now", T0.toString());

        assertThat(run.exit()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("entityId").asText()).isEqualTo(idp().entityId());
        assertThat(json.get("singleSignOnServices")).extracting(e -> e.get("location").asText())
                .containsOnly(idp().ssoUrl());
        JsonNode cert = json.get("signingCertificates").get(0);
        assertThat(cert.get("sha256").asText()).isEqualTo(CliFixtures.idpCredential().sha256Thumbprint());
        assertThat(cert.get("status").asText()).isEqualTo("VALID");
    }

    @Test
    void metadataIdpWhenRolloverThenBothCertificatesWithTheirOwnStatus() {
        TestCredential old = TestCredential.generate("old", 1024, T0.minus(Duration.ofDays(1000)),
                T0.plus(Duration.ofDays(10)));
        String both = write(dir, "rollover.xml", idp().withAdditionalSigningCredential(old).metadataXml()).toString();

        CliRun run = CliRun.of("metadata", "--idp", both, "--json", "--now", T0.toString());

        assertThat(run.json().get("signingCertificates")).extracting(c -> c.get("status").asText())
                .containsExactly("VALID", "EXPIRES_SOON");
    }

    @Test
    void metadataIdpWhenJudgedAfterExpiryThenExpired() {
        CliRun run = CliRun.of("metadata", "--idp", metadata, "--now", T0.plus(Duration.ofDays(4 * 365)).toString());

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Entity id      " + idp().entityId(), "EXPIRED", "HTTP-Redirect");
    }

    @Test
    void metadataWhenSpOptionsThenWritesSpMetadataThatTheLibraryReadsBack() {
        CliRun run = CliRun.of("metadata", "--sp-entity-id", CliFixtures.SP_ENTITY_ID, "--acs", CliFixtures.ACS,
                "--slo", "https://broker.example.com/saml/logout", "--encryption-cert",
                dir.resolve("sp-cert.pem").toString(), "--signing-cert", dir.resolve("sp-cert.pem").toString(),
                "--name-id-format", "persistent", "--name-id-format", "email-address", "--want-assertions-signed");

        assertThat(run.exit()).as(run.err()).isZero();
        ServiceProviderMetadata parsed = ServiceProviderMetadata.parse(run.out());
        assertThat(parsed.entityId()).isEqualTo(CliFixtures.SP_ENTITY_ID);
        assertThat(parsed.assertionConsumerService()).isEqualTo(CliFixtures.ACS);
        assertThat(parsed.singleLogoutService()).contains("https://broker.example.com/saml/logout");
        assertThat(parsed.encryptionCertificates()).containsExactly(CliFixtures.spCredential().certificate());
        assertThat(parsed.signingCertificates()).containsExactly(CliFixtures.spCredential().certificate());
        assertThat(parsed.nameIdFormats()).containsExactly(NameIdFormat.PERSISTENT.uri(),
                NameIdFormat.EMAIL_ADDRESS.uri());
        assertThat(parsed.authnRequestsSigned()).isTrue();
        assertThat(parsed.wantAssertionsSigned()).isTrue();
    }

    @Test
    void metadataWhenSameOptionsTwiceThenSameOutput() {
        String[] args = {"metadata", "--sp-entity-id", CliFixtures.SP_ENTITY_ID, "--acs", CliFixtures.ACS};

        assertThat(CliRun.of(args).out()).isEqualTo(CliRun.of(args).out());
    }

    @Test
    void metadataWhenNameIdFormatUnknownThenUsageError() {
        CliRun run = CliRun.of("metadata", "--sp-entity-id", CliFixtures.SP_ENTITY_ID, "--acs", CliFixtures.ACS,
                "--name-id-format", "kerberos");

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void metadataWhenIdpAndSpOptionsMixedThenUsageError() {
        CliRun run = CliRun.of("metadata", "--idp", metadata, "--sp-entity-id", CliFixtures.SP_ENTITY_ID);

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void metadataWhenNothingGivenThenUsageError() {
        CliRun run = CliRun.of("metadata");

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).hasSize(1);
    }

    @Test
    void metadataIdpWhenNotMetadataThenExitsOneWithOneLine() {
        String garbage = write(dir, "garbage.xml", "<html/>").toString();

        CliRun run = CliRun.of("metadata", "--idp", garbage);

        assertThat(run.exit()).isEqualTo(Main.REJECTED);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }
}

package dev.fedbroker.cli;

import static dev.fedbroker.cli.CliFixtures.T0;
import static dev.fedbroker.cli.CliFixtures.idp;
import static dev.fedbroker.cli.CliFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
    void metadataIdpWhenNotMetadataThenExitsOneWithOneLine() {
        String garbage = write(dir, "garbage.xml", "<html/>").toString();

        CliRun run = CliRun.of("metadata", "--idp", garbage);

        assertThat(run.exit()).isEqualTo(Main.REJECTED);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.out()).isEmpty();
    }
}

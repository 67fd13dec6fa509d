package dev.fedbroker.cli;

import static dev.fedbroker.cli.CliFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwsSetupCommandTest {

    @TempDir
    Path dir;

    String policy;

    @BeforeEach
    void configuration() {
        CliFixtures.writeConfiguration(dir);
        policy = write(dir, "policy.json", ResolveCommandTest.POLICY).toString();
    }

    private CliRun setup(String policyFile, Path out) {
        return CliRun.of("aws-setup", "--policy", policyFile, "--idp-cert", dir.resolve("sp-cert.pem").toString(),
                "--out", out.toString(), "--idp-entity-id", "https://broker.example.com/idp", "--idp-sso-url",
                "https://broker.example.com/portal");
    }

    @Test
    void awsSetupWhenPolicyValidThenWritesMetadataTemplatesAndListsThem() throws IOException {
        Path out = dir.resolve("aws");

        CliRun run = setup(policy, out);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines()).contains(out.resolve("broker-idp-metadata.xml").toString(),
                out.resolve("accounts").resolve("111111111111.yaml").toString(),
                out.resolve("accounts").resolve("222222222222.yaml").toString(), out.resolve("README.txt").toString());
        assertThat(Files.readString(out.resolve("broker-idp-metadata.xml")))
                .contains("entityID=\"https://broker.example.com/idp\"");
        assertThat(Files.readString(out.resolve("accounts").resolve("222222222222.yaml")))
                .contains("ReadOnlyAccess", "AdministratorAccess", "sts:AssumeRoleWithSAML");
    }

    @Test
    void awsSetupWhenPolicyInvalidThenUsageErrorAndNothingWritten() {
        String bad = write(dir, "bad.json", "{}").toString();
        Path out = dir.resolve("aws");

        CliRun run = setup(bad, out);

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void awsSetupWhenRequiredOptionMissingThenUsageError() {
        CliRun run = CliRun.of("aws-setup", "--policy", policy, "--out", dir.toString());

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).hasSize(1);
    }
}

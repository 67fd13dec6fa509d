package dev.fedbroker.cli;

import static dev.fedbroker.cli.CliFixtures.ACS;
import static dev.fedbroker.cli.CliFixtures.SP_ENTITY_ID;
import static dev.fedbroker.cli.CliFixtures.idp;
import static dev.fedbroker.cli.CliFixtures.validate;
import static dev.fedbroker.cli.CliFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments and configuration: exit code 2, exactly one line on standard error, nothing on standard output. */
class UsageTest {

    @TempDir
    Path dir;

    String response;

    @BeforeEach
    void configuration() {
        CliFixtures.writeConfiguration(dir);
        response = write(dir, "response.b64", idp().response().base64()).toString();
    }

    private static void assertUsageError(CliRun run) {
        assertThat(run.exit()).as(run.err()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("fedbroker: ");
        assertThat(run.err()).doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void runWhenNoCommandThenUsageError() {
        assertUsageError(CliRun.of());
    }

    @Test
    void runWhenUnknownCommandThenUsageError() {
        assertUsageError(CliRun.of("frobnicate"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "inspect", "metadata", "resolve", "aws-setup"})
    void helpWhenAskedThenUsageOnStandardOutputAndExitZero(String command) {
        CliRun run = CliRun.of(command, "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Usage: fedbroker " + command);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validateWhenUnknownOptionThenUsageError() {
        assertUsageError(CliRun.of(validate(dir, "--frobnicate", response)));
    }

    @Test
    void validateWhenNoFileThenUsageError() {
        assertUsageError(CliRun.of(validate(dir)));
    }

    @Test
    void validateWhenFileMissingThenUsageErrorBeforeAnyOutput() {
        assertUsageError(CliRun.of(validate(dir, response, dir.resolve("missing.b64").toString())));
    }

    @Test
    void validateWhenNowNotAnInstantThenUsageError() {
        assertUsageError(CliRun.of(validate(dir, "--now", "yesterday", response)));
    }

    @Test
    void validateWhenClockSkewNotADurationThenUsageError() {
        assertUsageError(CliRun.of(validate(dir, "--clock-skew", "soon", response)));
    }

    @Test
    void validateWhenClockSkewAboveLibraryLimitThenUsageError() {
        assertUsageError(CliRun.of(validate(dir, "--clock-skew", "2h", response)));
    }

    @Test
    void validateWhenNoIdpThenUsageError() {
        assertUsageError(CliRun.of("validate", "--sp-entity-id", SP_ENTITY_ID, "--acs", ACS, response));
    }

    @Test
    void validateWhenIdpCertWithoutEntityIdThenUsageError() {
        assertUsageError(CliRun.of("validate", "--idp-cert", dir.resolve("idp-cert.pem").toString(),
                "--sp-entity-id", SP_ENTITY_ID, "--acs", ACS, response));
    }

    @Test
    void validateWhenMetadataAndCertBothGivenThenUsageError() {
        assertUsageError(CliRun.of(validate(dir, "--idp-cert", dir.resolve("idp-cert.pem").toString(), response)));
    }

    @Test
    void validateWhenSpEntityIdMissingThenUsageError() {
        assertUsageError(CliRun.of("validate", "--idp-metadata", dir.resolve("idp-metadata.xml").toString(),
                "--acs", ACS, response));
    }

    @Test
    void validateWhenInResponseToAndAllowUnsolicitedThenUsageError() {
        assertUsageError(CliRun.of(validate(dir, "--in-response-to", "_r1", response)));
    }

    @Test
    void validateWhenSpKeyWithoutCertThenUsageError() {
        assertUsageError(CliRun.of(validate(dir, "--sp-key", dir.resolve("sp-key.pem").toString(), response)));
    }

    @Test
    void validateWhenSpKeyDoesNotMatchCertThenUsageError() {
        assertUsageError(CliRun.of(validate(dir, "--sp-key", dir.resolve("sp-key.pem").toString(), "--sp-cert",
                dir.resolve("idp-cert.pem").toString(), response)));
    }

    @Test
    void validateWhenSpKeyFileIsNotPemThenUsageError() {
        String notPem = write(dir, "key.txt", "not a key").toString();

        assertUsageError(CliRun.of(validate(dir, "--sp-key", notPem, "--sp-cert", dir.resolve("sp-cert.pem")
                .toString(), response)));
    }

    @Test
    void validateWhenIdpMetadataIsGarbageThenUsageError() {
        write(dir, "idp-metadata.xml", "<html/>");

        assertUsageError(CliRun.of(validate(dir, response)));
    }

    @Test
    void validateWhenStdinTwiceThenUsageError() {
        assertUsageError(CliRun.of(validate(dir, "-", "-")));
    }

    @Test
    void validateWhenDebugThenStackTraceShown() {
        CliRun run = CliRun.of(validate(dir, "--debug", "--sp-key", dir.resolve("sp-key.pem").toString(),
                "--sp-cert", dir.resolve("idp-cert.pem").toString(), response));

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.errLines().get(0)).startsWith("fedbroker: ");
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void resolveWhenPolicyMissingThenUsageError() {
        assertUsageError(CliRun.of("resolve", "--identity", response));
    }

    @Test
    void versionWhenAskedThenPrintsVersion() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("fedbroker ");
    }

    @Test
    void usageErrorMessagesWhenPrintedThenNameTheCommandHelp() {
        CliRun run = CliRun.of(validate(dir, "--frobnicate", response));

        assertThat(List.of(run.err())).allMatch(e -> e.contains("fedbroker validate --help"));
    }
}

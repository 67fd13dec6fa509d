package dev.fedbroker.cli;

import static dev.fedbroker.cli.CliFixtures.ADMINS;
import static dev.fedbroker.cli.CliFixtures.DEVELOPERS;
import static dev.fedbroker.cli.CliFixtures.T0;
import static dev.fedbroker.cli.CliFixtures.idp;
import static dev.fedbroker.cli.CliFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.testing.AzureClaims;
import dev.fedbroker.testing.Hostile;
import dev.fedbroker.testing.TestCredential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the files of cli/README.md's session into {@code -Dfedbroker.examples.dir} (examples/cli at the repository
 * root), all minted by test-fixtures at T0 with fresh keys. Run only on request:
 * {@code ./mvnw -pl cli -am verify -Dtest=ExampleFilesGenerator -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfedbroker.examples.dir=$PWD/examples/cli}. The README session must then be run again, since keys changed.
 */
@EnabledIfSystemProperty(named = "fedbroker.examples.dir", matches = ".+")
class ExampleFilesGenerator {

    @Test
    void writeExampleFilesThenEveryFileExists() throws IOException {
        Path dir = Files.createDirectories(Path.of(System.getProperty("fedbroker.examples.dir")));
        CliFixtures.writeConfiguration(dir);
        List<String> mfa = List.of(AzureClaims.AMR_PASSWORD, AzureClaims.AMR_MFA);
        write(dir, "response.b64", idp().response().responseId("_8e8dc5f69a98cc4c1ff3427e5ce34606fd672f91e6")
                .assertionId("_d71a3a8e9fcc45c9e9d248ef7049393fc8f04e5f75").objectId(
                "3c1d9f4e-8a2b-4c6d-9e0f-1a2b3c4d5e6f").displayName("Alice Example").groups(List.of(ADMINS,
                DEVELOPERS)).authnMethods(mfa).base64() + "\n");
        write(dir, "password-only.xml", idp().response().assertionId("_5b0c3e4f1a2d4e6f8a9b0c1d2e3f4a5b6c")
                .objectId("3c1d9f4e-8a2b-4c6d-9e0f-1a2b3c4d5e6f").groups(List.of(ADMINS, DEVELOPERS)).xml());
        write(dir, "wrong-audience.b64", idp().response().audience("https://old-broker.example.com/saml")
                .base64() + "\n");
        write(dir, "encrypted.b64", idp().response().assertionId("_0f9e8d7c6b5a49382716a5b4c3d2e1f0a9")
                .objectId("3c1d9f4e-8a2b-4c6d-9e0f-1a2b3c4d5e6f").groups(List.of(DEVELOPERS)).authnMethods(mfa)
                .encryptFor(CliFixtures.spCredential().certificate()).base64() + "\n");
        write(dir, "attacker.xml", Hostile.keyInfoSubstitution(idp().response().nameId(Hostile.ATTACKER_NAME_ID)
                .upn(Hostile.ATTACKER_NAME_ID)));
        write(dir, "not-a-response.txt", "<html><body>Sign in to your account</body></html>\n");
        TestCredential broker = TestCredential.generate("fedbroker broker signing", 2048,
                T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(2 * 365)));
        write(dir, "broker-cert.pem", broker.certificatePem());

        assertThat(dir.resolve("response.b64")).isNotEmptyFile();
        assertThat(dir.resolve("encrypted.b64")).isNotEmptyFile();
        assertThat(dir.resolve("idp-metadata.xml")).isNotEmptyFile();
    }
}

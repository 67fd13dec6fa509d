package dev.fedbroker.cli;

import static dev.fedbroker.cli.CliFixtures.ACS;
import static dev.fedbroker.cli.CliFixtures.NOW;
import static dev.fedbroker.cli.CliFixtures.SP_ENTITY_ID;
import static dev.fedbroker.cli.CliFixtures.idp;
import static dev.fedbroker.cli.CliFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the BUILT jar ({@code java -jar target/fedbroker-cli.jar}) in its own JVM, as users do: the shaded jar must
 * start (manifest, no stale signature files), initialise Santuario and find the merged service files.
 */
class CliJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;

    static Path jar;

    @BeforeAll
    static void files() {
        jar = Path.of(System.getProperty("fedbroker.cli.jar", "target/fedbroker-cli.jar"));
        assertThat(jar).as("build the jar first: ./mvnw package").exists();
        CliFixtures.writeConfiguration(dir);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Files.createTempFile(dir, "in", ".txt").toFile()))
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the jar finished").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void jarWhenBuiltThenHasMainClassAndNoSignatureFiles() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo(Main.class.getName());
            assertThat(file.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/")
                    && (n.endsWith(".SF") || n.endsWith(".DSA") || n.endsWith(".RSA") || n.endsWith(".EC"))))
                    .isEmpty();
            assertThat(file.getEntry("org/apache/xml/security/resource/config.xml")).isNotNull();
        }
    }

    @Test
    void jarWhenValidatingTheSameResponseTwiceThenValidThenReplayed() throws Exception {
        String signedBoth = write(dir, "both.b64", idp().response().signBoth().base64()).toString();
        String encrypted = write(dir, "enc.b64", idp().response().encryptFor(CliFixtures.spCredential()
                .certificate()).base64()).toString();

        Result r = java("validate", "--idp-metadata", dir.resolve("idp-metadata.xml").toString(), "--sp-entity-id",
                SP_ENTITY_ID, "--acs", ACS, "--allow-unsolicited", "--now", NOW, "--sp-key",
                dir.resolve("sp-key.pem").toString(), "--sp-cert", dir.resolve("sp-cert.pem").toString(), signedBoth,
                encrypted, signedBoth);

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isEqualTo(1);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("reason").isNull() ? "valid" : l.get("reason").asText())
                .containsExactly("valid", "valid", "REPLAYED");
    }

    @Test
    void jarWhenInspectingThenJdkSignatureCheckAndSantuarioDecryptionWork() throws Exception {
        String encrypted = write(dir, "enc2.b64", idp().response().encryptFor(CliFixtures.spCredential()
                .certificate()).base64()).toString();

        Result r = java("inspect", "--json", "--now", NOW, "--idp-metadata", dir.resolve("idp-metadata.xml")
                .toString(), "--sp-key", dir.resolve("sp-key.pem").toString(), "--sp-cert",
                dir.resolve("sp-cert.pem").toString(), encrypted);

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("encryptedAssertions").get(0).get("decrypted").booleanValue()).isTrue();
        assertThat(json.get("signatures").get(0).get("status").asText()).isEqualTo("TRUSTED");
    }

    @Test
    void jarWhenBadArgumentsThenOneLineAndExitTwo() throws Exception {
        Result r = java("validate", "--now", "yesterday", "x");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void jarWhenHelpThenUsageAndExitZero() throws Exception {
        Result r = java("--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("validate", "inspect", "metadata", "resolve", "aws-setup");
    }
}

package dev.fedbroker.cli;

import static dev.fedbroker.cli.CliFixtures.ACS;
import static dev.fedbroker.cli.CliFixtures.NOW;
import static dev.fedbroker.cli.CliFixtures.SP_ENTITY_ID;
import static dev.fedbroker.cli.CliFixtures.idp;
import static dev.fedbroker.cli.CliFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedbroker.testing.Hostile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void configuration() {
        CliFixtures.writeConfiguration(dir);
    }

    private String file(String name, String content) {
        return write(dir, name, content).toString();
    }

    private String[] inspect(String file, String... more) {
        List<String> args = new ArrayList<>(List.of("inspect", "--json", "--now", NOW));
        args.addAll(Arrays.asList(more));
        args.add(file);
        return args.toArray(String[]::new);
    }

    private String[] trusted(String... more) {
        List<String> args = new ArrayList<>(List.of("--idp-metadata", dir.resolve("idp-metadata.xml").toString()));
        args.addAll(Arrays.asList(more));
        return args.toArray(String[]::new);
    }

    @Test
    void inspectWhenNoTrustedKeyGivenThenSignatureLabelledUntrustedWithKeyInfoThumbprint() {
        String f = file("response.b64", idp().response().base64());

        CliRun run = CliRun.of(inspect(f));

        assertThat(run.exit()).isZero();
        JsonNode sig = run.json().get("signatures").get(0);
        assertThat(sig.get("element").asText()).isEqualTo("Assertion");
        assertThat(sig.get("status").asText()).isEqualTo("UNTRUSTED_KEY");
        assertThat(sig.get("verifiedBy").isNull()).isTrue();
        assertThat(sig.get("keyInfoCertificate").get("sha256").asText())
                .isEqualTo(CliFixtures.idpCredential().sha256Thumbprint());
        assertThat(sig.get("keyInfoCertificate").get("trusted").booleanValue()).isFalse();
        assertThat(run.json().get("validate").get("ran").booleanValue()).isFalse();
    }

    @Test
    void inspectWhenIdpMetadataGivenThenNamesTheTrustedCertificateThatVerifies() {
        String f = file("both.b64", idp().response().signBoth().base64());

        CliRun run = CliRun.of(inspect(f, trusted()));

        JsonNode sigs = run.json().get("signatures");
        assertThat(sigs).hasSize(2);
        for (JsonNode sig : sigs) {
            assertThat(sig.get("status").asText()).isEqualTo("TRUSTED");
            assertThat(sig.get("verifiedBy").asText()).isEqualTo(CliFixtures.idpCredential().sha256Thumbprint());
            assertThat(sig.get("references").get(0).get("coversElement").booleanValue()).isTrue();
        }
        assertThat(sigs).extracting(s -> s.get("element").asText()).containsExactlyInAnyOrder("Response",
                "Assertion");
    }

    @Test
    void inspectWhenSignedByAttackerKeyThenUntrustedKeyAndValidateSaysUntrustedKey() {
        String f = file("attacker.xml", Hostile.keyInfoSubstitution(idp().response()));

        CliRun run = CliRun.of(inspect(f, trusted("--sp-entity-id", SP_ENTITY_ID, "--acs", ACS,
                "--allow-unsolicited")));

        JsonNode json = run.json();
        assertThat(json.get("signatures").get(0).get("status").asText()).isEqualTo("UNTRUSTED_KEY");
        assertThat(json.get("signatures").get(0).get("keyInfoCertificate").get("sha256").asText())
                .isEqualTo(Hostile.attackerCredential().sha256Thumbprint());
        assertThat(json.get("validate").get("reason").asText()).isEqualTo("UNTRUSTED_KEY");
    }

    @Test
    void inspectWhenTamperedAfterSigningThenBrokenAndClaimsStillShown() {
        String f = file("tampered.xml", Hostile.tamperedAfterSigning(idp().response().xml()));

        CliRun run = CliRun.of(inspect(f, trusted()));

        JsonNode json = run.json();
        assertThat(json.get("signatures").get(0).get("status").asText()).isEqualTo("BROKEN");
        assertThat(json.get("fields").get("nameId").asText()).isEqualTo(Hostile.ATTACKER_NAME_ID);
    }

    @Test
    void inspectWhenValidAndFullyConfiguredThenValidateSaysValidWithIdentity() {
        String f = file("response.b64", idp().response().base64());

        CliRun run = CliRun.of(inspect(f, trusted("--sp-entity-id", SP_ENTITY_ID, "--acs", ACS,
                "--allow-unsolicited")));

        JsonNode verdict = run.json().get("validate");
        assertThat(verdict.get("ran").booleanValue()).isTrue();
        assertThat(verdict.get("valid").booleanValue()).isTrue();
        assertThat(verdict.get("identity").get("nameId").asText()).isEqualTo("alice@contoso.example");
    }

    @Test
    void inspectWhenEncryptedAndSpKeyGivenThenDecryptsAndChecksTheInnerSignature() {
        String f = file("encrypted.b64", idp().response().groups(List.of(CliFixtures.ADMINS))
                .encryptFor(CliFixtures.spCredential().certificate()).base64());

        CliRun run = CliRun.of(inspect(f, trusted("--sp-key", dir.resolve("sp-key.pem").toString(), "--sp-cert",
                dir.resolve("sp-cert.pem").toString())));

        JsonNode json = run.json();
        assertThat(json.get("encryptedAssertions").get(0).get("decrypted").booleanValue()).isTrue();
        assertThat(json.get("encryptedAssertions").get(0).get("contentAlgorithm").asText()).endsWith("aes256-gcm");
        assertThat(json.get("signatures").get(0).get("status").asText()).isEqualTo("TRUSTED");
        assertThat(json.get("claims").toString()).contains(CliFixtures.ADMINS);
        assertThat(json.get("decryptedAssertionXml").asText()).contains("<Assertion");
    }

    @Test
    void inspectWhenEncryptedWithoutKeyThenSaysNotDecrypted() {
        String f = file("encrypted.b64", idp().response().encryptFor(CliFixtures.spCredential().certificate())
                .base64());

        CliRun run = CliRun.of(inspect(f));

        JsonNode json = run.json();
        assertThat(run.exit()).isZero();
        assertThat(json.get("encryptedAssertions").get(0).get("decrypted").booleanValue()).isFalse();
        assertThat(json.get("claims")).isEmpty();
    }

    @Test
    void inspectWhenTimesGivenThenRelativeToNowAndJudged() {
        String f = file("response.b64", idp().response().base64());

        CliRun run = CliRun.of("inspect", "--json", "--now", CliFixtures.T0.plus(Duration.ofMinutes(75)).toString(),
                f);

        JsonNode conditionsEnd = find(run.json().get("times"), "Conditions NotOnOrAfter");
        assertThat(conditionsEnd.get("relative").asText()).isEqualTo("5m00s ago");
        assertThat(conditionsEnd.get("secondsFromNow").asLong()).isEqualTo(-300);
        assertThat(conditionsEnd.get("judgement").asText()).isEqualTo("EXPIRED");
        assertThat(find(run.json().get("times"), "Conditions NotBefore").get("judgement").asText()).isEqualTo("ok");
    }

    @Test
    void inspectWhenSha1SignatureThenUnverifiableByTheJdkSecureMode() {
        String f = file("sha1.xml", idp().response().signatureAlgorithm(dev.fedbroker.testing.ResponseBuilder.RSA_SHA1)
                .digestAlgorithm(dev.fedbroker.testing.ResponseBuilder.SHA1).xml());

        CliRun run = CliRun.of(inspect(f, trusted()));

        JsonNode sig = run.json().get("signatures").get(0);
        assertThat(sig.get("status").asText()).isEqualTo("UNVERIFIABLE");
        assertThat(sig.get("signatureAlgorithm").asText()).endsWith("rsa-sha1");
    }

    @Test
    void inspectWhenDoctypeThenNotParsedAndExitsOne() {
        String f = file("xxe.xml", Hostile.xxeExternalEntity(idp().response().xml()));

        CliRun run = CliRun.of(inspect(f));

        assertThat(run.exit()).isEqualTo(Main.REJECTED);
        assertThat(run.json().get("decoded").booleanValue()).isFalse();
        assertThat(run.json().get("error").asText()).contains("DOCTYPE");
        assertThat(run.out()).doesNotContain("root:");
    }

    @Test
    void inspectWhenNotBase64NorXmlThenExitsOne() {
        String f = file("garbage.txt", "%%% not base64 %%%");

        CliRun run = CliRun.of(inspect(f));

        assertThat(run.exit()).isEqualTo(Main.REJECTED);
        assertThat(run.json().get("decoded").booleanValue()).isFalse();
    }

    @Test
    void inspectWhenXmlIsNotASamlResponseThenExitsOne() {
        String f = file("page.html", "<html><body>Sign in</body></html>");

        CliRun run = CliRun.of("inspect", "--now", NOW, f);

        assertThat(run.exit()).isEqualTo(Main.REJECTED);
        assertThat(run.out()).contains("NOT a SAML 2.0 Response");
    }

    @Test
    void inspectWhenHumanOutputThenHasEverySectionAndShortensBase64() {
        String f = file("response.b64", idp().response().groups(List.of(CliFixtures.ADMINS)).base64());

        CliRun run = CliRun.of("inspect", "--now", NOW, "--idp-metadata", dir.resolve("idp-metadata.xml").toString(),
                f);

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("== Signatures (1)", "TRUSTED", "== Times", "== Claims (", CliFixtures.ADMINS,
                "== validate would say", "== XML", "characters)</", CliFixtures.idpCredential().sha256Thumbprint());
    }

    private static JsonNode find(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (n.get("name").asText().equals(name)) {
                return n;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }
}

package dev.fedbroker.cli;

import static dev.fedbroker.cli.CliFixtures.ACS;
import static dev.fedbroker.cli.CliFixtures.ADMINS;
import static dev.fedbroker.cli.CliFixtures.NOW;
import static dev.fedbroker.cli.CliFixtures.SP_ENTITY_ID;
import static dev.fedbroker.cli.CliFixtures.T0;
import static dev.fedbroker.cli.CliFixtures.TENANT;
import static dev.fedbroker.cli.CliFixtures.idp;
import static dev.fedbroker.cli.CliFixtures.validate;
import static dev.fedbroker.cli.CliFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedbroker.testing.AzureClaims;
import dev.fedbroker.testing.Hostile;
import dev.fedbroker.testing.ResponseBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void configuration() {
        CliFixtures.writeConfiguration(dir);
    }

    private String file(String name, String content) {
        return write(dir, name, content).toString();
    }

    @Test
    void validateWhenBase64ResponseValidThenPrintsIdentityAndExitsZero() {
        ResponseBuilder r = idp().response().groups(List.of(ADMINS)).authnMethods(List.of(AzureClaims.AMR_PASSWORD,
                AzureClaims.AMR_MFA)).awsRoles(List.of("arn:aws:iam::555555555555:role/Auditor,"
                + "arn:aws:iam::555555555555:saml-provider/AzureAD"));
        String f = file("response.b64", r.base64());

        CliRun run = CliRun.of(validate(dir, f));

        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode line = run.json();
        assertThat(fieldNames(line)).containsExactly("file", "valid", "reason", "message", "identity");
        assertThat(line.get("file").asText()).isEqualTo(f);
        assertThat(line.get("valid").booleanValue()).isTrue();
        assertThat(line.get("reason").isNull()).isTrue();
        JsonNode id = line.get("identity");
        assertThat(fieldNames(id)).containsExactlyElementsOf(IdentityJson.FIELDS);
        assertThat(id.get("nameId").asText()).isEqualTo("alice@contoso.example");
        assertThat(id.get("nameIdFormat").asText()).isEqualTo(AzureClaims.NAMEID_EMAIL);
        assertThat(id.get("tenantId").asText()).isEqualTo(TENANT);
        assertThat(id.get("objectId").asText()).isEqualTo(r.objectId());
        assertThat(id.get("upn").asText()).isEqualTo("alice@contoso.example");
        assertThat(id.get("groups").get(0).asText()).isEqualTo(ADMINS);
        assertThat(id.get("roles").get(0).asText()).startsWith("arn:aws:iam::555555555555:role/Auditor,");
        assertThat(id.get("authnMethods").toString()).contains(AzureClaims.AMR_MFA);
        assertThat(id.get("groupsOverage").booleanValue()).isFalse();
        assertThat(id.get("assertionId").asText()).isEqualTo(r.assertionId());
        assertThat(id.get("issuer").asText()).isEqualTo("https://sts.windows.net/" + TENANT + "/");
        assertThat(id.get("notOnOrAfter").asText()).isEqualTo(T0.plus(Duration.ofMinutes(70)).toString());
    }

    @Test
    void validateWhenRawXmlThenDetectedAndValid() {
        String f = file("response.xml", idp().response().xml());

        CliRun run = CliRun.of(validate(dir, f));

        assertThat(run.exit()).isZero();
        assertThat(run.json().get("valid").booleanValue()).isTrue();
    }

    @Test
    void validateWhenUrlEncodedFormValueThenDecodedAndValid() {
        String encoded = java.net.URLEncoder.encode(idp().response().base64(), StandardCharsets.UTF_8);
        String f = file("form.txt", "SAMLResponse=" + encoded + "&RelayState=%2Fportal\n");

        CliRun run = CliRun.of(validate(dir, f));

        assertThat(run.exit()).isZero();
    }

    @Test
    void validateWhenAudienceWrongThenRejectsWithWrongAudienceAndExitsOne() {
        String f = file("wrong-audience.b64", idp().response().audience("https://other.example.com").base64());

        CliRun run = CliRun.of(validate(dir, f));

        assertThat(run.exit()).isEqualTo(1);
        JsonNode line = run.json();
        assertThat(line.get("valid").booleanValue()).isFalse();
        assertThat(line.get("reason").asText()).isEqualTo("WRONG_AUDIENCE");
        assertThat(line.get("message").asText()).isNotBlank();
        assertThat(line.get("identity").isNull()).isTrue();
    }

    @Test
    void validateWhenNowLaterThanNotOnOrAfterThenRejectsWithExpired() {
        String f = file("response.b64", idp().response().notOnOrAfter(T0.plus(Duration.ofMinutes(1))).base64());

        CliRun run = CliRun.of(validate(dir, f, "--now", T0.plus(Duration.ofMinutes(5)).toString()));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().get("reason").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void validateWhenSkewCoversTheDifferenceThenAcceptedAndShortFormParsed() {
        String f = file("response.b64", idp().response().notBefore(T0.plus(Duration.ofSeconds(90))).base64());

        CliRun strict = CliRun.of(validate(dir, f, "--clock-skew", "60s"));
        CliRun lenient = CliRun.of(validate(dir, f, "--clock-skew", "PT2M"));

        assertThat(strict.json().get("reason").asText()).isEqualTo("NOT_YET_VALID");
        assertThat(lenient.json().get("valid").booleanValue()).isTrue();
    }

    @Test
    void validateWhenSameFileTwiceThenSecondIsReplayedAndExitsOne() {
        String f = file("response.b64", idp().response().base64());

        CliRun run = CliRun.of(validate(dir, f, f));

        assertThat(run.exit()).isEqualTo(1);
        List<JsonNode> lines = run.lines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("valid").booleanValue()).isTrue();
        assertThat(lines.get(1).get("valid").booleanValue()).isFalse();
        assertThat(lines.get(1).get("reason").asText()).isEqualTo("REPLAYED");
    }

    @Test
    void validateWhenSeveralFilesThenOneLinePerFileInOrder() {
        String a = file("a.b64", idp().response().base64());
        String b = file("b.b64", idp().response().destination("https://evil.example.com/acs").base64());
        String c = file("c.xml", idp().response().xml());

        CliRun run = CliRun.of(validate(dir, a, b, c));

        assertThat(run.lines()).extracting(l -> l.get("file").asText()).containsExactly(a, b, c);
        assertThat(run.lines()).extracting(l -> l.get("reason").isNull() ? "valid" : l.get("reason").asText())
                .containsExactly("valid", "WRONG_DESTINATION", "valid");
        assertThat(run.exit()).isEqualTo(1);
    }

    @Test
    void validateWhenEncryptedAndSpKeyGivenThenDecryptsAndAccepts() {
        String f = file("encrypted.b64", idp().response().encryptFor(CliFixtures.spCredential().certificate())
                .base64());

        CliRun run = CliRun.of(validate(dir, f, "--sp-key", dir.resolve("sp-key.pem").toString(), "--sp-cert",
                dir.resolve("sp-cert.pem").toString()));

        assertThat(run.exit()).isZero();
        assertThat(run.json().get("identity").get("nameId").asText()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenEncryptedAndNoSpKeyThenRejectsWithDecryptionFailed() {
        String f = file("encrypted.b64", idp().response().encryptFor(CliFixtures.spCredential().certificate())
                .base64());

        CliRun run = CliRun.of(validate(dir, f));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().get("reason").asText()).isEqualTo("DECRYPTION_FAILED");
    }

    @Test
    void validateWhenInputIsNotBase64NorXmlThenRejectsWithMalformed() {
        String f = file("garbage.txt", "this is not a SAML response!");

        CliRun run = CliRun.of(validate(dir, f));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().get("reason").asText()).isEqualTo("MALFORMED");
    }

    @Test
    void validateWhenXmlIsNotWellFormedThenRejectsWithMalformed() {
        String f = file("broken.xml", "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">");

        CliRun run = CliRun.of(validate(dir, f));

        assertThat(run.json().get("reason").asText()).isEqualTo("MALFORMED");
    }

    @Test
    void validateWhenDoctypePresentThenRejectsWithDoctypeForbidden() {
        String f = file("xxe.xml", Hostile.xxeExternalEntity(idp().response().xml()));

        CliRun run = CliRun.of(validate(dir, f));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.json().get("reason").asText()).isEqualTo("DOCTYPE_FORBIDDEN");
    }

    @Test
    void validateWhenSignedByAnotherKeyThenRejectsWithUntrustedKey() {
        String f = file("attacker.xml", Hostile.keyInfoSubstitution(idp().response()));

        CliRun run = CliRun.of(validate(dir, f));

        assertThat(run.json().get("reason").asText()).isEqualTo("UNTRUSTED_KEY");
    }

    @Test
    void validateWhenSha1SignatureThenWeakAlgorithmUnlessAllowSha1() {
        String f = file("sha1.xml", idp().response().signatureAlgorithm(ResponseBuilder.RSA_SHA1)
                .digestAlgorithm(ResponseBuilder.SHA1).xml());

        CliRun refused = CliRun.of(validate(dir, f));
        CliRun allowed = CliRun.of(validate(dir, "--allow-sha1", f));

        assertThat(refused.json().get("reason").asText()).isEqualTo("WEAK_ALGORITHM");
        assertThat(allowed.exit()).isZero();
    }

    @Test
    void validateWhenDashThenReadsStandardInput() {
        byte[] stdin = (idp().response().base64() + "\n").getBytes(StandardCharsets.US_ASCII);

        CliRun run = CliRun.withStdin(stdin, validate(dir, "-"));

        assertThat(run.exit()).isZero();
        assertThat(run.json().get("file").asText()).isEqualTo("-");
    }

    @Test
    void validateWhenIdpCertAndEntityIdGivenThenValid() {
        String f = file("response.b64", idp().response().base64());

        CliRun run = CliRun.of("validate", "--idp-cert", dir.resolve("idp-cert.pem").toString(), "--idp-entity-id",
                idp().entityId(), "--sp-entity-id", SP_ENTITY_ID, "--acs", ACS, "--allow-unsolicited", "--now", NOW,
                f);

        assertThat(run.exit()).isZero();
    }

    @Test
    void validateWhenInResponseToMatchesThenValidAndWhenDiffersThenMismatch() {
        String f = file("response.b64", idp().response().inResponseTo("_req-1").base64());
        String g = file("response2.b64", idp().response().inResponseTo("_req-1").base64());
        String[] common = {"validate", "--idp-metadata", dir.resolve("idp-metadata.xml").toString(), "--sp-entity-id",
            SP_ENTITY_ID, "--acs", ACS, "--now", NOW, "--in-response-to"};

        CliRun ok = CliRun.of(concat(common, "_req-1", f));
        CliRun other = CliRun.of(concat(common, "_req-2", g));

        assertThat(ok.exit()).isZero();
        assertThat(other.json().get("reason").asText()).isEqualTo("IN_RESPONSE_TO_MISMATCH");
    }

    @Test
    void validateWhenNeitherInResponseToNorAllowUnsolicitedThenUnsolicitedNotAllowedWithHint() {
        String f = file("response.b64", idp().response().base64());

        CliRun run = CliRun.of("validate", "--idp-metadata", dir.resolve("idp-metadata.xml").toString(),
                "--sp-entity-id", SP_ENTITY_ID, "--acs", ACS, "--now", NOW, f);

        assertThat(run.json().get("reason").asText()).isEqualTo("UNSOLICITED_NOT_ALLOWED");
        assertThat(run.json().get("message").asText()).contains("--allow-unsolicited");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static List<String> fieldNames(JsonNode n) {
        List<String> names = new java.util.ArrayList<>();
        n.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

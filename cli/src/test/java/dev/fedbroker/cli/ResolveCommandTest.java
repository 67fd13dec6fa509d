package dev.fedbroker.cli;

import static dev.fedbroker.cli.CliFixtures.ADMINS;
import static dev.fedbroker.cli.CliFixtures.DEVELOPERS;
import static dev.fedbroker.cli.CliFixtures.idp;
import static dev.fedbroker.cli.CliFixtures.validate;
import static dev.fedbroker.cli.CliFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedbroker.testing.AzureClaims;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResolveCommandTest {

    static final String POLICY = """
            {"organization": {"id": "r-root", "name": "Root",
               "accounts": [{"id": "111111111111", "name": "management"}],
               "units": [{"id": "ou-prod", "name": "Production",
                          "accounts": [{"id": "222222222222", "name": "payments-prod"}], "units": []}]},
             "permissionSets": [{"name": "ReadOnlyAccess", "sessionDuration": "PT8H"},
                                {"name": "AdministratorAccess", "sessionDuration": "PT1H", "requireMfa": true}],
             "assignments": [
               {"group": "%s", "target": "ou-prod", "permissionSet": "ReadOnlyAccess"},
               {"group": "%s", "target": "r-root", "permissionSet": "AdministratorAccess"}]}
            """.formatted(DEVELOPERS, ADMINS);

    @TempDir
    Path dir;

    String policy;

    @BeforeEach
    void configuration() {
        CliFixtures.writeConfiguration(dir);
        policy = write(dir, "policy.json", POLICY).toString();
    }

    /** validate's output line for a fresh response with these groups and methods. */
    private byte[] validatedLine(List<String> groups, List<String> methods) {
        String f = write(dir, "r.b64", idp().response().groups(groups).authnMethods(methods).base64()).toString();
        CliRun run = CliRun.of(validate(dir, f));
        assertThat(run.exit()).isZero();
        return run.out().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void resolveWhenValidateOutputPipedThenOneLinePerPairInOrder() {
        byte[] line = validatedLine(List.of(DEVELOPERS, ADMINS), List.of(AzureClaims.AMR_PASSWORD,
                AzureClaims.AMR_MFA));

        CliRun run = CliRun.withStdin(line, "resolve", "--policy", policy, "--identity", "-");

        assertThat(run.exit()).isZero();
        assertThat(run.lines()).extracting(l -> l.get("accountId").asText() + "/" + l.get("permissionSet").asText())
                .containsExactly("111111111111/AdministratorAccess", "222222222222/AdministratorAccess",
                        "222222222222/ReadOnlyAccess");
        assertThat(run.lines().get(0).has("grants")).isFalse();
    }

    @Test
    void resolveWhenExplainAndNoMfaThenDroppedWithMfaRequiredAndGrantsListed() {
        byte[] line = validatedLine(List.of(DEVELOPERS, ADMINS), List.of(AzureClaims.AMR_PASSWORD));
        String identity = write(dir, "identity.json", new String(line, StandardCharsets.UTF_8)).toString();

        CliRun run = CliRun.of("resolve", "--policy", policy, "--identity", identity, "--explain");

        List<JsonNode> lines = run.lines();
        JsonNode granted = lines.get(0);
        assertThat(granted.get("status").asText()).isEqualTo("granted");
        assertThat(granted.get("permissionSet").asText()).isEqualTo("ReadOnlyAccess");
        assertThat(granted.get("grants").get(0).get("principal").asText()).isEqualTo(DEVELOPERS);
        assertThat(granted.get("grants").get(0).get("targetPath").toString()).contains("ou-prod");
        assertThat(lines).filteredOn(l -> l.get("status").asText().equals("dropped"))
                .extracting(l -> l.get("reason").asText()).containsOnly("MFA_REQUIRED");
        assertThat(lines).filteredOn(l -> l.get("status").asText().equals("dropped")).isNotEmpty()
                .allSatisfy(l -> assertThat(l.get("grants").get(0).get("principal").asText()).isEqualTo(ADMINS));
    }

    @Test
    void resolveWhenIdentityObjectWrittenByHandThenAccepted() {
        String identity = write(dir, "identity.json", "{\"nameId\": \"bob@contoso.example\", \"groups\": [\""
                + DEVELOPERS + "\"]}").toString();

        CliRun run = CliRun.of("resolve", "--policy", policy, "--identity", identity);

        assertThat(run.json().get("accountId").asText()).isEqualTo("222222222222");
    }

    @Test
    void resolveWhenIdentityHasUnknownFieldThenUsageError() {
        String identity = write(dir, "identity.json", "{\"nameId\": \"bob\", \"grups\": []}").toString();

        CliRun run = CliRun.of("resolve", "--policy", policy, "--identity", identity);

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).singleElement().asString().contains("grups");
    }

    @Test
    void resolveWhenValidateLineWasRejectedThenUsageError() {
        String identity = write(dir, "identity.json", "{\"file\":\"x\",\"valid\":false,\"reason\":\"EXPIRED\","
                + "\"message\":\"m\",\"identity\":null}").toString();

        CliRun run = CliRun.of("resolve", "--policy", policy, "--identity", identity);

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.err()).contains("EXPIRED");
    }

    @Test
    void resolveWhenPolicyInvalidThenUsageErrorOnOneLine() {
        String bad = write(dir, "bad.json", "{\"organization\": {}, \"permissionSets\": 3}").toString();
        String identity = write(dir, "identity.json", "{\"nameId\": \"bob\"}").toString();

        CliRun run = CliRun.of("resolve", "--policy", bad, "--identity", identity);

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).contains("invalid policy");
    }

    @Test
    void resolveWhenIdentityNotJsonThenUsageError() {
        String identity = write(dir, "identity.json", "nameId=bob").toString();

        CliRun run = CliRun.of("resolve", "--policy", policy, "--identity", identity);

        assertThat(run.exit()).isEqualTo(Main.USAGE);
        assertThat(run.errLines()).hasSize(1);
    }
}

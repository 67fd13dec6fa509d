package dev.fedbroker.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

    private static final Policy EXPECTED = Policy.of(
            new Organization("r-root", "Root", List.of(new Account("111111111111", "management")),
                    List.of(new OrganizationalUnit("ou-prod", "Production",
                            List.of(new Account("222222222222", "payments-prod")), List.of()))),
            List.of(PermissionSet.of("ReadOnlyAccess", Duration.ofHours(8)),
                    new PermissionSet("AdministratorAccess", Duration.ofHours(1), true, Optional.empty())),
            List.of(new Assignment(Principal.group("0b6e5a1c-3d2f-4e8b-9a7c-6d5e4f3a2b10"), "ou-prod",
                            "ReadOnlyAccess"),
                    new Assignment(Principal.user("alice@contoso.example"), "111111111111", "AdministratorAccess")),
            false);

    @Test
    void parseWhenIssueExampleThenBuildsTheSamePolicyAsCode() {
        Policy policy = PolicyLoader.defaults().parse(TestPolicies.ISSUE_EXAMPLE);

        assertThat(policy).isEqualTo(EXPECTED);
        assertThat(policy.permissionSet("AdministratorAccess")).map(PermissionSet::requireMfa).contains(true);
    }

    @Test
    void parseWhenStreamThenSameAsText() {
        byte[] bytes = TestPolicies.ISSUE_EXAMPLE.getBytes(StandardCharsets.UTF_8);

        assertThat(PolicyLoader.defaults().parse(new ByteArrayInputStream(bytes))).isEqualTo(EXPECTED);
    }

    @Test
    void parseWhenUtf8ByteOrderMarkThenIgnoresIt() {
        byte[] text = TestPolicies.ISSUE_EXAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);

        assertThat(PolicyLoader.defaults().parse(new ByteArrayInputStream(bytes))).isEqualTo(EXPECTED);
    }

    @Test
    void loadWhenFileThenSameAsText(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("policy.json"), TestPolicies.ISSUE_EXAMPLE);

        assertThat(PolicyLoader.defaults().load(file)).isEqualTo(EXPECTED);
    }

    @Test
    void parseWhenOptionalFieldsAbsentOrNullThenDefaults() {
        String json = """
                {"organization": {"id": "r-root", "name": "Root"},
                 "permissionSets": [{"name": "ReadOnlyAccess", "sessionDuration": "PT15M", "description": null}],
                 "assignments": []}""";

        Policy policy = PolicyLoader.defaults().parse(json);

        assertThat(policy.acceptRoleClaims()).isFalse();
        assertThat(policy.organization().accounts()).isEmpty();
        assertThat(policy.permissionSets()).containsExactly(PermissionSet.of("ReadOnlyAccess", Duration.ofMinutes(15)));
    }

    @Test
    void loadWhenRepositoryExampleThenLoads() {
        Policy policy = PolicyLoader.defaults().load(Path.of("..", "examples", "policy.json"));

        assertThat(policy.assignments()).isNotEmpty();
        assertThat(policy.acceptRoleClaims()).isTrue();
    }
}

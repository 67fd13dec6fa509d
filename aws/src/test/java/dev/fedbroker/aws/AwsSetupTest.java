package dev.fedbroker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.fedbroker.core.Policy;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class AwsSetupTest {

    private static final String ENTITY_ID = "https://broker.example.com/saml";
    private static final Policy POLICY = Policies.example();

    private static AwsSetup setup(AwsTrust trust) {
        return AwsSetup.of(new BrokerMetadata(ENTITY_ID, URI.create("https://broker.example.com/portal"),
                List.of(TestKeys.broker().certificate())), trust);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    /** Resources of type AWS::IAM::Role, by RoleName. */
    static Map<String, Map<String, Object>> roles(Map<String, Object> template) {
        Map<String, Map<String, Object>> roles = new LinkedHashMap<>();
        map(template.get("Resources")).values().stream().map(AwsSetupTest::map)
                .filter(r -> "AWS::IAM::Role".equals(r.get("Type")))
                .forEach(r -> roles.put((String) map(r.get("Properties")).get("RoleName"), map(r.get("Properties"))));
        return roles;
    }

    static Map<String, Object> statement(Map<String, Object> roleProperties) {
        List<?> statements = (List<?>) map(roleProperties.get("AssumeRolePolicyDocument")).get("Statement");
        assertThat(statements).hasSize(1);
        return map(statements.get(0));
    }

    @Test
    void accountTemplateWhenParsedAsYamlThenOneRolePerPermissionSetReachingTheAccount() {
        Map<String, Object> template = parse(setup(AwsTrust.defaults()).accountTemplate(POLICY, Policies.PAYMENTS_EU));

        // Billing from the root, ReadOnlyAccess from ou-prod and ou-prod-eu, AdministratorAccess from ou-prod-eu,
        // Deploy directly on the account.
        assertThat(roles(template)).containsOnlyKeys("AdministratorAccess", "Billing", "Deploy", "ReadOnlyAccess");
        assertThat(template.get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
    }

    @Test
    void accountTemplateWhenParsedThenRolesTrustTheProviderForSamlWithTheAccountsEndpoint() {
        Map<String, Object> template = parse(setup(AwsTrust.defaults()).accountTemplate(POLICY, Policies.PAYMENTS_PROD));
        Map<String, Object> role = roles(template).get("ReadOnlyAccess");
        Map<String, Object> statement = statement(role);

        assertThat(roles(template)).containsOnlyKeys("Billing", "ReadOnlyAccess");
        assertThat(role.get("Path")).isEqualTo("/fedbroker/");
        assertThat(role.get("MaxSessionDuration")).isEqualTo(8 * 3600);
        assertThat(statement.get("Effect")).isEqualTo("Allow");
        assertThat(map(statement.get("Principal")).get("Federated"))
                .isEqualTo("arn:aws:iam::222222222222:saml-provider/fedbroker");
        assertThat(statement.get("Action")).isEqualTo(List.of("sts:AssumeRoleWithSAML", "sts:TagSession"));
        assertThat(map(map(statement.get("Condition")).get("StringEquals")).get("SAML:aud"))
                .isEqualTo("https://signin.aws.amazon.com/saml");
    }

    @Test
    void accountTemplateWhenParsedThenProviderHoldsTheBrokerMetadataUnchanged() {
        AwsSetup setup = setup(AwsTrust.defaults());
        Map<String, Object> resources = map(parse(setup.accountTemplate(POLICY, Policies.MANAGEMENT)).get("Resources"));
        Map<String, Object> provider = map(resources.get("FedbrokerSamlProvider"));

        assertThat(provider.get("Type")).isEqualTo("AWS::IAM::SAMLProvider");
        assertThat(map(provider.get("Properties")).get("Name")).isEqualTo("fedbroker");
        assertThat(map(provider.get("Properties")).get("SamlMetadataDocument")).isEqualTo(setup.metadataXml());
    }

    @Test
    void accountTemplateWhenSessionDurationShortOrLongThenMaxSessionDurationWithinIamRangeAndAtLeastIt() {
        Map<String, Map<String, Object>> roles = roles(parse(setup(AwsTrust.defaults())
                .accountTemplate(POLICY, Policies.PAYMENTS_EU)));

        assertThat(roles.get("Deploy").get("MaxSessionDuration")).isEqualTo(3600);          // 15 minutes: IAM minimum
        assertThat(roles.get("AdministratorAccess").get("MaxSessionDuration")).isEqualTo(3600);
        assertThat(roles.get("Billing").get("MaxSessionDuration")).isEqualTo(43200);
    }

    @Test
    void accountTemplateWhenDescriptionHasYamlSyntaxThenItStaysAString() {
        Map<String, Object> billing = roles(parse(setup(AwsTrust.defaults())
                .accountTemplate(POLICY, Policies.SANDBOX))).get("Billing");

        assertThat(billing.get("Description")).isEqualTo("fedbroker permission set Billing: Pays \"the\" bills: "
                + "{a: b} # & <x>");
    }

    @Test
    void accountTemplateWhenAccountUsesChinaEndpointThenPartitionAndAudienceFollow() {
        AwsTrust trust = AwsTrust.defaults().withAccountEndpoint(Policies.SANDBOX, SignInEndpoint.CHINA);
        Map<String, Object> statement = statement(roles(parse(setup(trust)
                .accountTemplate(POLICY, Policies.SANDBOX))).get("Billing"));

        assertThat(map(statement.get("Principal")).get("Federated"))
                .isEqualTo("arn:aws-cn:iam::444444444444:saml-provider/fedbroker");
        assertThat(map(map(statement.get("Condition")).get("StringEquals")).get("SAML:aud"))
                .isEqualTo("https://signin.amazonaws.cn/saml");
    }

    @Test
    void accountTemplateWhenCustomNamingThenRoleNameAndPathFollowTheRule() {
        AwsTrust trust = AwsTrust.defaults().withNaming(new RoleNaming(
                "arn:{partition}:iam::{account}:role/sso/broker/fb-{permissionSet}",
                "arn:{partition}:iam::{account}:saml-provider/corp-broker"));
        Map<String, Object> template = parse(setup(trust).accountTemplate(POLICY, Policies.SANDBOX));
        Map<String, Object> role = roles(template).get("fb-Billing");

        assertThat(role.get("Path")).isEqualTo("/sso/broker/");
        assertThat(map(statement(role).get("Principal")).get("Federated"))
                .isEqualTo("arn:aws:iam::444444444444:saml-provider/corp-broker");
    }

    @Test
    void accountTemplateWhenAccountUnknownThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> setup(AwsTrust.defaults())
                .accountTemplate(POLICY, "999999999999"));
    }

    @Test
    void stackSetTemplateWhenParsedThenUsesPseudoParametersAndEndpointParameter() {
        Map<String, Object> template = parse(setup(AwsTrust.defaults()).stackSetTemplate(POLICY, "ou-prod"));
        Map<String, Object> statement = statement(roles(template).get("ReadOnlyAccess"));

        assertThat(roles(template)).containsOnlyKeys("ReadOnlyAccess");
        assertThat(map(statement.get("Principal")).get("Federated")).isEqualTo(Map.of("Fn::Sub",
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:saml-provider/fedbroker"));
        assertThat(map(map(statement.get("Condition")).get("StringEquals")).get("SAML:aud"))
                .isEqualTo(Map.of("Ref", "SignInEndpoint"));
        assertThat(map(map(template.get("Parameters")).get("SignInEndpoint")).get("Default"))
                .isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(template.toString()).doesNotContain("222222222222");
    }

    @Test
    void stackSetTemplateWhenRootHasAssignmentsThenOnlyRootCreatesTheProvider() {
        AwsSetup setup = setup(AwsTrust.defaults());
        Map<String, Object> root = parse(setup.stackSetTemplate(POLICY, "r-root"));
        Map<String, Object> nested = parse(setup.stackSetTemplate(POLICY, "ou-prod-eu"));

        assertThat(map(root.get("Resources"))).containsKey("FedbrokerSamlProvider");
        assertThat(roles(root)).containsOnlyKeys("Billing");
        assertThat(map(nested.get("Resources"))).doesNotContainKey("FedbrokerSamlProvider");
        // ReadOnlyAccess is already created by ou-prod's StackSet in these accounts.
        assertThat(roles(nested)).containsOnlyKeys("AdministratorAccess");
    }

    @Test
    void writeToWhenPolicyGivenThenWritesMetadataAccountAndStackSetTemplates(@TempDir Path dir) throws Exception {
        List<Path> files = setup(AwsTrust.defaults()).writeTo(dir, POLICY);

        assertThat(files.stream().map(p -> dir.relativize(p).toString().replace('\\', '/'))).containsExactly(
                "broker-idp-metadata.xml", "accounts/111111111111.yaml", "accounts/222222222222.yaml",
                "accounts/333333333333.yaml", "accounts/444444444444.yaml", "stacksets/r-root.yaml",
                "stacksets/ou-prod.yaml", "stacksets/ou-prod-eu.yaml", "README.txt");
        for (Path file : files) {
            if (file.toString().endsWith(".yaml")) {
                assertThat(parse(Files.readString(file))).containsKey("Resources");
            }
        }
    }
}

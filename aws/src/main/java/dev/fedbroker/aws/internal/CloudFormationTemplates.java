package dev.fedbroker.aws.internal;

import dev.fedbroker.aws.AwsTrust;
import dev.fedbroker.aws.RoleNaming;
import dev.fedbroker.aws.SignInEndpoint;
import dev.fedbroker.core.PermissionSet;
import dev.fedbroker.core.Policy;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * CloudFormation templates (YAML) that make AWS accounts trust the broker: the IAM SAML provider created from the
 * broker's metadata and one IAM role per permission set. Only long-form intrinsic functions ({@code Fn::Sub},
 * {@code Ref}, {@code Fn::GetAtt}) are used, so the templates are plain YAML. Immutable; thread-safe.
 */
public final class CloudFormationTemplates {

    static final String PROVIDER_ID = "FedbrokerSamlProvider";
    static final int MIN_MAX_SESSION = 3600;
    static final int MAX_MAX_SESSION = 43200;
    static final int MAX_ROLE_DESCRIPTION = 1000;
    static final int MAX_TEMPLATE_DESCRIPTION = 1024;

    private final AwsTrust trust;
    private final String entityId;
    private final String metadataXml;

    public CloudFormationTemplates(AwsTrust trust, String entityId, String metadataXml) {
        this.trust = trust;
        this.entityId = entityId;
        this.metadataXml = metadataXml;
    }

    /**
     * The template for one account: the provider and one role per permission set that reaches the account (assigned
     * on it, on a unit above it or on the root), with literal ARNs and the account's own sign-in endpoint.
     */
    public String account(Policy policy, PolicyTargets targets, String accountId) {
        SignInEndpoint endpoint = trust.endpointFor(accountId);
        String providerArn = trust.providerArn(accountId);
        Map<String, Object> resources = new LinkedHashMap<>();
        resources.put(PROVIDER_ID, provider());
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("SamlProviderArn", Map.of("Value", Map.of("Ref", PROVIDER_ID)));
        addRoles(policy, targets.permissionSetsOfAccount(accountId), providerArn, endpoint.urlText(), true,
                resources, outputs);
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        template.put("Description", iamText("fedbroker: lets the broker " + entityId + " sign users in to AWS account "
                + targets.name(accountId).orElse(accountId) + " (" + accountId + ") with "
                + "the roles of its permission sets. Generated from the fedbroker policy; attach each role's "
                + "permissions policies yourself.", MAX_TEMPLATE_DESCRIPTION));
        template.put("Resources", resources);
        template.put("Outputs", outputs);
        return YamlWriter.write(template);
    }

    /**
     * The StackSet template for a unit or the root: one role per permission set assigned directly on it (not already
     * assigned on a unit above, whose own StackSet creates that role), with ARNs built from the
     * {@code AWS::Partition} and {@code AWS::AccountId} pseudo parameters. The provider is created only by the
     * outermost StackSet (no unit above holds an assignment); inner ones use the provider that StackSet creates.
     */
    public String stackSet(Policy policy, PolicyTargets targets, String containerId) {
        Set<String> above = new HashSet<>();
        targets.ancestors(containerId).forEach(a -> above.addAll(targets.assignedOn(a)));
        SortedSet<String> sets = new TreeSet<>(targets.assignedOn(containerId));
        sets.removeAll(above);
        boolean createsProvider = above.isEmpty();

        Map<String, Object> parameters = new LinkedHashMap<>();
        Map<String, Object> endpointParameter = new LinkedHashMap<>();
        endpointParameter.put("Type", "String");
        endpointParameter.put("Default", commonEndpoint(targets, containerId).urlText());
        endpointParameter.put("Description", "The AWS sign-in endpoint the broker posts to for these accounts "
                + "(the SAML:aud that roles require). Override it per account or Region when it differs.");
        parameters.put("SignInEndpoint", endpointParameter);

        RoleNaming naming = trust.naming();
        Map<String, Object> providerArn = Map.of("Fn::Sub",
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:saml-provider/" + naming.providerName());
        Map<String, Object> resources = new LinkedHashMap<>();
        Map<String, Object> outputs = new LinkedHashMap<>();
        if (createsProvider) {
            resources.put(PROVIDER_ID, provider());
            outputs.put("SamlProviderArn", Map.of("Value", Map.of("Ref", PROVIDER_ID)));
        }
        addRoles(policy, sets, providerArn, Map.of("Ref", "SignInEndpoint"), createsProvider, resources, outputs);

        Map<String, Object> template = new LinkedHashMap<>();
        template.put("AWSTemplateFormatVersion", "2010-09-09");
        String unitName = targets.name(containerId).orElse(containerId);
        template.put("Description", iamText("fedbroker StackSet for " + unitName + " (" + containerId
                + "): the roles of the permission sets assigned there, for the broker " + entityId
                + (createsProvider ? ", and the SAML provider." : "; the SAML provider comes from the StackSet of "
                + "the unit above, deploy that one first.") + " Generated from the fedbroker policy.",
                MAX_TEMPLATE_DESCRIPTION));
        template.put("Parameters", parameters);
        template.put("Resources", resources);
        if (!outputs.isEmpty()) {
            template.put("Outputs", outputs);
        }
        return YamlWriter.write(template);
    }

    private Map<String, Object> provider() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("Name", trust.naming().providerName());
        properties.put("SamlMetadataDocument", metadataXml);
        Map<String, Object> provider = new LinkedHashMap<>();
        provider.put("Type", "AWS::IAM::SAMLProvider");
        provider.put("Properties", properties);
        return provider;
    }

    private void addRoles(Policy policy, SortedSet<String> permissionSets, Object providerArn, Object audience,
            boolean dependsOnProvider, Map<String, Object> resources, Map<String, Object> outputs) {
        Set<String> usedIds = new HashSet<>(resources.keySet());
        for (String name : permissionSets) {
            PermissionSet set = policy.permissionSet(name).orElseThrow(() -> new IllegalStateException(
                    "unreachable: a Policy checks that assignments name existing permission sets"));
            String logicalId = logicalId("Role", name, usedIds);
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("Type", "AWS::IAM::Role");
            if (dependsOnProvider) {
                role.put("DependsOn", PROVIDER_ID);
            }
            role.put("Properties", roleProperties(set, providerArn, audience));
            resources.put(logicalId, role);
            outputs.put(logicalId + "Arn", Map.of("Value", Map.of("Fn::GetAtt", List.of(logicalId, "Arn"))));
        }
    }

    private Map<String, Object> roleProperties(PermissionSet set, Object providerArn, Object audience) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", providerArn));
        statement.put("Action", List.of("sts:AssumeRoleWithSAML", "sts:TagSession"));
        statement.put("Condition", Map.of("StringEquals", Map.of("SAML:aud", audience)));
        Map<String, Object> trustPolicy = new LinkedHashMap<>();
        trustPolicy.put("Version", "2012-10-17");
        trustPolicy.put("Statement", List.of(statement));

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("RoleName", trust.naming().roleName(set.name()));
        properties.put("Path", trust.naming().rolePath());
        properties.put("Description", iamText("fedbroker permission set " + set.name()
                + set.description().map(d -> ": " + d).orElse(""), MAX_ROLE_DESCRIPTION));
        properties.put("MaxSessionDuration", maxSessionDuration(set));
        properties.put("AssumeRolePolicyDocument", trustPolicy);
        return properties;
    }

    /** At least the permission set's session duration (AWS refuses a longer SessionDuration), within IAM's range. */
    static int maxSessionDuration(PermissionSet set) {
        long seconds = set.sessionDuration().getSeconds();
        return (int) Math.min(MAX_MAX_SESSION, Math.max(MIN_MAX_SESSION, seconds));
    }

    private SignInEndpoint commonEndpoint(PolicyTargets targets, String containerId) {
        Set<SignInEndpoint> endpoints = new HashSet<>();
        targets.accountsBeneath(containerId).forEach(a -> endpoints.add(trust.endpointFor(a)));
        return endpoints.size() == 1 ? endpoints.iterator().next() : trust.defaultEndpoint();
    }

    /**
     * Text that IAM and CloudFormation accept in a description: tab, line breaks and Latin-1 printable characters
     * (others become {@code ?}), cut to {@code max} characters.
     */
    static String iamText(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0x7E) || (c >= 0xA1 && c <= 0xFF);
            out.append(ok ? c : '?');
        }
        return out.toString();
    }

    /** A CloudFormation logical id: alphanumeric, unique within the template. */
    static String logicalId(String prefix, String name, Set<String> used) {
        String base = prefix + name.replaceAll("[^A-Za-z0-9]", "");
        String id = base;
        for (int i = 2; !used.add(id); i++) {
            id = base + i;
        }
        return id;
    }
}

package dev.fedbroker.aws;

import dev.fedbroker.aws.internal.CloudFormationTemplates;
import dev.fedbroker.aws.internal.PolicyTargets;
import dev.fedbroker.core.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an administrator deploys so that AWS accounts trust the broker: the broker's IdP metadata and, for a policy,
 * CloudFormation templates (YAML) per account and per organizational unit. Immutable; thread-safe.
 *
 * <p>For the CLI ({@code fedbroker aws-setup --policy POLICY.json --idp-cert PEM --out DIR}, plus the broker's
 * entity id and portal URL):
 * <pre>{@code
 * Policy policy = PolicyLoader.defaults().parse(Files.newInputStream(policyFile));
 * List<X509Certificate> certs = BrokerMetadata.certificatesFromPem(Files.readString(pemFile));
 * List<Path> written = AwsSetup.of(new BrokerMetadata(entityId, portalUrl, certs), AwsTrust.defaults())
 *         .writeTo(outDir, policy);
 * }</pre>
 */
public final class AwsSetup {

    /** File name of the broker's metadata in {@link #writeTo}'s directory. */
    public static final String METADATA_FILE = "broker-idp-metadata.xml";

    private final BrokerMetadata metadata;
    private final AwsTrust trust;

    private AwsSetup(BrokerMetadata metadata, AwsTrust trust) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.trust = Objects.requireNonNull(trust, "trust");
    }

    /**
     * A setup for the broker described by {@code metadata}, with the same {@code trust} that {@link AwsSignIn} uses
     * (naming rule and sign-in endpoints).
     */
    public static AwsSetup of(BrokerMetadata metadata, AwsTrust trust) {
        return new AwsSetup(metadata, trust);
    }

    /** The broker's IdP metadata XML, for {@code aws iam create-saml-provider}. */
    public String metadataXml() {
        return metadata.xml();
    }

    /**
     * The CloudFormation template for one account: the SAML provider and one role per permission set assigned to
     * the account directly or through a unit above it.
     *
     * @throws IllegalArgumentException when the policy has no such account, or a role name breaks IAM's rules
     */
    public String accountTemplate(Policy policy, String accountId) {
        PolicyTargets targets = new PolicyTargets(policy);
        if (!targets.isAccount(accountId)) {
            throw new IllegalArgumentException("The policy has no account '" + accountId + "'");
        }
        return templates().account(policy, targets, accountId);
    }

    /**
     * The StackSet-friendly template for an organizational unit or the root: one role per permission set assigned
     * on it, with ARNs from the {@code AWS::Partition} and {@code AWS::AccountId} pseudo parameters and the sign-in
     * endpoint as a parameter. Roles that a unit above already gets, and the SAML provider when a unit above has
     * assignments, are left to that unit's StackSet, so nested StackSets never create the same resource twice.
     * Permission sets assigned directly on accounts are not in any StackSet template: use the account templates
     * for those accounts instead.
     *
     * @throws IllegalArgumentException when the policy has no such unit or root
     */
    public String stackSetTemplate(Policy policy, String unitOrRootId) {
        PolicyTargets targets = new PolicyTargets(policy);
        if (!targets.isContainer(unitOrRootId)) {
            throw new IllegalArgumentException("The policy has no organizational unit or root '" + unitOrRootId + "'");
        }
        return templates().stackSet(policy, targets, unitOrRootId);
    }

    /**
     * Writes {@value #METADATA_FILE}, {@code accounts/<account id>.yaml} for every account that gets at least one
     * permission set, {@code stacksets/<unit or root id>.yaml} for every unit (and the root) with assignments, and a
     * {@code README.txt} with the commands to deploy them. Existing files of those names are replaced.
     *
     * @return the files written, in that order
     * @throws UncheckedIOException when a file cannot be written
     */
    public List<Path> writeTo(Path directory, Policy policy) {
        Objects.requireNonNull(directory, "directory");
        PolicyTargets targets = new PolicyTargets(policy);
        CloudFormationTemplates templates = templates();
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory.resolve("accounts"));
            Files.createDirectories(directory.resolve("stacksets"));
            written.add(write(directory.resolve(METADATA_FILE), metadataXml()));
            for (String account : targets.accountIds()) {
                if (!targets.permissionSetsOfAccount(account).isEmpty()) {
                    written.add(write(directory.resolve("accounts").resolve(account + ".yaml"),
                            templates.account(policy, targets, account)));
                }
            }
            for (String container : targets.containerIds()) {
                if (!targets.assignedOn(container).isEmpty()) {
                    written.add(write(directory.resolve("stacksets").resolve(container + ".yaml"),
                            templates.stackSet(policy, targets, container)));
                }
            }
            written.add(write(directory.resolve("README.txt"), readme()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the AWS setup files to " + directory, e);
        }
        return List.copyOf(written);
    }

    private CloudFormationTemplates templates() {
        return new CloudFormationTemplates(trust, metadata.entityId(), metadataXml());
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private String readme() {
        String provider = trust.naming().providerName();
        return "fedbroker AWS setup for the broker " + metadata.entityId() + "\n\n"
                + "Either one stack per account (complete: provider and every role of that account):\n"
                + "  aws cloudformation deploy --stack-name fedbroker --capabilities CAPABILITY_NAMED_IAM \\\n"
                + "      --template-file accounts/<account id>.yaml      (with credentials of that account)\n\n"
                + "or StackSets per organizational unit (service-managed, deploy outer units first):\n"
                + "  aws cloudformation create-stack-set --stack-set-name fedbroker-<unit id> \\\n"
                + "      --template-body file://stacksets/<unit id>.yaml --capabilities CAPABILITY_NAMED_IAM \\\n"
                + "      --permission-model SERVICE_MANAGED \\\n"
                + "      --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false\n"
                + "  aws cloudformation create-stack-instances --stack-set-name fedbroker-<unit id> \\\n"
                + "      --deployment-targets OrganizationalUnitIds=<AWS OU id> --regions us-east-1\n"
                + "(one Region only: IAM is global, a second Region would create the same roles again)\n"
                + "StackSets hold the roles of permission sets assigned on units; permission sets assigned directly\n"
                + "on an account are only in that account's template. Do not deploy both kinds to one account.\n"
                + "Service-managed StackSets never deploy to the management account: use its account template.\n\n"
                + "Without CloudFormation, the provider alone:\n"
                + "  aws iam create-saml-provider --name " + provider + " --saml-metadata-document file://"
                + METADATA_FILE + "\n\n"
                + "The roles carry no permissions: attach each permission set's policies to its role.\n"
                + "A template over 51,200 bytes must be uploaded to S3 and passed with --template-url.\n";
    }
}

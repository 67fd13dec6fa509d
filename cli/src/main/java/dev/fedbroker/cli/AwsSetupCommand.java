package dev.fedbroker.cli;

import dev.fedbroker.aws.AwsSetup;
import dev.fedbroker.aws.AwsTrust;
import dev.fedbroker.aws.BrokerMetadata;
import dev.fedbroker.aws.RoleNaming;
import dev.fedbroker.core.Policy;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fedbroker aws-setup}: what each AWS account deploys to trust the broker, written to a directory. */
@Command(name = "aws-setup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the broker's IdP metadata and, for a policy, a CloudFormation template per account"
                + " (SAML provider + one role per assigned permission set) and a StackSet template per"
                + " organizational unit, plus a README.txt with the deploy commands.",
                "Prints the files written, one per line."},
        footer = {"", "Exit codes: 0 written, 2 usage error, invalid policy or certificate, unwritable directory."})
final class AwsSetupCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--policy", paramLabel = "POLICY.json", required = true, description = "The policy (JSON).")
    String policyFile;

    @Option(names = "--idp-cert", paramLabel = "PEM", required = true,
            description = "The broker's signing certificate (PEM); repeat it (or list both in the file) during a"
                    + " key rollover.")
    List<Path> certificates = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write (created if absent).")
    Path out;

    @Option(names = "--idp-entity-id", paramLabel = "ID", required = true,
            description = "The broker's IdP entity id: the Issuer of the responses it signs toward AWS.")
    String entityId;

    @Option(names = "--idp-sso-url", paramLabel = "URL", required = true,
            description = "Where users start a sign-in at the broker (its portal); AWS only records it.")
    String ssoUrl;

    @Option(names = "--role-pattern", paramLabel = "ARN_PATTERN",
            description = "Role ARN pattern (default ${DEFAULT-VALUE}).",
            defaultValue = "arn:{partition}:iam::{account}:role/fedbroker/{permissionSet}")
    String rolePattern;

    @Option(names = "--provider-pattern", paramLabel = "ARN_PATTERN",
            description = "SAML provider ARN pattern (default ${DEFAULT-VALUE}).",
            defaultValue = "arn:{partition}:iam::{account}:saml-provider/fedbroker")
    String providerPattern;

    AwsSetupCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Inputs.requireReadable(policyFile, "policy");
        certificates.forEach(c -> Inputs.requireReadable(c.toString(), "--idp-cert"));
        Policy policy = PolicyFiles.load(context, policyFile);
        List<X509Certificate> certs = new ArrayList<>();
        certificates.forEach(c -> certs.addAll(PemFiles.certificates(context, c, "--idp-cert")));
        AwsSetup setup;
        try {
            URI sso = new URI(ssoUrl);
            AwsTrust trust = AwsTrust.defaults().withNaming(new RoleNaming(rolePattern, providerPattern));
            setup = AwsSetup.of(new BrokerMetadata(entityId, sso, certs), trust);
        } catch (URISyntaxException e) {
            throw new UsageException("--idp-sso-url '" + ssoUrl + "' is not a URL: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        List<Path> written;
        try {
            written = setup.writeTo(out, policy);
        } catch (UncheckedIOException e) {
            throw new UsageException(e.getMessage() + ": " + e.getCause().getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException("the policy cannot be deployed with this naming: " + e.getMessage(), e);
        }
        written.forEach(p -> context.out().println(p));
        return Main.OK;
    }
}

package dev.fedbroker.sample.dev;

import dev.fedbroker.aws.AwsSignIn;
import dev.fedbroker.aws.AwsTrust;
import dev.fedbroker.core.Identity;
import dev.fedbroker.core.PermissionSet;
import dev.fedbroker.core.Policy;
import dev.fedbroker.sample.OrgIndex;
import dev.fedbroker.sample.web.PageException;
import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.ServiceProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A local stand-in for AWS's SAML sign-in endpoint, for dev mode (no AWS account needed). It checks a posted response
 * as AWS documents it: fedbroker's own {@link ServiceProvider}, configured as an account's IAM SAML provider is (IdP =
 * the broker's metadata, Audience {@code urn:amazon:webservices}, Destination/Recipient = AWS's sign-in URL), checks
 * signature, audience, recipient and validity; then the Role attribute must name one role and the provider of one
 * account, both existing there (the policy assigns that permission set to that account, so the generated
 * CloudFormation created them); RoleSessionName and SessionDuration must follow AWS's rules. Thread-safe.
 */
public final class AwsStandIn {

    private static final String ATTRIBUTES = "https://aws.amazon.com/SAML/Attributes/";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final ServiceProvider aws;
    private final AwsTrust trust;
    private final Policy policy;
    private final OrgIndex org;
    private final Clock clock;

    AwsStandIn(AwsSignIn broker, URI portal, Policy policy, OrgIndex org, Clock clock) {
        this.trust = broker.trust();
        this.aws = ServiceProvider.builder()
                .entityId(AwsSignIn.AWS_AUDIENCE)
                .assertionConsumerService(trust.defaultEndpoint().url())
                .identityProvider(IdentityProvider.fromMetadata(broker.metadata(portal).xml()))
                .allowUnsolicited(true)   // AWS accepts only IdP-initiated responses
                .clock(clock)
                .build();
        this.policy = policy;
        this.org = org;
        this.clock = clock;
    }

    /** The session AWS would grant, or a {@link PageException} (400) saying what AWS would refuse. */
    public AwsSession accept(String samlResponse) {
        Identity who;
        try {
            who = aws.validateUnsolicited(samlResponse);
        } catch (SamlValidationException e) {
            throw PageException.samlRejected(e, "AWS would refuse this sign-in response.");
        }
        List<String> roles = who.attributes().getOrDefault(ATTRIBUTES + "Role", List.of());
        if (roles.size() != 1) {
            throw refuse("AWS_ROLE_MISSING", "The response must carry exactly one Role value (role ARN, provider"
                    + " ARN); it carries " + roles.size() + ".");
        }
        String[] pair = roles.get(0).split(",", -1);
        String roleArn = pair[0].trim();
        String providerArn = pair.length == 2 ? pair[1].trim() : "";
        String account = accountOf(roleArn);
        PermissionSet set = policy.permissionSets().stream()
                .filter(p -> org.assigned(account, p.name()) && roleArn.equals(trust.roleArn(account, p.name())))
                .findFirst()
                .orElseThrow(() -> refuse("AWS_ROLE_NOT_TRUSTED", "No role " + roleArn + " trusts the broker in"
                        + " account " + account + ": the policy assigns no such permission set there."));
        if (!providerArn.equals(trust.providerArn(account))) {
            throw refuse("AWS_ROLE_NOT_TRUSTED", "The provider ARN must be " + trust.providerArn(account)
                    + ", the broker's SAML provider in that account.");
        }
        String sessionName = single(who, "RoleSessionName").orElse("");
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw refuse("AWS_INVALID_SESSION_NAME", "RoleSessionName must be 2-64 characters of [\\w+=,.@-].");
        }
        Duration maxSession = Duration.ofSeconds(Math.max(3600, set.sessionDuration().getSeconds()));
        Duration duration = single(who, "SessionDuration").map(AwsStandIn::seconds).orElse(Duration.ofHours(1));
        if (duration.getSeconds() < 900 || duration.getSeconds() > 43200 || duration.compareTo(maxSession) > 0) {
            throw refuse("AWS_INVALID_SESSION_DURATION", "SessionDuration must be 900-43200 seconds and at most the"
                    + " role's MaxSessionDuration (" + maxSession.getSeconds() + " s).");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        who.attributes().forEach((name, values) -> {
            if (name.startsWith(ATTRIBUTES + "PrincipalTag:") && !values.isEmpty()) {
                tags.put(name.substring((ATTRIBUTES + "PrincipalTag:").length()), values.get(0));
            }
        });
        String accountName = org.node(account).map(OrgIndex.Node::name).orElse(account);
        return new AwsSession(account, accountName, set.name(), roleArn, providerArn, sessionName, duration,
                clock.instant().plus(duration), who.issuer().orElse(""), tags);
    }

    private String accountOf(String roleArn) {
        String[] parts = roleArn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("iam")
                || org.node(parts[4]).isEmpty() || org.accountsUnder(parts[4]).size() != 1) {
            throw refuse("AWS_ROLE_NOT_TRUSTED", "The role ARN does not name an account of the policy.");
        }
        return parts[4];
    }

    private static Optional<String> single(Identity who, String attribute) {
        List<String> values = who.attributes().getOrDefault(ATTRIBUTES + attribute, List.of());
        return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
    }

    private static Duration seconds(String text) {
        try {
            return Duration.ofSeconds(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            throw refuse("AWS_INVALID_SESSION_DURATION", "SessionDuration must be a number of seconds.");
        }
    }

    private static PageException refuse(String code, String detail) {
        return new PageException(400, code, "AWS would refuse this sign-in", detail,
                "Sign in through the portal's Open console button; the broker signs only pairs the policy grants.");
    }
}

package dev.fedbroker.aws;

import dev.fedbroker.aws.AwsSignInException.Reason;
import dev.fedbroker.aws.internal.AssertionContent;
import dev.fedbroker.aws.internal.AssertionSigner;
import dev.fedbroker.aws.internal.RoleSessionNames;
import dev.fedbroker.aws.internal.SamlAttribute;
import dev.fedbroker.aws.internal.SamlResponseWriter;
import dev.fedbroker.aws.internal.SessionTagMapping;
import dev.fedbroker.core.DroppedCandidate;
import dev.fedbroker.core.DropReason;
import dev.fedbroker.core.Entitlement;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Grant;
import dev.fedbroker.core.Identity;
import dev.fedbroker.core.PairExplanation;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker as SAML identity provider toward AWS: signs the response that signs a user in to one AWS account with
 * the role of one permission set, as IAM Identity Center does. Built once with {@link #builder()}; immutable and
 * thread-safe, meant to be shared.
 *
 * <p>The (account, permission set) choice comes from a browser and is never trusted: {@link #signIn} resolves the
 * identity's entitlements again with the policy and refuses any pair not granted by a policy assignment (legacy role
 * claims name roles that trust Azure AD, not the broker, so they are not signed here).
 *
 * <p>The response: Issuer = the broker's entity id; Destination and Recipient = the account's sign-in endpoint;
 * Audience {@code urn:amazon:webservices}; a persistent NameID (the Azure object id, else the NameID); one bearer
 * SubjectConfirmation; attributes Role ({@code roleArn,providerArn}), RoleSessionName, SessionDuration and the
 * configured session tags; the assertion signed (RSA-SHA256, exclusive c14n), valid 5 minutes. The Response element
 * itself is not signed: AWS requires a signed assertion, not a signed response.
 */
public final class AwsSignIn {

    /** The audience AWS's sign-in endpoint accepts. */
    public static final String AWS_AUDIENCE = "urn:amazon:webservices";
    static final String ATTRIBUTES = "https://aws.amazon.com/SAML/Attributes/";
    static final int MIN_SESSION_SECONDS = 900;
    static final int MAX_SESSION_SECONDS = 43200;
    private static final Logger LOG = LoggerFactory.getLogger(AwsSignIn.class);

    private final String entityId;
    private final X509Certificate certificate;
    private final SamlResponseWriter writer;
    private final EntitlementResolver resolver;
    private final AwsTrust trust;
    private final String audience;
    private final Duration validity;
    private final SessionTagMapping tags;
    private final Clock clock;

    private AwsSignIn(AwsSignInBuilder b, EntitlementResolver resolver, SessionTagMapping tags) {
        this.entityId = b.entityId;
        this.certificate = b.certificate;
        this.writer = new SamlResponseWriter(new AssertionSigner(b.privateKey, b.certificate));
        this.resolver = resolver;
        this.trust = b.trust;
        this.audience = b.audience;
        this.validity = b.assertionValidity;
        this.tags = tags;
        this.clock = b.clock;
    }

    /** A builder; see {@link AwsSignInBuilder} for what is required. */
    public static AwsSignInBuilder builder() {
        return new AwsSignInBuilder();
    }

    static AwsSignIn build(AwsSignInBuilder b, EntitlementResolver resolver, SessionTagMapping tags) {
        return new AwsSignIn(b, resolver, tags);
    }

    /**
     * Signs {@code identity} in to {@code accountId} with the role of {@code permissionSetName}, if the policy grants
     * that pair to the identity now.
     *
     * @param identity          the validated identity of the current user
     * @param accountId         the account the user chose (untrusted input)
     * @param permissionSetName the permission set the user chose (untrusted input)
     * @throws AwsSignInException with {@link Reason#NOT_ENTITLED}, {@link Reason#MFA_REQUIRED} or another reason
     */
    public AwsSignInResponse signIn(Identity identity, String accountId, String permissionSetName) {
        Objects.requireNonNull(identity, "identity");
        if (accountId == null || permissionSetName == null) {
            throw refuse(Reason.NOT_ENTITLED, "No account or permission set was chosen (account=" + accountId
                    + ", permission set=" + permissionSetName + ").");
        }
        Entitlement entitlement = grantedByPolicy(identity, accountId, permissionSetName);
        Duration duration = sessionDuration(entitlement);
        String roleArn;
        String providerArn;
        try {
            roleArn = trust.roleArn(accountId, permissionSetName);
            providerArn = trust.providerArn(accountId);
        } catch (IllegalArgumentException e) {
            throw refuse(Reason.INVALID_ROLE_NAME, e.getMessage());
        }
        String sessionName = roleSessionName(identity);
        SignInEndpoint endpoint = trust.endpointFor(accountId);

        List<SamlAttribute> attributes = new ArrayList<>();
        attributes.add(SamlAttribute.of(ATTRIBUTES + "Role", roleArn + "," + providerArn));
        attributes.add(SamlAttribute.of(ATTRIBUTES + "RoleSessionName", sessionName));
        attributes.add(SamlAttribute.of(ATTRIBUTES + "SessionDuration", Long.toString(duration.getSeconds())));
        attributes.addAll(tags.attributesFor(identity));

        Instant now = clock.instant();
        Instant notOnOrAfter = now.plus(validity);
        String assertionId = newId();
        String xml = writer.write(new AssertionContent(newId(), assertionId, now, notOnOrAfter, entityId,
                endpoint.urlText(), audience, identity.objectId().orElse(identity.nameId()), attributes));
        LOG.info("Signed AWS sign-in: account {}, permission set {}, assertion {}", accountId, permissionSetName,
                assertionId);
        return new AwsSignInResponse(accountId, entitlement.accountName(), permissionSetName, roleArn, providerArn,
                sessionName, duration, endpoint.url(), assertionId, notOnOrAfter, xml);
    }

    /** The broker's IdP metadata with this signer's certificate, for the accounts' SAML providers. */
    public BrokerMetadata metadata(URI singleSignOnUrl) {
        return new BrokerMetadata(entityId, singleSignOnUrl, List.of(certificate));
    }

    /** The broker's IdP entity id (the Issuer of every response). */
    public String entityId() {
        return entityId;
    }

    /** The naming rule and sign-in endpoints in use. */
    public AwsTrust trust() {
        return trust;
    }

    private Entitlement grantedByPolicy(Identity identity, String accountId, String permissionSetName) {
        PairExplanation answer = resolver.explain(identity, accountId, permissionSetName);
        Optional<Entitlement> granted = answer.entitlement()
                .filter(e -> e.accountId().equals(accountId) && e.permissionSetName().equals(permissionSetName));
        if (granted.isEmpty()) {
            Optional<DroppedCandidate> why = answer.reasons().stream().findFirst();
            Reason reason = why.map(DroppedCandidate::reason).filter(r -> r == DropReason.MFA_REQUIRED).isPresent()
                    ? Reason.MFA_REQUIRED : Reason.NOT_ENTITLED;
            throw refuse(reason, "Permission set '" + permissionSetName + "' in account '" + accountId
                    + "' is not granted to this user" + why.map(d -> ": " + d.message()).orElse("."));
        }
        Entitlement entitlement = granted.get();
        boolean byPolicy = entitlement.grants().stream().anyMatch(g -> g.kind() != Grant.Kind.ROLE_CLAIM);
        if (!byPolicy || resolver.policy().permissionSet(permissionSetName).isEmpty()) {
            throw refuse(Reason.NOT_ENTITLED, "Role '" + permissionSetName + "' in account '" + accountId
                    + "' comes only from a legacy AWS role claim, whose role trusts Azure AD's SAML provider, not the "
                    + "broker. Assign a permission set in the policy to sign in through the broker.");
        }
        return entitlement;
    }

    private static Duration sessionDuration(Entitlement entitlement) {
        long seconds = entitlement.sessionDuration().getSeconds();
        if (seconds < MIN_SESSION_SECONDS || seconds > MAX_SESSION_SECONDS) {
            throw refuse(Reason.INVALID_SESSION_DURATION, "Permission set '" + entitlement.permissionSetName()
                    + "' has a session duration of " + seconds + " s; AWS accepts " + MIN_SESSION_SECONDS + " to "
                    + MAX_SESSION_SECONDS + " s. Fix it in the policy.");
        }
        return Duration.ofSeconds(seconds);
    }

    /** From the UPN, else the email, else the NameID: the first that gives a valid RoleSessionName. */
    private static String roleSessionName(Identity identity) {
        return Stream.of(identity.upn(), identity.email(), Optional.of(identity.nameId()))
                .flatMap(Optional::stream)
                .map(RoleSessionNames::sanitize)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> refuse(Reason.INVALID_SESSION_NAME, "No RoleSessionName can be made from the "
                        + "user's UPN, email or NameID: AWS needs 2 to 64 characters of letters, digits and "
                        + "_+=,.@- with at least one letter or digit. Give the user a UPN in that form."));
    }

    private static String newId() {
        return "_" + UUID.randomUUID();
    }

    private static AwsSignInException refuse(Reason reason, String message) {
        LOG.debug("AWS sign-in refused: {}", reason);
        return new AwsSignInException(reason, message);
    }
}

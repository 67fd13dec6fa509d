package dev.fedbroker.aws;

import dev.fedbroker.aws.internal.SessionTagMapping;
import dev.fedbroker.core.Directory;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Policy;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configures an {@link AwsSignIn}. Required: {@link #entityId}, {@link #signingKey}, and the entitlements source,
 * either {@link #policy} (with an optional {@link #directory} for group overage) or a shared {@link #resolver}.
 * Not thread-safe; {@link #build()} yields an immutable, thread-safe {@link AwsSignIn}.
 */
public final class AwsSignInBuilder {

    String entityId;
    PrivateKey privateKey;
    X509Certificate certificate;
    private Policy policy;
    private Directory directory;
    private EntitlementResolver resolver;
    AwsTrust trust = AwsTrust.defaults();
    String audience = AwsSignIn.AWS_AUDIENCE;
    Duration assertionValidity = Duration.ofMinutes(5);
    Clock clock = Clock.systemUTC();
    private final Map<String, String> sessionTags = new LinkedHashMap<>();
    private final Set<String> transitiveTagKeys = new LinkedHashSet<>();

    AwsSignInBuilder() {
    }

    /** The broker's IdP entity id: the Issuer of every response, the entityID of its metadata. */
    public AwsSignInBuilder entityId(String entityId) {
        this.entityId = Objects.requireNonNull(entityId, "entityId");
        return this;
    }

    /** The broker's RSA signing key and its certificate (the one in the metadata the accounts trust). */
    public AwsSignInBuilder signingKey(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        return this;
    }

    /** The policy whose assignments decide what may be signed. */
    public AwsSignInBuilder policy(Policy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /** The provisioned directory, for identities whose groups Azure AD replaced by the overage claim. */
    public AwsSignInBuilder directory(Directory directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
        return this;
    }

    /** Instead of {@link #policy}/{@link #directory}: an existing resolver, shared with the portal. */
    public AwsSignInBuilder resolver(EntitlementResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        return this;
    }

    /** Naming rule and sign-in endpoints; {@link AwsTrust#defaults()} unless set. */
    public AwsSignInBuilder trust(AwsTrust trust) {
        this.trust = Objects.requireNonNull(trust, "trust");
        return this;
    }

    /** The Audience; {@value AwsSignIn#AWS_AUDIENCE} unless set (AWS also accepts its sign-in URL). */
    public AwsSignInBuilder audience(String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
        return this;
    }

    /** How long a signed assertion stays valid: 5 minutes unless set; from 1 second to 1 hour. */
    public AwsSignInBuilder assertionValidity(Duration validity) {
        this.assertionValidity = Objects.requireNonNull(validity, "validity");
        return this;
    }

    /** The clock; {@link Clock#systemUTC()} unless set. */
    public AwsSignInBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Sends the identity attribute {@code attributeName} (e.g. Azure's department claim URI) as session tag
     * {@code PrincipalTag:<key>}. An identity without that attribute gets no such tag; one with several values, or a
     * value AWS refuses, is refused with {@link AwsSignInException.Reason#INVALID_SESSION_TAG}.
     */
    public AwsSignInBuilder sessionTag(String key, String attributeName) {
        sessionTags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(attributeName, "attributeName"));
        return this;
    }

    /** Marks session tags as transitive (kept through role chaining); each key must be a configured tag. */
    public AwsSignInBuilder transitiveTagKeys(String... keys) {
        transitiveTagKeys.addAll(List.of(keys));
        return this;
    }

    /**
     * The signer.
     *
     * @throws IllegalStateException    when a required setting is missing or settings conflict
     * @throws IllegalArgumentException when a value is invalid (key not matching its certificate, tag key AWS
     *                                  refuses, validity out of range)
     */
    public AwsSignIn build() {
        if (entityId == null || entityId.isBlank()) {
            throw new IllegalStateException("Set the broker's IdP entity id with entityId(...)");
        }
        if (privateKey == null) {
            throw new IllegalStateException("Set the broker's signing key and certificate with signingKey(...)");
        }
        if ((policy == null) == (resolver == null)) {
            throw new IllegalStateException("Give either policy(...) (and optionally directory(...)) or "
                    + "resolver(...), exactly one of them");
        }
        if (resolver != null && directory != null) {
            throw new IllegalStateException("directory(...) goes with policy(...); a resolver(...) has its own");
        }
        if (audience.isBlank()) {
            throw new IllegalStateException("The audience must not be blank");
        }
        if (assertionValidity.isNegative() || assertionValidity.isZero()
                || assertionValidity.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("The assertion validity must be from 1 second to 1 hour; found "
                    + assertionValidity);
        }
        EntitlementResolver r = resolver != null ? resolver
                : directory != null ? EntitlementResolver.of(policy, directory) : EntitlementResolver.of(policy);
        return AwsSignIn.build(this, r, new SessionTagMapping(sessionTags, transitiveTagKeys));
    }
}

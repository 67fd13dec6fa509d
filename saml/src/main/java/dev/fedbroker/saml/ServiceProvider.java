package dev.fedbroker.saml;

import dev.fedbroker.core.Identity;
import dev.fedbroker.core.InMemoryReplayCache;
import dev.fedbroker.core.ReplayCache;
import dev.fedbroker.saml.internal.KeyPairs;
import dev.fedbroker.saml.internal.MessageIds;
import dev.fedbroker.saml.internal.SpMetadataXml;
import dev.fedbroker.saml.internal.SpSettings;
import dev.fedbroker.saml.internal.ValidatorSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SAML 2.0 service provider for one Azure AD enterprise application: turns a posted {@code SAMLResponse} into a
 * validated {@link Identity}, or throws {@link SamlValidationException} with a machine-readable reason. Build it once
 * with {@link #builder()} and share it: it is immutable and thread-safe.
 *
 * <pre>{@code
 * ServiceProvider sp = ServiceProvider.builder()
 *     .entityId("https://broker.example.com/saml")
 *     .assertionConsumerService("https://broker.example.com/saml/acs")
 *     .identityProvider(IdentityProvider.fromMetadata(azureMetadataXml))
 *     .build();
 * Identity who = sp.validate(request.getParameter("SAMLResponse"), requestIdRememberedInSession);
 * }</pre>
 */
public final class ServiceProvider {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceProvider.class);

    private final String entityId;
    private final String assertionConsumerService;
    private final TrustedIdentityProvider trusted;
    private final SpSettings side;
    private final AuthnRequests authnRequests;
    private final SingleLogout singleLogout;

    private ServiceProvider(Builder b, ValidatorSettings settings) {
        this.entityId = b.entityId;
        this.assertionConsumerService = b.assertionConsumerService;
        this.trusted = new TrustedIdentityProvider(b.identityProvider, b.side.metadataSource, settings);
        this.side = b.side.build(b.entityId, b.assertionConsumerService, b.decryptionCertificates,
                b.requireSignedAssertion, settings);
        MessageIds ids = new MessageIds();
        this.authnRequests = new AuthnRequests(side, trusted::current, ids);
        this.singleLogout = new SingleLogout(side, trusted::current, ids);
    }

    /** A new builder. Builders are not thread-safe; the built ServiceProvider is. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates the base64 {@code SAMLResponse} form field of an SP-initiated sign-in.
     *
     * @param expectedRequestId the ID of the AuthnRequest this browser was sent with (kept by the host, e.g. in the
     *                          session); the response's InResponseTo must equal it
     */
    public Identity validate(String samlResponseBase64, String expectedRequestId) {
        return trusted.validator().validateBase64(samlResponseBase64,
                Optional.of(requireRequestId(expectedRequestId)));
    }

    /**
     * Validates an IdP-initiated (unsolicited) response, such as a launch from Azure's My Apps portal. Refused with
     * {@link SamlValidationException.Reason#UNSOLICITED_NOT_ALLOWED} unless {@link Builder#allowUnsolicited(boolean)}
     * was set; a response that carries InResponseTo is refused on this path.
     */
    public Identity validateUnsolicited(String samlResponseBase64) {
        return trusted.validator().validateBase64(samlResponseBase64, Optional.empty());
    }

    /**
     * Validates raw response XML (for tools such as the CLI), with the same pipeline as {@link #validate}. An empty
     * {@code expectedRequestId} means the unsolicited path.
     */
    public Identity validateXml(byte[] xml, Optional<String> expectedRequestId) {
        Objects.requireNonNull(xml, "xml");
        Objects.requireNonNull(expectedRequestId, "expectedRequestId");
        return trusted.validator().validateXml(xml, expectedRequestId.map(ServiceProvider::requireRequestId));
    }

    /** This SP's entity id (the Identifier of the Azure enterprise app; the expected Audience). */
    public String entityId() {
        return entityId;
    }

    /** The assertion consumer service URL (the Reply URL; the expected Destination and Recipient). */
    public String assertionConsumerService() {
        return assertionConsumerService;
    }

    /** The trusted identity provider (with a {@link MetadataSource}: its current snapshot). */
    public IdentityProvider identityProvider() {
        return trusted.peek();
    }

    /** An AuthnRequest over HTTP-Redirect with this RelayState (see {@link #authnRequest(AuthnRequestOptions)}). */
    public AuthnRedirect authnRequest(String relayState) {
        return authnRequest(AuthnRequestOptions.builder().relayState(relayState).build());
    }

    /**
     * An AuthnRequest over HTTP-Redirect to the IdP's SingleSignOnService, signed over the query string when a
     * signing key is configured. A RelayState above {@link Builder#relayStateMaxBytes(int)} is RELAY_STATE_TOO_LONG.
     */
    public AuthnRedirect authnRequest(AuthnRequestOptions options) {
        return authnRequests.redirect(options);
    }

    /** An AuthnRequest over HTTP-POST (an auto-submitting form), with an enveloped signature when a key is set. */
    public AuthnPost authnRequestPost(AuthnRequestOptions options) {
        return authnRequests.post(options);
    }

    /** Single logout (SP- and IdP-initiated) over HTTP-Redirect. */
    public SingleLogout singleLogout() {
        return singleLogout;
    }

    /** What this SP publishes in its metadata. */
    public ServiceProviderMetadata metadata() {
        return new ServiceProviderMetadata(entityId, assertionConsumerService, side.singleLogoutService(),
                side.signingCertificates(), side.encryptionCertificates(), side.metadataNameIdFormats(),
                side.signingKey().isPresent(), side.wantAssertionsSigned());
    }

    /** This SP's metadata XML, unsigned (upload it to the Azure enterprise app, or serve it). */
    public String metadataXml() {
        return metadata().toXml();
    }

    /** This SP's metadata XML with an enveloped signature by the SP signing key (which must be configured). */
    public String signedMetadataXml() {
        if (side.signingKey().isEmpty()) {
            throw new IllegalStateException("Signed metadata needs the SP signing key:"
                    + " ServiceProvider.builder().signing(privateKey, certificate).");
        }
        return new String(SpMetadataXml.write(metadata(), side.signingKey(),
                Optional.of(side.signingCertificates().get(0))), StandardCharsets.UTF_8);
    }

    private static String requireRequestId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("expectedRequestId must be the AuthnRequest ID the host sent; for"
                    + " IdP-initiated sign-in call validateUnsolicited(...)");
        }
        return id;
    }

    /** Configures a {@link ServiceProvider}. Not thread-safe. */
    public static final class Builder {
        private String entityId;
        private String assertionConsumerService;
        private IdentityProvider identityProvider;
        private final List<PrivateKey> decryptionKeys = new ArrayList<>();
        private final List<X509Certificate> decryptionCertificates = new ArrayList<>();
        private Duration clockSkew = Duration.ofMinutes(3);
        private Duration maxResponseAge = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private ReplayCache replayCache;
        private boolean allowUnsolicited;
        private boolean allowSha1;
        private ValidationLimits limits = ValidationLimits.DEFAULTS;
        private boolean requireSignedResponse;
        private boolean requireSignedAssertion;
        private final SpSideBuilder side = new SpSideBuilder();

        private Builder() {
        }

        /** This SP's entity id, an opaque string compared exactly with every Audience. Required. */
        public Builder entityId(String v) { this.entityId = Objects.requireNonNull(v, "entityId"); return this; }

        /** The ACS URL, compared exactly with Destination and Recipient. Required. */
        public Builder assertionConsumerService(URI v) {
            return assertionConsumerService(Objects.requireNonNull(v, "assertionConsumerService").toString());
        }

        /** The ACS URL, compared exactly with Destination and Recipient. Required. */
        public Builder assertionConsumerService(String v) {
            this.assertionConsumerService = Objects.requireNonNull(v, "assertionConsumerService");
            return this;
        }

        /** The trusted IdP (entity id and signing certificates). Required. */
        public Builder identityProvider(IdentityProvider v) {
            this.identityProvider = Objects.requireNonNull(v, "identityProvider");
            side.metadataSource = null;
            return this;
        }

        /**
         * Trust the IdP of a {@link MetadataSource} instead of a fixed one: each validation reads its current
         * snapshot (refreshing it first when due), so certificate rollover needs no restart.
         */
        public Builder identityProvider(MetadataSource v) {
            side.metadataSource = Objects.requireNonNull(v, "identityProvider");
            this.identityProvider = v.current();
            return this;
        }

        /**
         * The SP's RSA key and certificate: AuthnRequests and logout messages are then signed (RSA-SHA256; upload the
         * certificate as verification certificate in Azure), and metadata says {@code AuthnRequestsSigned="true"}.
         */
        public Builder signing(PrivateKey key, X509Certificate certificate) {
            side.signing(key, certificate);
            return this;
        }

        /** Another signing certificate to publish in metadata (e.g. the next one, during a rollover). */
        public Builder additionalSigningCertificate(X509Certificate v) {
            side.additionalSigningCertificate(v);
            return this;
        }

        /** This SP's single-logout URL (HTTP-Redirect), the Logout URL of the Azure app. Needed for logout. */
        public Builder singleLogoutService(String v) { side.singleLogoutService(v); return this; }

        /** This SP's single-logout URL (HTTP-Redirect). */
        public Builder singleLogoutService(URI v) {
            return singleLogoutService(Objects.requireNonNull(v, "singleLogoutService").toString());
        }

        /** The largest RelayState sent or accepted, in UTF-8 bytes (default 80, per SAML bindings 3.4.3). */
        public Builder relayStateMaxBytes(int v) { side.relayStateMaxBytes(v); return this; }

        /**
         * Refuse logout messages without a query-string signature (default false: a signature is verified when
         * present). Azure AD signs its logout messages, so turning this on is recommended with Azure.
         */
        public Builder requireSignedLogoutMessages(boolean v) { side.requireSignedLogoutMessages(v); return this; }

        /**
         * The Issuers accepted on logout messages (default: the IdP entity id and, for Azure AD,
         * {@code https://login.microsoftonline.com/<tenant>/}, which Azure puts on logout messages).
         */
        public Builder logoutIssuers(Collection<String> v) { side.logoutIssuers(v); return this; }

        /** NameID formats to list in this SP's metadata (default none). */
        public Builder metadataNameIdFormats(NameIdFormat... v) { side.metadataNameIdFormats(v); return this; }

        /** An SP key for encrypted assertions; call again for key rollover (each key is tried). */
        public Builder decryption(PrivateKey key, X509Certificate certificate) {
            decryptionKeys.add(Objects.requireNonNull(key, "key"));
            decryptionCertificates.add(Objects.requireNonNull(certificate, "certificate"));
            return this;
        }

        /** The one clock skew applied to every time check (default 3 minutes). */
        public Builder clockSkew(Duration v) { this.clockSkew = Objects.requireNonNull(v, "clockSkew"); return this; }

        /** How old a Response/Assertion IssueInstant may be, on top of the skew (default 5 minutes). */
        public Builder maxResponseAge(Duration v) {
            this.maxResponseAge = Objects.requireNonNull(v, "maxResponseAge");
            return this;
        }

        /** The clock for every time check (default the system UTC clock). */
        public Builder clock(Clock v) { this.clock = Objects.requireNonNull(v, "clock"); return this; }

        /** Where assertion ids are remembered (default a new {@link InMemoryReplayCache} on this clock). */
        public Builder replayCache(ReplayCache v) {
            this.replayCache = Objects.requireNonNull(v, "replayCache");
            return this;
        }

        /** Accept IdP-initiated responses through {@link ServiceProvider#validateUnsolicited} (default false). */
        public Builder allowUnsolicited(boolean v) { this.allowUnsolicited = v; return this; }

        /** Accept RSA-SHA1 signatures and SHA-1 digests (default false). */
        public Builder allowSha1(boolean v) { this.allowSha1 = v; return this; }

        /** Size and shape limits checked before any cryptography (default {@link ValidationLimits#DEFAULTS}). */
        public Builder limits(ValidationLimits v) { this.limits = Objects.requireNonNull(v, "limits"); return this; }

        /** Require a Response-level signature (default false: the assertion's signature suffices). */
        public Builder requireSignedResponse(boolean v) { this.requireSignedResponse = v; return this; }

        /** Require an Assertion-level signature (default false: the Response's signature suffices). */
        public Builder requireSignedAssertion(boolean v) { this.requireSignedAssertion = v; return this; }

        /** Builds an immutable, thread-safe ServiceProvider; throws IllegalStateException naming the fix. */
        public ServiceProvider build() {
            require(entityId != null && !entityId.isBlank(), "entityId is required: set it to the Identifier"
                    + " (Entity ID) of the Azure enterprise app, e.g. builder.entityId(\"https://app.example.com/saml\")");
            require(assertionConsumerService != null && !assertionConsumerService.isBlank(), "assertionConsumerService"
                    + " is required: set it to the Reply URL of the Azure enterprise app");
            require(identityProvider != null, "identityProvider is required: use IdentityProvider.fromMetadata(xml)"
                    + " with the App Federation Metadata of the Azure enterprise app");
            require(!clockSkew.isNegative() && clockSkew.compareTo(Duration.ofMinutes(30)) <= 0, "clockSkew must be"
                    + " between 0 and 30 minutes, was " + clockSkew + "; fix the host's clock (NTP) instead");
            require(!maxResponseAge.isNegative() && !maxResponseAge.isZero(), "maxResponseAge must be positive");
            for (int i = 0; i < decryptionKeys.size(); i++) {
                require(KeyPairs.matches(decryptionKeys.get(i), decryptionCertificates.get(i)), "decryption key #"
                        + (i + 1) + " does not belong to its certificate: pass the private key of the certificate"
                        + " uploaded for token encryption in the Azure enterprise app");
            }
            identityProvider.certificateWarnings(clock).forEach(w -> LOG.warn("{}", w.message()));
            ValidatorSettings settings = new ValidatorSettings(entityId, assertionConsumerService,
                    identityProvider.entityId(), identityProvider.signingCertificates(), decryptionKeys, clockSkew,
                    maxResponseAge, clock, replayCache != null ? replayCache : new InMemoryReplayCache(clock),
                    allowUnsolicited, allowSha1, limits, requireSignedResponse, requireSignedAssertion);
            return new ServiceProvider(this, settings);
        }

        private static void require(boolean ok, String fix) {
            if (!ok) {
                throw new IllegalStateException(fix);
            }
        }
    }
}

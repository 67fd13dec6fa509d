package dev.fedbroker.testing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.fedbroker.testing.internal.FederationMetadata;
import dev.fedbroker.testing.internal.ReferenceStyle;
import dev.fedbroker.testing.internal.SignatureSpec;

/**
 * An in-memory Azure AD (Entra ID) tenant that issues SAML responses and federation metadata shaped like the real
 * ones, signed with keys minted in memory, so that a service provider can be tested without a tenant.
 *
 * <pre>{@code
 * TestIdentityProvider idp = TestIdentityProvider.azureAd("8b966979-910b-487c-a604-69229b1ac75c")
 *         .withServiceProvider("https://app.example.com/saml", "https://app.example.com/saml/acs")
 *         .withClock(MutableClock.at("2024-05-01T10:00:00Z"));
 * String metadata = idp.metadataXml();              // configure the SP with this
 * String samlResponse = idp.response().inResponseTo(requestId).base64();   // post this to the ACS
 * }</pre>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return modified copies. The builders returned by
 * {@link #response()} are not thread-safe.
 */
public final class TestIdentityProvider {

    /** The SP entity id (Audience) used unless {@link #withServiceProvider(String, String)} says otherwise. */
    public static final String DEFAULT_SP_ENTITY_ID = "https://sp.example.com/saml";
    /** The ACS URL (Destination, Recipient) used unless {@link #withServiceProvider(String, String)} says otherwise. */
    public static final String DEFAULT_ACS_URL = "https://sp.example.com/saml/acs";
    /** The SP logout URL that logout messages are sent to unless their builder says otherwise. */
    public static final String DEFAULT_SLO_URL = "https://sp.example.com/saml/logout";

    private final String tenantId;
    private final List<TestCredential> signingCredentials;
    private final Clock clock;
    private final String spEntityId;
    private final String acsUrl;

    private TestIdentityProvider(String tenantId, List<TestCredential> signingCredentials, Clock clock,
            String spEntityId, String acsUrl) {
        this.tenantId = tenantId;
        this.signingCredentials = List.copyOf(signingCredentials);
        this.clock = clock;
        this.spEntityId = spEntityId;
        this.acsUrl = acsUrl;
    }

    /**
     * A tenant that signs with {@code TestCredential.shared("azure-idp-" + tenantId)} (minted once per JVM).
     *
     * @param tenantId the directory id, usually a GUID; it appears in the issuer {@code https://sts.windows.net/<id>/}
     */
    public static TestIdentityProvider azureAd(String tenantId) {
        return azureAd(tenantId, TestCredential.shared("azure-idp-" + requireText(tenantId, "tenantId")));
    }

    /** A tenant that signs with {@code signing}. */
    public static TestIdentityProvider azureAd(String tenantId, TestCredential signing) {
        return new TestIdentityProvider(requireText(tenantId, "tenantId"),
                List.of(Objects.requireNonNull(signing, "signing")), Clock.systemUTC(), DEFAULT_SP_ENTITY_ID,
                DEFAULT_ACS_URL);
    }

    /** A copy whose responses take "now" from {@code clock} (default {@link Clock#systemUTC()}). */
    public TestIdentityProvider withClock(Clock clock) {
        return new TestIdentityProvider(tenantId, signingCredentials, Objects.requireNonNull(clock, "clock"),
                spEntityId, acsUrl);
    }

    /** A copy whose responses default to this Audience and this Destination/Recipient. */
    public TestIdentityProvider withServiceProvider(String spEntityId, String acsUrl) {
        return new TestIdentityProvider(tenantId, signingCredentials, clock, requireText(spEntityId, "spEntityId"),
                requireText(acsUrl, "acsUrl"));
    }

    /**
     * A copy that also lists {@code next} in its metadata (a certificate rollover announced ahead), while still
     * signing with the current credential.
     */
    public TestIdentityProvider withAdditionalSigningCredential(TestCredential next) {
        List<TestCredential> all = new ArrayList<>(signingCredentials);
        all.add(Objects.requireNonNull(next, "next"));
        return new TestIdentityProvider(tenantId, all, clock, spEntityId, acsUrl);
    }

    /**
     * A copy that signs with {@code credential}, listed first in metadata; the other credentials stay listed after
     * it (the rollover has happened).
     */
    public TestIdentityProvider withSigningCredential(TestCredential credential) {
        Objects.requireNonNull(credential, "credential");
        List<TestCredential> all = new ArrayList<>();
        all.add(credential);
        signingCredentials.stream().filter(c -> c != credential).forEach(all::add);
        return new TestIdentityProvider(tenantId, all, clock, spEntityId, acsUrl);
    }

    /** The tenant (directory) id. */
    public String tenantId() {
        return tenantId;
    }

    /** The issuer, {@code https://sts.windows.net/<tenant>/} (with the trailing slash). */
    public String entityId() {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    /** The SAML endpoint, {@code https://login.microsoftonline.com/<tenant>/saml2}. */
    public String ssoUrl() {
        return "https://login.microsoftonline.com/" + tenantId + "/saml2";
    }

    /** The SP entity id that responses use as Audience by default. */
    public String spEntityId() {
        return spEntityId;
    }

    /** The ACS URL that responses use as Destination and Recipient by default. */
    public String acsUrl() {
        return acsUrl;
    }

    /** The clock responses read "now" from. */
    public Clock clock() {
        return clock;
    }

    /** The credential that signs responses. */
    public TestCredential signingCredential() {
        return signingCredentials.get(0);
    }

    /** Every signing credential listed in metadata, the active one first. */
    public List<TestCredential> signingCredentials() {
        return signingCredentials;
    }

    /** Unsigned federation metadata in Azure's layout, listing every signing certificate. */
    public String metadataXml() {
        return metadata(null);
    }

    /**
     * The same metadata with an enveloped signature (RSA-SHA256, exclusive C14N, certificate in KeyInfo) on the
     * EntityDescriptor, made with {@code signMetadataWith}, as first child as Azure does.
     */
    public String metadataXml(TestCredential signMetadataWith) {
        Objects.requireNonNull(signMetadataWith, "signMetadataWith");
        return metadata(new SignatureSpec(signMetadataWith.privateKey(), signMetadataWith.certificate(), true,
                ResponseBuilder.RSA_SHA256, ResponseBuilder.SHA256, ReferenceStyle.ENVELOPED));
    }

    /** A new response builder with Azure's defaults for this tenant. */
    public ResponseBuilder response() {
        return new ResponseBuilder(this);
    }

    // ---- The IdP side of the conversation (SP-initiated sign-in, single logout over HTTP-Redirect) ----

    /** The Issuer Azure AD writes on logout messages: {@code https://login.microsoftonline.com/<tenant>/}. */
    public String logoutIssuer() {
        return "https://login.microsoftonline.com/" + tenantId + "/";
    }

    /** Reads an HTTP-Redirect AuthnRequest (URL or query) without checking a signature, as Azure AD does by default. */
    public ReceivedAuthnRequest acceptAuthnRequest(String redirectUrl) {
        return IdpSide.authnRequest(redirectUrl, null);
    }

    /**
     * Reads an HTTP-Redirect AuthnRequest whose query-string signature is required and verified with plain
     * {@link java.security.Signature} and {@code spCertificate}; throws IllegalArgumentException otherwise.
     */
    public ReceivedAuthnRequest acceptAuthnRequest(String redirectUrl, X509Certificate spCertificate) {
        return IdpSide.authnRequest(redirectUrl, Objects.requireNonNull(spCertificate, "spCertificate"));
    }

    /**
     * Reads an HTTP-POST AuthnRequest (the {@code SAMLRequest} form field); when {@code spCertificate} is not null
     * its enveloped signature is required and verified with the JDK's XML-DSig.
     */
    public ReceivedAuthnRequest acceptAuthnRequestPost(String samlRequest, String relayState,
            X509Certificate spCertificate) {
        return IdpSide.authnRequestPost(Objects.requireNonNull(samlRequest, "samlRequest"), relayState, spCertificate);
    }

    /** A response builder answering {@code request}: InResponseTo, Audience = its Issuer, Recipient = its ACS. */
    public ResponseBuilder answer(ReceivedAuthnRequest request) {
        String acs = request.assertionConsumerServiceUrl().orElse(acsUrl);
        return response().inResponseTo(request.id()).audience(request.issuer()).recipient(acs).destination(acs);
    }

    /** Reads an SP's LogoutRequest (HTTP-Redirect) without checking a signature. */
    public ReceivedLogoutRequest acceptLogoutRequest(String redirectUrl) {
        return IdpSide.logoutRequest(redirectUrl, null);
    }

    /** Reads an SP's LogoutRequest whose query-string signature is required and verified with {@code spCertificate}. */
    public ReceivedLogoutRequest acceptLogoutRequest(String redirectUrl, X509Certificate spCertificate) {
        return IdpSide.logoutRequest(redirectUrl, Objects.requireNonNull(spCertificate, "spCertificate"));
    }

    /** A signed LogoutResponse (HTTP-Redirect) answering {@code request}, echoing its RelayState. */
    public LogoutResponseBuilder logoutResponse(ReceivedLogoutRequest request) {
        return new LogoutResponseBuilder(this, request.id(), request.relayState().orElse(null));
    }

    /** An IdP-initiated LogoutRequest (HTTP-Redirect), signed by default. */
    public LogoutRequestBuilder logoutRequest() {
        return new LogoutRequestBuilder(this);
    }

    /** Reads an SP's LogoutResponse (HTTP-Redirect) without checking a signature. */
    public ReceivedLogoutResponse acceptLogoutResponse(String redirectUrl) {
        return IdpSide.logoutResponse(redirectUrl, null);
    }

    /** Reads an SP's LogoutResponse whose query-string signature is required and verified with the certificate. */
    public ReceivedLogoutResponse acceptLogoutResponse(String redirectUrl, X509Certificate spCertificate) {
        return IdpSide.logoutResponse(redirectUrl, Objects.requireNonNull(spCertificate, "spCertificate"));
    }

    @Override
    public String toString() {
        return "TestIdentityProvider[" + entityId() + ", sp=" + spEntityId + "]";
    }

    private String metadata(SignatureSpec signWith) {
        return FederationMetadata.write(entityId(), tenantId, ssoUrl(),
                signingCredentials.stream().map(TestCredential::certificate).toList(), signWith);
    }

    private static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("expected a non-blank " + what + ", found " + value);
        }
        return value;
    }
}

package dev.fedbroker.testing;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.fedbroker.testing.internal.ReferenceStyle;
import dev.fedbroker.testing.internal.XmlText;
import org.w3c.dom.Document;

/**
 * Builds one {@code samlp:Response} shaped like Azure AD's: same namespaces and prefixes, element order, attribute
 * (claim) order, timestamp format, and an assertion signed with RSA-SHA256 right after its Issuer.
 *
 * <p>Defaults, with {@code now} read from the identity provider's clock when {@link #xml()} runs: Response and
 * Assertion IDs {@code "_" + random UUID} (fixed per builder); IssueInstant {@code now}; Destination and Recipient
 * the ACS URL; no InResponseTo (IdP-initiated); both Issuers the IdP's entity id; Status Success; NameID
 * {@code alice@contoso.example} in emailAddress format; SubjectConfirmation bearer valid until {@code now+5min};
 * Conditions {@code now-5min .. now+70min}, Audience the SP entity id; claims tenantid, objectidentifier (a random
 * UUID fixed per builder), displayname, identityprovider, authnmethodsreferences (password), [role], givenname,
 * surname, emailaddress, name, [groups or groups.link], [AWS Role], then custom attributes; AuthnStatement
 * AuthnInstant {@code now-1min}, SessionIndex the assertion ID, class PasswordProtectedTransport.
 *
 * <p>Example: {@code String saml = idp.response().nameId("bob@contoso.example").groups(List.of(g)).base64();}
 *
 * <p>Not thread-safe: configure and build on one thread. The result of {@link #xml()} is kept until a setter is
 * called again, so {@code xml()} and {@code base64()} describe the same response.
 */
public final class ResponseBuilder {

    /** SignatureMethod RSA-SHA1 (refused by careful validators unless opted in). */
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    /** SignatureMethod RSA-SHA256, Azure's default. */
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    /** SignatureMethod RSA-SHA384. */
    public static final String RSA_SHA384 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384";
    /** SignatureMethod RSA-SHA512. */
    public static final String RSA_SHA512 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512";
    /** DigestMethod SHA-1. */
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    /** DigestMethod SHA-256, Azure's default. */
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    /** DigestMethod SHA-384. */
    public static final String SHA384 = "http://www.w3.org/2001/04/xmldsig-more#sha384";
    /** DigestMethod SHA-512. */
    public static final String SHA512 = "http://www.w3.org/2001/04/xmlenc#sha512";
    /** Content encryption AES-256-GCM (the default here). */
    public static final String AES256_GCM = "http://www.w3.org/2009/xmlenc11#aes256-gcm";
    /** Content encryption AES-256-CBC. */
    public static final String AES256_CBC = "http://www.w3.org/2001/04/xmlenc#aes256-cbc";
    /** Content encryption AES-128-CBC. */
    public static final String AES128_CBC = "http://www.w3.org/2001/04/xmlenc#aes128-cbc";
    /** Key transport RSA-OAEP with MGF1-SHA1 and a SHA-1 digest (the default here). */
    public static final String RSA_OAEP_MGF1P = "http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p";
    /** Key transport RSA-OAEP of XML Encryption 1.1; written here with SHA-256 digest and MGF1-SHA256. */
    public static final String RSA_OAEP = "http://www.w3.org/2009/xmlenc11#rsa-oaep";
    /** Key transport RSA PKCS#1 v1.5 (refused by careful validators). */
    public static final String RSA_1_5 = "http://www.w3.org/2001/04/xmlenc#rsa-1_5";
    /** Azure's default AuthnContextClassRef. */
    public static final String PASSWORD_PROTECTED_TRANSPORT =
            "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";

    final TestIdentityProvider idp;
    String responseId = "_" + UUID.randomUUID();
    String assertionId = "_" + UUID.randomUUID();
    String objectId = UUID.randomUUID().toString();
    String nameId = "alice@contoso.example";
    String nameIdFormat = AzureClaims.NAMEID_EMAIL;
    String upn = "alice@contoso.example";
    String email = "alice@contoso.example";
    String displayName = "Alice Example";
    String givenName = "Alice";
    String surname = "Example";
    List<String> groups = List.of();
    boolean groupsOverage;
    List<String> roles = List.of();
    List<String> awsRoles = List.of();
    List<String> authnMethods = List.of(AzureClaims.AMR_PASSWORD);
    final Map<String, List<String>> customAttributes = new LinkedHashMap<>();
    final Set<String> removedAttributes = new LinkedHashSet<>();
    String audience;
    String recipient;
    String destination;
    String inResponseTo;
    String responseIssuer;
    String assertionIssuer;
    String sessionIndex;
    Instant issueInstant;
    Instant notBefore;
    Instant notOnOrAfter;
    Instant subjectConfirmationNotOnOrAfter;
    Instant authnInstant;
    String authnContextClassRef = PASSWORD_PROTECTED_TRANSPORT;
    String statusCode = AzureClaims.STATUS_SUCCESS;
    String statusMessage;
    boolean includeAssertion = true;
    boolean signAssertion = true;
    boolean signResponse;
    TestCredential signingCredential;
    String signatureAlgorithm = RSA_SHA256;
    String digestAlgorithm = SHA256;
    boolean includeKeyInfo = true;
    X509Certificate encryptFor;
    String contentEncryption = AES256_GCM;
    String keyTransport = RSA_OAEP_MGF1P;
    boolean includeRecipientCertificate = true;
    ReferenceStyle referenceStyle = ReferenceStyle.ENVELOPED;
    private String built;

    ResponseBuilder(TestIdentityProvider idp) {
        this.idp = Objects.requireNonNull(idp, "idp");
    }

    // ---- subject and claims ----

    /** The NameID value (default {@code alice@contoso.example}). */
    public ResponseBuilder nameId(String value) {
        nameId = text(value, "nameId");
        return changed();
    }

    /** The NameID Format URI (default emailAddress, see {@link AzureClaims#NAMEID_EMAIL}). */
    public ResponseBuilder nameIdFormat(String uri) {
        nameIdFormat = text(uri, "nameIdFormat");
        return changed();
    }

    /** The objectidentifier claim (default a random UUID, fixed per builder). */
    public ResponseBuilder objectId(String value) {
        objectId = text(value, "objectId");
        return changed();
    }

    /** The {@code name} claim, which Azure fills with the UPN (default {@code alice@contoso.example}). */
    public ResponseBuilder upn(String value) {
        upn = text(value, "upn");
        return changed();
    }

    /** The emailaddress claim. */
    public ResponseBuilder email(String value) {
        email = text(value, "email");
        return changed();
    }

    /** The displayname claim. */
    public ResponseBuilder displayName(String value) {
        displayName = text(value, "displayName");
        return changed();
    }

    /** The givenname claim. */
    public ResponseBuilder givenName(String value) {
        givenName = text(value, "givenName");
        return changed();
    }

    /** The surname claim. */
    public ResponseBuilder surname(String value) {
        surname = text(value, "surname");
        return changed();
    }

    /** The groups claim, one AttributeValue per group; an empty list omits the claim. Clears the overage. */
    public ResponseBuilder groups(List<String> groupIds) {
        groups = List.copyOf(groupIds);
        groupsOverage = false;
        return changed();
    }

    /** Sends the groups.link (overage) claim instead of any groups claim, as Azure does above its group limit. */
    public ResponseBuilder groupsOverage() {
        groupsOverage = true;
        return changed();
    }

    /** The app role claim ({@link AzureClaims#ROLE}); an empty list omits it. */
    public ResponseBuilder roles(List<String> values) {
        roles = List.copyOf(values);
        return changed();
    }

    /** AWS's role attribute ({@link AzureClaims#AWS_ROLE}), values {@code <role ARN>,<provider ARN>}. */
    public ResponseBuilder awsRoles(List<String> values) {
        awsRoles = List.copyOf(values);
        return changed();
    }

    /** The authnmethodsreferences values (default password); an empty list omits the claim. */
    public ResponseBuilder authnMethods(List<String> values) {
        authnMethods = List.copyOf(values);
        return changed();
    }

    /**
     * Sets an attribute: a standard claim keeps its place in Azure's order, any other name is added after them.
     * With no values the attribute is written with no AttributeValue.
     */
    public ResponseBuilder attribute(String name, String... values) {
        text(name, "attribute name");
        customAttributes.put(name, List.of(values));
        removedAttributes.remove(name);
        return changed();
    }

    /** Leaves out the attribute {@code name}, standard or custom. */
    public ResponseBuilder withoutAttribute(String name) {
        text(name, "attribute name");
        customAttributes.remove(name);
        removedAttributes.add(name);
        return changed();
    }

    /** The AuthnContextClassRef (default PasswordProtectedTransport). */
    public ResponseBuilder authnContextClassRef(String uri) {
        authnContextClassRef = text(uri, "authnContextClassRef");
        return changed();
    }

    // ---- addressing ----

    /** The Audience (default the SP entity id of the identity provider). */
    public ResponseBuilder audience(String value) {
        audience = text(value, "audience");
        return changed();
    }

    /** SubjectConfirmationData Recipient (default the ACS URL). */
    public ResponseBuilder recipient(String value) {
        recipient = text(value, "recipient");
        return changed();
    }

    /** The Response Destination (default the ACS URL). */
    public ResponseBuilder destination(String value) {
        destination = text(value, "destination");
        return changed();
    }

    /** InResponseTo on the Response and on SubjectConfirmationData (default absent: IdP-initiated). */
    public ResponseBuilder inResponseTo(String requestId) {
        inResponseTo = text(requestId, "inResponseTo");
        return changed();
    }

    /** Both Issuers, of the Response and of the Assertion. */
    public ResponseBuilder issuer(String value) {
        responseIssuer = text(value, "issuer");
        assertionIssuer = value;
        return changed();
    }

    /** The Response Issuer only. */
    public ResponseBuilder responseIssuer(String value) {
        responseIssuer = text(value, "responseIssuer");
        return changed();
    }

    /** The Assertion Issuer only. */
    public ResponseBuilder assertionIssuer(String value) {
        assertionIssuer = text(value, "assertionIssuer");
        return changed();
    }

    /** The Response ID. */
    public ResponseBuilder responseId(String value) {
        responseId = text(value, "responseId");
        return changed();
    }

    /** The Assertion ID (also the default SessionIndex). */
    public ResponseBuilder assertionId(String value) {
        assertionId = text(value, "assertionId");
        return changed();
    }

    /** The AuthnStatement SessionIndex (default the assertion ID). */
    public ResponseBuilder sessionIndex(String value) {
        sessionIndex = text(value, "sessionIndex");
        return changed();
    }

    // ---- time ----

    /** IssueInstant of the Response and the Assertion (default the clock's now). */
    public ResponseBuilder issueInstant(Instant instant) {
        issueInstant = Objects.requireNonNull(instant, "issueInstant");
        return changed();
    }

    /** Conditions NotBefore (default now - 5 min). */
    public ResponseBuilder notBefore(Instant instant) {
        notBefore = Objects.requireNonNull(instant, "notBefore");
        return changed();
    }

    /** Conditions NotOnOrAfter (default now + 70 min). */
    public ResponseBuilder notOnOrAfter(Instant instant) {
        notOnOrAfter = Objects.requireNonNull(instant, "notOnOrAfter");
        return changed();
    }

    /** SubjectConfirmationData NotOnOrAfter (default now + 5 min). */
    public ResponseBuilder subjectConfirmationNotOnOrAfter(Instant instant) {
        subjectConfirmationNotOnOrAfter = Objects.requireNonNull(instant, "subjectConfirmationNotOnOrAfter");
        return changed();
    }

    /** AuthnStatement AuthnInstant (default now - 1 min). */
    public ResponseBuilder authnInstant(Instant instant) {
        authnInstant = Objects.requireNonNull(instant, "authnInstant");
        return changed();
    }

    // ---- status ----

    /** The top-level StatusCode URI (e.g. {@link AzureClaims#STATUS_REQUESTER}); the assertion stays unless removed. */
    public ResponseBuilder status(String statusCodeUri) {
        statusCode = text(statusCodeUri, "statusCode");
        return changed();
    }

    /** A StatusMessage, as Azure sends with AADSTS error codes. */
    public ResponseBuilder statusMessage(String message) {
        statusMessage = text(message, "statusMessage");
        return changed();
    }

    /** Leaves out the Assertion, as in Azure's error responses. */
    public ResponseBuilder withoutAssertion() {
        includeAssertion = false;
        return changed();
    }

    // ---- signing ----

    /** Signs the assertion only (the default). */
    public ResponseBuilder signAssertion() {
        return signing(true, false);
    }

    /** Signs the Response only; the assertion is not signed. */
    public ResponseBuilder signResponse() {
        return signing(false, true);
    }

    /** Signs the assertion, then the Response around it. */
    public ResponseBuilder signBoth() {
        return signing(true, true);
    }

    /** Signs nothing. */
    public ResponseBuilder unsigned() {
        return signing(false, false);
    }

    /** Signs with this credential (its certificate goes in KeyInfo) instead of the identity provider's. */
    public ResponseBuilder signWith(TestCredential credential) {
        signingCredential = Objects.requireNonNull(credential, "credential");
        return changed();
    }

    /** SignatureMethod URI, e.g. {@link #RSA_SHA1}; default {@link #RSA_SHA256}. */
    public ResponseBuilder signatureAlgorithm(String uri) {
        signatureAlgorithm = text(uri, "signatureAlgorithm");
        return changed();
    }

    /** DigestMethod URI, e.g. {@link #SHA1}; default {@link #SHA256}. */
    public ResponseBuilder digestAlgorithm(String uri) {
        digestAlgorithm = text(uri, "digestAlgorithm");
        return changed();
    }

    /** Whether signatures carry KeyInfo with the X509Certificate (default true, as Azure). */
    public ResponseBuilder includeKeyInfo(boolean include) {
        includeKeyInfo = include;
        return changed();
    }

    // ---- encryption ----

    /**
     * Replaces the Assertion with an EncryptedAssertion for this SP certificate. The assertion is signed first (when
     * assertion signing is on) and the Response, when signed, is signed over the EncryptedAssertion.
     */
    public ResponseBuilder encryptFor(X509Certificate spCertificate) {
        encryptFor = Objects.requireNonNull(spCertificate, "spCertificate");
        return changed();
    }

    /** EncryptionMethod of the EncryptedData: {@link #AES256_GCM} (default), {@link #AES256_CBC}, {@link #AES128_CBC}. */
    public ResponseBuilder contentEncryption(String uri) {
        contentEncryption = oneOf(uri, "contentEncryption", AES256_GCM, AES256_CBC, AES128_CBC);
        return changed();
    }

    /** EncryptionMethod of the EncryptedKey: {@link #RSA_OAEP_MGF1P} (default), {@link #RSA_OAEP}, {@link #RSA_1_5}. */
    public ResponseBuilder keyTransport(String uri) {
        keyTransport = oneOf(uri, "keyTransport", RSA_OAEP_MGF1P, RSA_OAEP, RSA_1_5);
        return changed();
    }

    /** Whether the EncryptedKey names the SP certificate in its KeyInfo (default true). */
    public ResponseBuilder includeRecipientCertificate(boolean include) {
        includeRecipientCertificate = include;
        return changed();
    }

    // ---- output ----

    /** The Response ID this builder writes. */
    public String responseId() {
        return responseId;
    }

    /** The Assertion ID this builder writes. */
    public String assertionId() {
        return assertionId;
    }

    /** The objectidentifier claim this builder writes. */
    public String objectId() {
        return objectId;
    }

    /** The serialized Response: UTF-8 text, no XML declaration, no whitespace between elements (as Azure). */
    public String xml() {
        if (built == null) {
            built = XmlText.serialize(document());
        }
        return built;
    }

    /** Base64 of the UTF-8 bytes of {@link #xml()}, as posted in the {@code SAMLResponse} form field. */
    public String base64() {
        return Base64.getEncoder().encodeToString(xml().getBytes(StandardCharsets.UTF_8));
    }

    /** Builds a fresh signed (and possibly encrypted) document. */
    Document document() {
        return AzureResponseAssembler.assemble(this);
    }

    ResponseBuilder referenceStyle(ReferenceStyle style) {
        referenceStyle = Objects.requireNonNull(style, "style");
        return changed();
    }

    TestCredential effectiveSigningCredential() {
        return signingCredential != null ? signingCredential : idp.signingCredential();
    }

    private ResponseBuilder signing(boolean assertion, boolean response) {
        signAssertion = assertion;
        signResponse = response;
        return changed();
    }

    ResponseBuilder changed() {
        built = null;
        return this;
    }

    private static String text(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("expected a value for " + what + ", found null");
        }
        return value;
    }

    private static String oneOf(String value, String what, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw new IllegalArgumentException("expected " + what + " to be one of " + List.of(allowed)
                    + ", found " + value);
        }
        return value;
    }
}

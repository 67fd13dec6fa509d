package dev.fedbroker.testing;

/**
 * The attribute (claim) names Azure AD puts in SAML assertions, and a few values it uses, for assertions in tests.
 * Constants only; thread-safe.
 */
public final class AzureClaims {
    /** The tenant (directory) id. */
    public static final String TENANT_ID = "http://schemas.microsoft.com/identity/claims/tenantid";
    /** The user's immutable object id. */
    public static final String OBJECT_ID = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    /** The display name. */
    public static final String DISPLAY_NAME = "http://schemas.microsoft.com/identity/claims/displayname";
    /** The identity provider (the issuer for home-tenant users). */
    public static final String IDENTITY_PROVIDER = "http://schemas.microsoft.com/identity/claims/identityprovider";
    /** Authentication methods (multi-valued). */
    public static final String AUTHN_METHODS = "http://schemas.microsoft.com/claims/authnmethodsreferences";
    /** App roles. */
    public static final String ROLE = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    /** First name. */
    public static final String GIVEN_NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname";
    /** Last name. */
    public static final String SURNAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname";
    /** Mail address. */
    public static final String EMAIL = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    /** The user principal name, under the claim Azure calls "name". */
    public static final String NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    /** Group object ids, one AttributeValue each. */
    public static final String GROUPS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";
    /** Sent instead of {@link #GROUPS} when the user has too many groups (overage). */
    public static final String GROUPS_LINK = "http://schemas.microsoft.com/claims/groups.link";
    /** AWS's role attribute (values {@code <role ARN>,<provider ARN>}), sent by Azure's AWS gallery apps. */
    public static final String AWS_ROLE = "https://aws.amazon.com/SAML/Attributes/Role";
    /** The authnmethodsreferences value for a password sign-in. */
    public static final String AMR_PASSWORD =
            "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password";
    /** The authnmethodsreferences value for multi-factor authentication. */
    public static final String AMR_MFA = "http://schemas.microsoft.com/claims/multipleauthn";
    /** NameID format emailAddress (Azure's default). */
    public static final String NAMEID_EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    /** NameID format persistent. */
    public static final String NAMEID_PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    /** NameID format transient. */
    public static final String NAMEID_TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    /** Status code Success. */
    public static final String STATUS_SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    /** Status code Requester (the SP's request was wrong). */
    public static final String STATUS_REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    /** Status code Responder (the IdP failed). */
    public static final String STATUS_RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";

    private AzureClaims() {
    }
}

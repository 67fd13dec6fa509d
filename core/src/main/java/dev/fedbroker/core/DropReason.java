package dev.fedbroker.core;

/** Why a candidate entitlement was left out, or why an identity does not get a pair. */
public enum DropReason {
    /** The permission set requires multi-factor authentication and the identity's sign-in had none. */
    MFA_REQUIRED,
    /**
     * Azure AD sent the group-overage claim and the groups could not be read from the directory (none configured,
     * no or several matching users, object-id conflict, inactive user): no group assignment applies (fail closed).
     */
    OVERAGE_UNRESOLVED,
    /** A role claim value starts like an ARN pair but is not a valid role ARN + SAML provider ARN pair. */
    MALFORMED_ROLE_CLAIM,
    /** A role claim's role ARN and SAML provider ARN name different accounts. */
    ROLE_CLAIM_ACCOUNT_MISMATCH,
    /** The identity carries role-pair claims, but the policy does not accept role claims. */
    ROLE_CLAIMS_NOT_ACCEPTED,
    /** The account is neither in the policy nor in any role claim. */
    UNKNOWN_ACCOUNT,
    /** The permission set is neither in the policy nor a role named by any role claim. */
    UNKNOWN_PERMISSION_SET,
    /** No assignment or role claim that gives the pair matches this identity. */
    NO_MATCHING_ASSIGNMENT
}

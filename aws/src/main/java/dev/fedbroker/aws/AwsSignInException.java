package dev.fedbroker.aws;

import java.util.Objects;

/**
 * {@link AwsSignIn} refused to sign: the {@link #reason()} says why in a machine-readable way, the message says what
 * was expected, what was found and what to do. Immutable; thread-safe.
 */
public final class AwsSignInException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a sign-in was refused. */
    public enum Reason {
        /** The identity is not granted this (account, permission set), or the choice is malformed or unknown. */
        NOT_ENTITLED,
        /** The permission set requires multi-factor authentication, and the identity signed in without it. */
        MFA_REQUIRED,
        /** No usable RoleSessionName (2-64 characters of {@code [\w+=,.@-]}) can be made from UPN, email or NameID. */
        INVALID_SESSION_NAME,
        /** A session tag value from the identity breaks AWS's rules (characters, length, a single value). */
        INVALID_SESSION_TAG,
        /** The permission set's session duration is outside 900-43200 seconds. */
        INVALID_SESSION_DURATION,
        /** The naming rule gives this permission set a role name IAM refuses (characters or length). */
        INVALID_ROLE_NAME
    }

    private final Reason reason;

    public AwsSignInException(Reason reason, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The machine-readable reason. */
    public Reason reason() {
        return reason;
    }
}

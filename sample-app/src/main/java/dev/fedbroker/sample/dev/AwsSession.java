package dev.fedbroker.sample.dev;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The console session AWS would grant for an accepted sign-in response. Immutable.
 *
 * @param accountId       the account
 * @param accountName     its name in the policy
 * @param permissionSet   the permission set whose role is assumed
 * @param roleArn         the role assumed
 * @param providerArn     the SAML provider that trusts the broker
 * @param roleSessionName the session name (shown in CloudTrail)
 * @param duration        the session's duration
 * @param expiresAt       when the session would end
 * @param issuer          the broker's IdP entity id
 * @param sessionTags     {@code PrincipalTag:*} session tags, by key
 */
public record AwsSession(String accountId, String accountName, String permissionSet, String roleArn,
        String providerArn, String roleSessionName, Duration duration, Instant expiresAt, String issuer,
        Map<String, String> sessionTags) {

    public AwsSession {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(expiresAt, "expiresAt");
        sessionTags = Map.copyOf(sessionTags);
    }
}

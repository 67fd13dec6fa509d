package dev.fedbroker.core;

import dev.fedbroker.core.internal.RoleClaims;
import java.util.Objects;

/**
 * A legacy AWS role claim value, parsed: an IAM role ARN and the IAM SAML provider ARN that the role trusts, in one
 * partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}) and one account. Immutable and thread-safe.
 *
 * @param roleArn         e.g. {@code arn:aws:iam::111111111111:role/Admin}
 * @param samlProviderArn e.g. {@code arn:aws:iam::111111111111:saml-provider/AzureAD}
 * @throws IllegalArgumentException when the two ARNs do not form such a pair
 */
public record RolePair(String roleArn, String samlProviderArn) {

    public RolePair {
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(samlProviderArn, "samlProviderArn");
        if (!RoleClaims.isPair(roleArn, samlProviderArn)) {
            throw new IllegalArgumentException("expected an IAM role ARN and a SAML provider ARN of one partition"
                    + " and account, found \"" + roleArn + "\" and \"" + samlProviderArn + "\"");
        }
    }

    /** The partition, e.g. {@code aws}. */
    public String partition() {
        return roleArn.substring(4, roleArn.indexOf(':', 4));
    }

    /** The 12-digit account id that both ARNs name. */
    public String accountId() {
        int start = roleArn.indexOf("::") + 2;
        return roleArn.substring(start, start + 12);
    }

    /** The role's name (the ARN's last path segment), which IAM keeps unique within an account. */
    public String roleName() {
        return roleArn.substring(roleArn.lastIndexOf('/') + 1);
    }

    /** The value as AWS documents it: {@code roleArn,samlProviderArn}. */
    public String claimValue() {
        return roleArn + "," + samlProviderArn;
    }
}

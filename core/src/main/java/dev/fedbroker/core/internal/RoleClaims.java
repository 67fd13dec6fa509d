package dev.fedbroker.core.internal;

import dev.fedbroker.core.DropReason;
import dev.fedbroker.core.RolePair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses legacy AWS role claim values: a role ARN and a SAML provider ARN, comma-separated, in either order. Strict:
 * no whitespace, a known partition, a 12-digit account, IAM's character sets for paths and names, one partition and
 * one account for both ARNs. Role names and paths may themselves contain commas, so every comma is tried as the
 * separator, and a value that splits validly in more than one way is refused as ambiguous.
 */
public final class RoleClaims {

    /** Longer values are refused unread (IAM: role ARN path up to 512, names 64 and 128). */
    static final int MAX_VALUE_LENGTH = 1024;

    private static final String PARTITION = "(aws|aws-cn|aws-us-gov)";
    private static final Pattern ROLE = Pattern.compile(
            "arn:" + PARTITION + ":iam::([0-9]{12}):role(/(?:[\\x21-\\x2E\\x30-\\x7E]+/){0,64})([\\w+=,.@-]{1,64})");
    private static final Pattern PROVIDER = Pattern.compile(
            "arn:" + PARTITION + ":iam::([0-9]{12}):saml-provider/([\\w.-]{1,128})");
    private static final int MAX_PATH_LENGTH = 512;

    private RoleClaims() {
    }

    /** The result of parsing one role value. */
    public sealed interface Result permits NotAPair, Parsed, Rejected {
    }

    /** The value does not start like an ARN pair (e.g. a plain app role): not the legacy path's business. */
    public record NotAPair() implements Result {
    }

    /** A valid pair. */
    public record Parsed(RolePair pair) implements Result {
    }

    /** The value starts like an ARN pair but is not a valid one; the message follows the quoted value. */
    public record Rejected(DropReason reason, String message) implements Result {
    }

    /** True when the value starts like an ARN (after leading spaces, in any case), so it is judged, not ignored. */
    public static boolean looksLikeArnPair(String value) {
        return value.strip().toLowerCase(Locale.ROOT).startsWith("arn:");
    }

    public static Result parse(String value) {
        if (!looksLikeArnPair(value)) {
            return new NotAPair();
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            return rejected("is longer than " + MAX_VALUE_LENGTH + " characters");
        }
        List<Matcher[]> splits = new ArrayList<>(); // {role, provider}
        for (int i = value.indexOf(','); i >= 0; i = value.indexOf(',', i + 1)) {
            String left = value.substring(0, i);
            String right = value.substring(i + 1);
            Matcher[] roleFirst = {ROLE.matcher(left), PROVIDER.matcher(right)};
            Matcher[] providerFirst = {ROLE.matcher(right), PROVIDER.matcher(left)};
            if (matches(roleFirst)) {
                splits.add(roleFirst);
            } else if (matches(providerFirst)) {
                splits.add(providerFirst);
            }
        }
        if (splits.isEmpty()) {
            return rejected("is not an IAM role ARN and an IAM SAML provider ARN separated by a comma (expected e.g."
                    + " \"arn:aws:iam::111111111111:role/Admin,arn:aws:iam::111111111111:saml-provider/AzureAD\","
                    + " partitions aws, aws-cn or aws-us-gov, no spaces)");
        }
        if (splits.size() > 1) {
            return rejected("splits into a role ARN and a SAML provider ARN in more than one way; it is ambiguous");
        }
        Matcher role = splits.get(0)[0];
        Matcher provider = splits.get(0)[1];
        if (role.group(3).length() > MAX_PATH_LENGTH) {
            return rejected("has a role path longer than " + MAX_PATH_LENGTH + " characters");
        }
        if (!role.group(1).equals(provider.group(1))) {
            return rejected("names two partitions (" + role.group(1) + " and " + provider.group(1) + ")");
        }
        if (!role.group(2).equals(provider.group(2))) {
            return new Rejected(DropReason.ROLE_CLAIM_ACCOUNT_MISMATCH, "names role account " + role.group(2)
                    + " but SAML provider account " + provider.group(2)
                    + "; AWS requires the role to trust a provider of its own account. Fix the app role value in"
                    + " Azure AD.");
        }
        return new Parsed(new RolePair(role.group(), provider.group()));
    }

    /** Whether the two ARNs form a valid pair (for {@link RolePair}'s constructor). */
    public static boolean isPair(String roleArn, String samlProviderArn) {
        Matcher role = ROLE.matcher(roleArn);
        Matcher provider = PROVIDER.matcher(samlProviderArn);
        return role.matches() && provider.matches() && role.group(3).length() <= MAX_PATH_LENGTH
                && role.group(1).equals(provider.group(1)) && role.group(2).equals(provider.group(2));
    }

    private static boolean matches(Matcher[] pair) {
        return pair[0].matches() && pair[1].matches();
    }

    private static Rejected rejected(String why) {
        return new Rejected(DropReason.MALFORMED_ROLE_CLAIM, "starts like an ARN pair but " + why
                + "; it grants nothing. Fix the app role value in Azure AD.");
    }
}

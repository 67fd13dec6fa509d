package dev.fedbroker.aws;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the broker names, in every account, the IAM role of a permission set and the IAM SAML provider that trusts the
 * broker: two ARN patterns with the placeholders {@code {partition}}, {@code {account}} and (role only)
 * {@code {permissionSet}}. The generated CloudFormation creates exactly these names, and {@link AwsSignIn} sends
 * exactly these ARNs. Immutable; thread-safe.
 *
 * <p>Rules, so that every pattern yields valid IAM names: the role pattern is
 * {@code arn:{partition}:iam::{account}:role/<path/><name>}, the name holding {@code {permissionSet}} once; the
 * provider pattern is {@code arn:{partition}:iam::{account}:saml-provider/<name>} without placeholder in the name.
 *
 * @param rolePattern     e.g. {@code arn:{partition}:iam::{account}:role/fedbroker/{permissionSet}}
 * @param providerPattern e.g. {@code arn:{partition}:iam::{account}:saml-provider/fedbroker}
 */
public record RoleNaming(String rolePattern, String providerPattern) {

    private static final String PREFIX = "arn:\\{partition\\}:iam::\\{account\\}:";
    private static final Pattern ROLE = Pattern.compile(PREFIX
            + "role(/(?:[\\w+=,.@-]+/)*)([\\w+=,.@-]*)\\{permissionSet\\}([\\w+=,.@-]*)");
    private static final Pattern PROVIDER = Pattern.compile(PREFIX + "saml-provider/([\\w.-]{1,128})");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern PERMISSION_SET = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final int MAX_ROLE_NAME = 64;
    private static final int MAX_ROLE_PATH = 512;

    // After the patterns: static fields initialize in order, and the constructor uses them.
    /** Roles {@code /fedbroker/<PermissionSet>}, provider {@code fedbroker}. */
    public static final RoleNaming DEFAULT = new RoleNaming(
            "arn:{partition}:iam::{account}:role/fedbroker/{permissionSet}",
            "arn:{partition}:iam::{account}:saml-provider/fedbroker");

    public RoleNaming {
        Objects.requireNonNull(rolePattern, "rolePattern");
        Objects.requireNonNull(providerPattern, "providerPattern");
        Matcher role = ROLE.matcher(rolePattern);
        if (!role.matches() || role.group(1).length() > MAX_ROLE_PATH) {
            throw new IllegalArgumentException("Role ARN pattern '" + rolePattern + "' is not of the form "
                    + "arn:{partition}:iam::{account}:role/<path/><name with {permissionSet}>, using only the "
                    + "characters IAM allows in role paths and names ([\\w+=,.@-]).");
        }
        if (!PROVIDER.matcher(providerPattern).matches()) {
            throw new IllegalArgumentException("Provider ARN pattern '" + providerPattern + "' is not of the form "
                    + "arn:{partition}:iam::{account}:saml-provider/<name>, the name 1-128 characters of [\\w.-].");
        }
    }

    /**
     * The role ARN of {@code permissionSet} in {@code account}.
     *
     * @throws IllegalArgumentException when the account id is not 12 digits, or the role name would break IAM's
     *                                  rules (characters, at most 64 characters)
     */
    public String roleArn(AwsPartition partition, String account, String permissionSet) {
        requireAccount(account);
        String name = roleName(permissionSet);
        return "arn:" + partition.id() + ":iam::" + account + ":role" + rolePath() + name;
    }

    /** The SAML provider ARN in {@code account}. */
    public String providerArn(AwsPartition partition, String account) {
        requireAccount(account);
        return "arn:" + partition.id() + ":iam::" + account + ":saml-provider/" + providerName();
    }

    /** The IAM role path, starting and ending with {@code /}, e.g. {@code /fedbroker/}. */
    public String rolePath() {
        return roleMatcher().group(1);
    }

    /**
     * The IAM role name of {@code permissionSet}, e.g. {@code ReadOnlyAccess}.
     *
     * @throws IllegalArgumentException when the name would break IAM's rules
     */
    public String roleName(String permissionSet) {
        Objects.requireNonNull(permissionSet, "permissionSet");
        Matcher role = roleMatcher();
        String name = role.group(2) + permissionSet + role.group(3);
        if (!PERMISSION_SET.matcher(permissionSet).matches() || name.length() > MAX_ROLE_NAME) {
            throw new IllegalArgumentException("Permission set '" + permissionSet + "' gives the IAM role name '"
                    + name + "', which IAM refuses: at most " + MAX_ROLE_NAME + " characters of [\\w+=,.@-]. "
                    + "Rename the permission set or shorten the role pattern.");
        }
        return name;
    }

    /** The IAM SAML provider's name, e.g. {@code fedbroker}. */
    public String providerName() {
        Matcher provider = PROVIDER.matcher(providerPattern);
        if (!provider.matches()) {
            throw new IllegalStateException("unreachable: checked in the constructor");
        }
        return provider.group(1);
    }

    private Matcher roleMatcher() {
        Matcher role = ROLE.matcher(rolePattern);
        if (!role.matches()) {
            throw new IllegalStateException("unreachable: checked in the constructor");
        }
        return role;
    }

    private static void requireAccount(String account) {
        Objects.requireNonNull(account, "account");
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw new IllegalArgumentException("An AWS account id has 12 digits; found '" + account + "'");
        }
    }
}

package dev.fedbroker.aws;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How the AWS accounts trust the broker: the names of the roles and of the SAML provider in each account, and the
 * sign-in endpoint each account uses (the global one unless set). {@link AwsSignIn} and {@link AwsSetup} take the same
 * value, so that what is signed matches what the templates create. Immutable; thread-safe.
 *
 * @param naming           role and provider ARN patterns
 * @param defaultEndpoint  the endpoint of every account not listed in {@code accountEndpoints}
 * @param accountEndpoints per-account endpoints (regional, another partition, or per-provider), by 12-digit id
 */
public record AwsTrust(RoleNaming naming, SignInEndpoint defaultEndpoint,
        Map<String, SignInEndpoint> accountEndpoints) {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    public AwsTrust {
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(defaultEndpoint, "defaultEndpoint");
        Map<String, SignInEndpoint> copy = new TreeMap<>();
        Objects.requireNonNull(accountEndpoints, "accountEndpoints").forEach((account, endpoint) -> {
            if (!ACCOUNT_ID.matcher(Objects.requireNonNull(account, "account")).matches()) {
                throw new IllegalArgumentException("An AWS account id has 12 digits; found '" + account + "'");
            }
            copy.put(account, Objects.requireNonNull(endpoint, "endpoint"));
        });
        accountEndpoints = Collections.unmodifiableMap(copy);
    }

    /** {@link RoleNaming#DEFAULT}, every account on {@link SignInEndpoint#GLOBAL}. */
    public static AwsTrust defaults() {
        return new AwsTrust(RoleNaming.DEFAULT, SignInEndpoint.GLOBAL, Map.of());
    }

    /** A copy with another naming rule. */
    public AwsTrust withNaming(RoleNaming newNaming) {
        return new AwsTrust(newNaming, defaultEndpoint, accountEndpoints);
    }

    /** A copy with another default endpoint. */
    public AwsTrust withDefaultEndpoint(SignInEndpoint endpoint) {
        return new AwsTrust(naming, endpoint, accountEndpoints);
    }

    /** A copy where {@code account} signs in at {@code endpoint}. */
    public AwsTrust withAccountEndpoint(String account, SignInEndpoint endpoint) {
        Map<String, SignInEndpoint> copy = new TreeMap<>(accountEndpoints);
        copy.put(account, endpoint);
        return new AwsTrust(naming, defaultEndpoint, copy);
    }

    /** The endpoint of {@code account}. */
    public SignInEndpoint endpointFor(String account) {
        return accountEndpoints.getOrDefault(account, defaultEndpoint);
    }

    /** The role ARN of {@code permissionSet} in {@code account}, in that account's partition. */
    public String roleArn(String account, String permissionSet) {
        return naming.roleArn(endpointFor(account).partition(), account, permissionSet);
    }

    /** The SAML provider ARN in {@code account}, in that account's partition. */
    public String providerArn(String account) {
        return naming.providerArn(endpointFor(account).partition(), account);
    }
}

package dev.fedbroker.aws;

import dev.fedbroker.aws.internal.AutoPostForm;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed sign-in response for one (account, permission set), ready to be posted by the browser to AWS. Immutable;
 * thread-safe.
 *
 * <p>Serve {@link #autoPostHtml()} (or {@link #autoPostHtml(String)} under a nonce-based Content-Security-Policy) as
 * the body of a {@code text/html; charset=UTF-8} response with {@code Cache-Control: no-store}. The page submits
 * itself with a one-line script and also shows a "Continue to AWS" button for browsers that block the script. With a
 * strict CSP allow the script by {@link #SCRIPT_CSP_HASH} (or the nonce), and allow the post with
 * {@code form-action <sign-in endpoint>}.
 *
 * @param accountId        the AWS account id
 * @param accountName      the account's name in the policy
 * @param permissionSet    the permission set's name
 * @param roleArn          the role ARN sent in the Role attribute
 * @param providerArn      the SAML provider ARN sent in the Role attribute
 * @param roleSessionName  the RoleSessionName sent
 * @param sessionDuration  the SessionDuration sent
 * @param destination      the sign-in endpoint to post to
 * @param assertionId      the signed assertion's ID
 * @param notOnOrAfter     when the assertion stops being valid
 * @param samlResponseXml  the SAML Response XML, as signed
 */
public record AwsSignInResponse(
        String accountId,
        String accountName,
        String permissionSet,
        String roleArn,
        String providerArn,
        String roleSessionName,
        Duration sessionDuration,
        URI destination,
        String assertionId,
        Instant notOnOrAfter,
        String samlResponseXml) {

    /**
     * The CSP source expression ({@code 'sha256-...'}) that allows the auto-submit script of
     * {@link #autoPostHtml()}, for hosts whose {@code script-src} uses hashes.
     */
    public static final String SCRIPT_CSP_HASH = AutoPostForm.SCRIPT_HASH;

    public AwsSignInResponse {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accountName, "accountName");
        Objects.requireNonNull(permissionSet, "permissionSet");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(providerArn, "providerArn");
        Objects.requireNonNull(roleSessionName, "roleSessionName");
        Objects.requireNonNull(sessionDuration, "sessionDuration");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(assertionId, "assertionId");
        Objects.requireNonNull(notOnOrAfter, "notOnOrAfter");
        Objects.requireNonNull(samlResponseXml, "samlResponseXml");
    }

    /** The value of the {@code SAMLResponse} form field: the XML's UTF-8 bytes in base64. */
    public String samlResponse() {
        return Base64.getEncoder().encodeToString(samlResponseXml.getBytes(StandardCharsets.UTF_8));
    }

    /** The page that posts the response to {@link #destination()}; every value in it is HTML-escaped. */
    public String autoPostHtml() {
        return AutoPostForm.render(destination.toString(), samlResponse(), description(), Optional.empty());
    }

    /** As {@link #autoPostHtml()}, with {@code nonce="cspNonce"} on the script element. */
    public String autoPostHtml(String cspNonce) {
        Objects.requireNonNull(cspNonce, "cspNonce");
        return AutoPostForm.render(destination.toString(), samlResponse(), description(), Optional.of(cspNonce));
    }

    /** Omits the XML, which is long and should not end up in logs. */
    @Override
    public String toString() {
        return "AwsSignInResponse[account=" + accountId + ", permissionSet=" + permissionSet + ", roleArn=" + roleArn
                + ", destination=" + destination + ", assertionId=" + assertionId + ", notOnOrAfter=" + notOnOrAfter
                + "]";
    }

    private String description() {
        return "Signing in to AWS account " + accountName + " (" + accountId + ") as " + permissionSet + ".";
    }
}

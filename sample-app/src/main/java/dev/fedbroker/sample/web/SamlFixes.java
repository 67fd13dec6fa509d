package dev.fedbroker.sample.web;

import dev.fedbroker.saml.SamlValidationException.Reason;

/**
 * What a person (a user, or the administrator of the Azure enterprise app) should do about each rejection reason. The
 * library's messages already say what was expected and found; this adds the next step. Stateless.
 */
final class SamlFixes {

    private SamlFixes() {
    }

    static String forReason(Reason reason) {
        return switch (reason) {
            case IN_RESPONSE_TO_MISMATCH -> "Start the sign-in again from this app (Sign in): the response answers"
                    + " another sign-in than the one this browser started.";
            case UNSOLICITED_NOT_ALLOWED -> "Start the sign-in at /saml/login. If it was started here, your browser"
                    + " dropped the short-lived sign-in cookie (blocked cookies, or more than 10 minutes passed)."
                    + " To accept launches from My Apps, set FEDBROKER_SP_ALLOW_IDP_INITIATED=true.";
            case REPLAYED -> "This response was already used once. Start a new sign-in.";
            case EXPIRED, NOT_YET_VALID, ISSUE_INSTANT_OUT_OF_WINDOW -> "Check that this server's clock is right"
                    + " (NTP), then sign in again.";
            case WRONG_AUDIENCE -> "Set the Identifier (Entity ID) of the Azure enterprise app to this app's entity"
                    + " id (see /saml/metadata), or FEDBROKER_SP_ENTITY_ID to the app's Identifier.";
            case WRONG_DESTINATION, WRONG_RECIPIENT -> "Set the Reply URL of the Azure enterprise app to this app's"
                    + " ACS URL (see /saml/metadata), or FEDBROKER_SP_ACS_URL / FEDBROKER_BASE_URL to match it.";
            case WRONG_ISSUER, UNTRUSTED_KEY -> "Refresh the IdP metadata (FEDBROKER_IDP_METADATA_FILE/_URL) from"
                    + " the enterprise app's SAML Certificates section: the tenant or the signing certificate changed.";
            case SIGNATURE_MISSING, SIGNATURE_INVALID, SIGNATURE_WRAPPING, WEAK_ALGORITHM, UNSUPPORTED_TRANSFORM ->
                    "The response was altered or signed in a way that is not accepted. In the enterprise app, sign"
                    + " the assertion (or response and assertion) with SHA-256; otherwise report a possible attack.";
            case DECRYPTION_FAILED, ENCRYPTION_ALGORITHM_REFUSED -> "Check that the token-encryption certificate"
                    + " uploaded to the enterprise app matches FEDBROKER_SP_DECRYPTION_KEY.";
            case STATUS_NOT_SUCCESS -> "Azure AD reported an error (see the message): fix it in the enterprise app,"
                    + " e.g. assign the user to the app.";
            default -> "Compare the Azure enterprise app's SAML settings with this app's metadata (/saml/metadata)"
                    + " and sign in again.";
        };
    }
}

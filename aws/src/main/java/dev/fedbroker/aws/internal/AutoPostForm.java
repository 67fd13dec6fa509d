package dev.fedbroker.aws.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The HTML page that posts a SAMLResponse to AWS. Stateless; thread-safe.
 *
 * <p>Design: a visible "Continue to AWS" button inside a plain POST form always works, even where scripts are blocked;
 * a one-line script after the form submits it at once. The script's text never varies, so a host with a strict
 * Content-Security-Policy can allow it by its hash ({@link #SCRIPT_HASH}) or by a per-request nonce; no inline event
 * handler ({@code onload}) is used, because CSP cannot allow those by nonce. Every value written into the page is
 * HTML-escaped.
 */
public final class AutoPostForm {

    /** The auto-submit script, exactly as written into the page. */
    public static final String SCRIPT = "document.getElementById(\"fedbroker-aws-signin\").submit();";
    /** The CSP source expression that allows {@link #SCRIPT}: {@code 'sha256-<base64>'}. */
    public static final String SCRIPT_HASH = "'sha256-" + sha256Base64(SCRIPT) + "'";

    private AutoPostForm() {
    }

    /**
     * The page.
     *
     * @param action       the form's action (the sign-in endpoint)
     * @param samlResponse the base64 SAMLResponse
     * @param description  a line telling the user where they are going, e.g. the account and role
     * @param cspNonce     a nonce for the script element, when the host's CSP uses nonces
     */
    public static String render(String action, String samlResponse, String description, Optional<String> cspNonce) {
        String nonce = cspNonce.map(n -> " nonce=\"" + Html.escape(n) + "\"").orElse("");
        return "<!DOCTYPE html>\n"
                + "<html lang=\"en\">\n"
                + "<head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<title>Signing in to AWS</title></head>\n"
                + "<body>\n"
                + "<form id=\"fedbroker-aws-signin\" method=\"post\" action=\"" + Html.escape(action) + "\">\n"
                + "<input type=\"hidden\" name=\"SAMLResponse\" value=\"" + Html.escape(samlResponse) + "\">\n"
                + "<p>" + Html.escape(description) + "</p>\n"
                + "<noscript><p>Scripts are off: press the button to continue.</p></noscript>\n"
                + "<button type=\"submit\">Continue to AWS</button>\n"
                + "</form>\n"
                + "<script" + nonce + ">" + SCRIPT + "</script>\n"
                + "</body>\n"
                + "</html>\n";
    }

    private static String sha256Base64(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}

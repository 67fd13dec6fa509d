package dev.fedbroker.sample.web;

/**
 * What every page's header and footer show. Immutable.
 *
 * @param devMode   whether the app runs in development mode
 * @param signedIn  whether a user is signed in
 * @param userLabel who is signed in (display name and UPN)
 * @param csrf      the session's CSRF token for the sign-out form (empty when signed out)
 * @param modeLabel a short description of the mode, for the footer
 */
public record PageModel(boolean devMode, boolean signedIn, String userLabel, String csrf, String modeLabel) {
}

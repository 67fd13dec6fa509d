package dev.fedbroker.sample.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Remembers the id of a SAML message this browser sent (the AuthnRequest, or a LogoutRequest) until the IdP's answer
 * comes back, in a short-lived cookie of its own rather than in the session.
 *
 * <p>Why: Azure AD answers sign-in with a cross-site POST to the ACS. Browsers do not send {@code SameSite=Lax}
 * cookies (the session cookie) with cross-site POSTs, so a request id kept in the session would be missing exactly
 * there. Making the session cookie {@code SameSite=None} would expose the whole session to cross-site requests.
 * Instead this one cookie carries only the request id, is {@code HttpOnly}, limited to the one path that reads it,
 * lives 10 minutes, is deleted when used, and is {@code SameSite=None; Secure} over https (so it survives the
 * cross-site POST); over plain http (dev mode on localhost, where the dev IdP is same-site) it is
 * {@code SameSite=Lax}, since browsers drop {@code SameSite=None} cookies that are not {@code Secure}.
 * Immutable; thread-safe.
 */
public final class PendingMessage {

    /** The pending AuthnRequest, read by the ACS. */
    public static final PendingMessage SIGN_IN = new PendingMessage("fedbroker_authn", "/saml/acs");
    /** The pending LogoutRequest, read when the LogoutResponse arrives. */
    public static final PendingMessage LOGOUT = new PendingMessage("fedbroker_logout", "/saml/logout");

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private final String name;
    private final String path;

    private PendingMessage(String name, String path) {
        this.name = name;
        this.path = path;
    }

    /** Sets the cookie for {@code messageId}. */
    public void remember(HttpServletResponse response, String messageId, boolean https) {
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("unexpected SAML message id format");
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(messageId, LIFETIME, https));
    }

    /** The remembered id, when the browser sent a well-formed one. */
    public Optional<String> messageId(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && MESSAGE_ID.matcher(c.getValue()).matches()) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    /** Deletes the cookie (an id is good for one answer). */
    public void forget(HttpServletResponse response, boolean https) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO, https));
    }

    private String cookie(String value, Duration maxAge, boolean https) {
        return ResponseCookie.from(name, value).path(path).httpOnly(true).secure(https)
                .sameSite(https ? "None" : "Lax").maxAge(maxAge).build().toString();
    }
}

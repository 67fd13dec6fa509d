package dev.fedbroker.sample.security;

import dev.fedbroker.core.Identity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * The signed-in user, kept in the HTTP session. Signing in always starts a NEW session (the old one, and its id, are
 * thrown away), so a session id planted before login is worth nothing after it: session fixation protection.
 * Stateless.
 */
public final class SignedIn {

    private static final String IDENTITY = "fedbroker.identity";

    private SignedIn() {
    }

    /** The validated identity of this session's user, if signed in. Never creates a session. */
    public static Optional<Identity> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty()
                : Optional.ofNullable(session.getAttribute(IDENTITY)).filter(Identity.class::isInstance)
                        .map(Identity.class::cast);
    }

    /** Signs {@code who} in, in a fresh session with a new id. */
    public static void start(HttpServletRequest request, Identity who) {
        end(request);
        request.getSession(true).setAttribute(IDENTITY, who);
    }

    /** Ends the session, if any. */
    public static void end(HttpServletRequest request) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
    }
}

package dev.fedbroker.sample.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Synchronizer tokens against cross-site request forgery: a random token per session, written into every form as a
 * hidden {@value #PARAMETER} field, and required (compared in constant time) on every state-changing request that
 * {@link CsrfFilter} guards. Stateless; the random source is thread-safe.
 */
public final class CsrfTokens {

    /** The form field. */
    public static final String PARAMETER = "_csrf";
    private static final String ATTRIBUTE = "fedbroker.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** This session's token, creating the session and the token when needed (call before rendering a form). */
    public static String tokenFor(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        Object token = session.getAttribute(ATTRIBUTE);
        if (token instanceof String t) {
            return t;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.setAttribute(ATTRIBUTE, fresh);
        return fresh;
    }

    /** Whether the request carries its session's token. */
    static boolean valid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String sent = request.getParameter(PARAMETER);
        if (session == null || sent == null || !(session.getAttribute(ATTRIBUTE) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}

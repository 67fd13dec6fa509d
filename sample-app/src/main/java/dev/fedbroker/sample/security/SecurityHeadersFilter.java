package dev.fedbroker.sample.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response. The Content-Security-Policy allows scripts, styles and images from this
 * origin only (no inline script or style anywhere: the auto-post pages load {@code /js/autopost.js}), forms that post
 * to this origin only, and no framing. A page that posts elsewhere (the AWS sign-in form) widens
 * {@code form-action} for itself with {@link #cspAllowingFormsTo(String)}. Thread-safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    /** The policy of every page. */
    public static final String CSP = cspAllowingFormsTo(null);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // SAMLRequest/SAMLResponse travel in URLs: never leak them to another site through the Referer header.
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        String path = request.getServletPath();   // decoded and normalized, unlike getRequestURI()
        if (!path.startsWith("/css/") && !path.startsWith("/js/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** The page policy, with {@code form-action} also allowing {@code origin} (e.g. AWS's sign-in origin). */
    public static String cspAllowingFormsTo(String origin) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'"
                + (origin == null ? "" : " " + origin)
                + "; frame-ancestors 'none'; base-uri 'none'";
    }
}

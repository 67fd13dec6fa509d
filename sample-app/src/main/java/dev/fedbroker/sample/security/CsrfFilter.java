package dev.fedbroker.sample.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses (403, code {@code CSRF_TOKEN_INVALID}) every POST, PUT, PATCH and DELETE without its session's CSRF token,
 * except where another mechanism protects the request and a token cannot exist:
 * <ul>
 *   <li>{@code /saml/acs}: Azure AD posts it from another site; the SAML response is signed and must answer the
 *       AuthnRequest this browser started (InResponseTo), and is accepted once (replay cache);</li>
 *   <li>{@code /scim/}: called by Azure's provisioning service with a bearer token, never with cookies;</li>
 *   <li>{@code /dev/aws-signin}: the stand-in for AWS, which is another site in production.</li>
 * </ul>
 * Thread-safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class CsrfFilter extends OncePerRequestFilter {

    /** Request attribute naming the error code for the error page. */
    public static final String ERROR_CODE = "fedbroker.error.code";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> EXEMPT = List.of("/saml/acs", "/scim/", "/dev/aws-signin");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (UNSAFE.contains(request.getMethod()) && !exempt(path(request)) && !CsrfTokens.valid(request)) {
            request.setAttribute(ERROR_CODE, "CSRF_TOKEN_INVALID");
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * The path the request is dispatched to: decoded and normalized by the container (never the raw request URI,
     * where {@code /scim/%2e%2e/portal/console} would look exempt while it reaches the portal).
     */
    private static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    private static boolean exempt(String uri) {
        return EXEMPT.stream().anyMatch(p -> p.endsWith("/") ? uri.startsWith(p) : uri.equals(p));
    }
}

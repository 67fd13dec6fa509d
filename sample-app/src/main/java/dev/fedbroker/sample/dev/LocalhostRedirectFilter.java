package dev.fedbroker.sample.dev;

import dev.fedbroker.sample.AppUrls;
import dev.fedbroker.sample.SampleSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Dev mode without FEDBROKER_BASE_URL publishes {@code http://localhost:<port>} as its SAML addresses. A person who
 * opens {@code http://127.0.0.1:<port>} would get cookies for another host than the one the IdP posts back to, and
 * a confusing "unsolicited response" error; so page visits (GET) on another host name are redirected to the
 * published one. The target comes from configuration, never from the request, so this is no open redirect.
 * Thread-safe.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
@ConditionalOnProperty(name = "fedbroker.mode", havingValue = "dev", matchIfMissing = true)
public class LocalhostRedirectFilter extends OncePerRequestFilter {

    private final AppUrls urls;
    private final boolean active;

    public LocalhostRedirectFilter(AppUrls urls, SampleSettings settings) {
        this.urls = urls;
        this.active = settings.publicBaseUrl().isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean sameHost = request.getServerName().toLowerCase(Locale.ROOT).equals(urls.base().getHost())
                && request.getServerPort() == urls.base().getPort();
        if (active && !sameHost && "GET".equals(request.getMethod())) {
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", urls.at(request.getRequestURI()) + (query == null ? "" : "?" + query));
            return;
        }
        chain.doFilter(request, response);
    }
}

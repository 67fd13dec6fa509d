package dev.fedbroker.sample;

import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import java.util.Set;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The session cookie, set in one place: its own name, {@code HttpOnly} (no script reads it), {@code Secure} whenever
 * the app is served over https, cookies only (never a session id in a URL). {@code SameSite=Lax} is set in
 * application.properties ({@code server.servlet.session.cookie.same-site}): the session never travels on cross-site
 * POSTs, which is why the pending AuthnRequest id has its own cookie (see {@code PendingMessage}).
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** The session cookie's name. */
    public static final String SESSION_COOKIE = "FEDBROKER_SESSION";

    @Bean
    ServletContextInitializer sessionCookie(AppUrls urls) {
        return servletContext -> {
            servletContext.setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
            SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
            cookie.setName(SESSION_COOKIE);
            cookie.setHttpOnly(true);
            cookie.setSecure(urls.https());
            cookie.setPath("/");
        };
    }
}

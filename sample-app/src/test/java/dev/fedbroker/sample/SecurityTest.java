package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The app's own defences: headers, CSRF on sign-out, single logout, error pages without internals. */
class SecurityTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void everyPageWhenServedThenCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/", "/saml/login", "/no-such-page", "/saml/metadata"}) {
            Page page = app.browser().get(path);

            String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertThat(csp).as(path).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'",
                    "form-action 'self'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
    }

    @Test
    void unknownPageWhenRequestedThenOurNotFoundPage() {
        Page page = app.browser().get("/no-such-page");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.reasonCode()).isEqualTo("NOT_FOUND");
        assertThat(page.body()).doesNotContain("Whitelabel", "Exception");
    }

    @Test
    void metadataWhenRequestedThenDescribesThisSp() {
        Page page = app.browser().get("/saml/metadata");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
                .startsWith("application/samlmetadata+xml"));
        assertThat(page.body()).contains("entityID=\"" + app.base() + "/saml\"",
                "Location=\"" + app.base() + "/saml/acs\"", "Location=\"" + app.base() + "/saml/logout\"",
                "AuthnRequestsSigned=\"true\"");
    }

    @Test
    void signOutWhenCsrfTokenMissingThenForbiddenAndStillSignedIn() {
        TestBrowser browser = app.browser();
        browser.portalAs("alice@contoso.example");

        Page refused = browser.post("/saml/logout", Map.of());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reasonCode()).isEqualTo("CSRF_TOKEN_INVALID");
        assertThat(browser.get("/portal").status()).isEqualTo(200);
    }

    @Test
    void signOutWhenConfirmedThenSingleLogoutRoundTripEndsTheSession() {
        TestBrowser browser = app.browser();
        Page portal = browser.portalAs("alice@contoso.example");

        Page toIdp = browser.post("/saml/logout", portal.form("/saml/logout"));
        assertThat(toIdp.status()).isEqualTo(302);
        assertThat(toIdp.location()).hasValueSatisfying(l -> assertThat(l)
                .startsWith(app.base() + "/dev/idp/logout?SAMLRequest=").contains("&Signature="));
        Page back = browser.follow(toIdp);
        assertThat(back.location()).hasValueSatisfying(l -> assertThat(l)
                .startsWith(app.base() + "/saml/logout?SAMLResponse="));
        Page done = browser.follow(back);

        assertThat(done.status()).as(done.body()).isEqualTo(303);
        assertThat(done.location()).hasValue("/?signedOut");
        assertThat(browser.follow(done).text()).contains("You are signed out");
        assertThat(browser.get("/portal").status()).isEqualTo(302);
    }

    @Test
    void logoutResponseWhenForgedThenRefusedWithReasonCode() {
        TestBrowser browser = app.browser();
        Page portal = browser.portalAs("alice@contoso.example");
        Page toIdp = browser.post("/saml/logout", portal.form("/saml/logout"));
        String answer = browser.follow(toIdp).location().orElseThrow();
        String unsigned = answer.replaceAll("&Signature=[^&]*", "");

        Page page = browser.get(unsigned);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.reasonCode()).isIn("REDIRECT_SIGNATURE_INVALID", "REDIRECT_SIGNATURE_MISSING");
    }

    @Test
    void devModeWhenOpenedOnAnotherHostNameThenRedirectedToThePublishedOne() {
        TestBrowser viaLoopback = new TestBrowser(java.net.URI.create("http://127.0.0.1:" + app.base().getPort()),
                java.net.URI.create("http://127.0.0.1:" + app.base().getPort()));

        Page page = viaLoopback.get("/portal?x=1");

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).hasValue(app.base() + "/portal?x=1");
    }

    @Test
    void devIdpWhenRequestIsNotSignedBySpThenRefused() {
        TestBrowser browser = app.browser();
        String url = browser.get("/saml/login").location().orElseThrow().replaceAll("&Signature=[^&]*", "");

        Page page = browser.get(url);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.reasonCode()).isEqualTo("AADSTS750054");
    }
}

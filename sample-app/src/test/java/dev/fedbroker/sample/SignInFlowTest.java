package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole sign-in over HTTP: SP-initiated login → dev IdP → ACS → portal, with alice, bob and carol. */
class SignInFlowTest {

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
    void loginWhenStartedThenRedirectsToTheIdpWithASignedAuthnRequestAndRemembersItsId() {
        TestBrowser browser = app.browser();

        Page login = browser.get("/saml/login");

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).hasValueSatisfying(url -> assertThat(url)
                .startsWith(app.base() + "/dev/idp/login?SAMLRequest=")
                .contains("&RelayState=%2Fportal", "&SigAlg=", "&Signature="));
        assertThat(login.setCookie("fedbroker_authn")).hasValueSatisfying(c -> assertThat(c)
                .contains("Path=/saml/acs", "HttpOnly", "SameSite=Lax", "Max-Age=600"));
        assertThat(login.setCookie("FEDBROKER_SESSION")).isEmpty();
    }

    @Test
    void signInWhenAliceThenPortalShowsHerSevenPairsGroupedByUnitWithWhy() {
        Page portal = app.browser().portalAs("alice@contoso.example");

        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.pairs()).containsExactly(
                "111111111111/ReadOnlyAccess",
                "222222222222/AdministratorAccess", "333333333333/AdministratorAccess",
                "444444444444/ReadOnlyAccess", "555555555555/ReadOnlyAccess",
                "666666666666/PowerUserAccess",
                "777777777777/AdministratorAccess");
        assertThat(portal.text()).contains("Root \u203a Workloads \u203a Production",
                "3 group(s) from your sign-in token",
                "You are in group \u201cProduction Readers\u201d",
                "The policy assigns ReadOnlyAccess to you (alice@contoso.example) on account Root \u203a management");
        assertThat(portal.leftOut()).isEmpty();
    }

    @Test
    void signInWhenCarolWithoutMfaThenAdministratorSetsAreLeftOutAndExplained() {
        Page portal = app.browser().portalAs("carol@contoso.example");

        assertThat(portal.pairs()).containsExactly("666666666666/PowerUserAccess");
        assertThat(portal.leftOut()).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("MFA_REQUIRED: "
                + "AdministratorAccess on "));
    }

    @Test
    void signInWhenBobHasOverageThenGroupsComeFromTheScimDirectory() {
        Page portal = app.browser().portalAs("bob@contoso.example");

        assertThat(portal.pairs()).containsExactly("111111111111/Billing", "666666666666/PowerUserAccess",
                "777777777777/AdministratorAccess");
        assertThat(portal.text()).contains("200 group(s) from the provisioned directory",
                "You are in group \u201cFinance\u201d", "as the provisioned directory says");
    }

    @Test
    void signInWhenSessionExistedBeforeThenTheSessionIdChanges() {
        TestBrowser browser = app.browser();
        browser.devIdpPage();                       // the IdP page's form token opens a session before login
        String before = browser.cookie("FEDBROKER_SESSION").orElseThrow();

        Page acs = browser.signIn("alice@contoso.example");

        assertThat(acs.status()).isEqualTo(303);
        assertThat(acs.location()).contains("/portal");
        assertThat(acs.setCookie("FEDBROKER_SESSION")).hasValueSatisfying(c -> assertThat(c)
                .contains("HttpOnly", "SameSite=Lax").doesNotContain("FEDBROKER_SESSION=" + before + ";"));
        assertThat(browser.cookie("FEDBROKER_SESSION")).isPresent().get().isNotEqualTo(before);
        assertThat(acs.setCookie("fedbroker_authn")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
    }

    @Test
    void portalWhenNotSignedInThenRedirectsToLoginAndBackToThePortal() {
        TestBrowser browser = app.browser();

        Page portal = browser.get("/portal");

        assertThat(portal.status()).isEqualTo(302);
        assertThat(portal.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/saml/login?target=/portal"));
        assertThat(browser.follow(portal).location()).hasValueSatisfying(l -> assertThat(l)
                .contains("RelayState=%2Fportal"));
    }

    @Test
    void loginWhenTargetIsAnotherSiteThenRelayStateFallsBackToThePortal() {
        for (String evil : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example",
                "/%2F%2Fevil.example", "javascript:alert(1)"}) {
            Page login = app.browser().get("/saml/login?target=" + java.net.URLEncoder.encode(evil,
                    StandardCharsets.UTF_8));

            String location = login.location().orElseThrow();
            String relayState = location.replaceAll(".*[?&]RelayState=([^&]*).*", "$1");
            assertThat(URLDecoder.decode(relayState, StandardCharsets.UTF_8)).as(evil).isEqualTo("/portal");
        }
    }

    @Test
    void acsWhenRelayStateIsAnotherSiteThenLandsOnThePortal() {
        TestBrowser browser = app.browser();
        Page autoPost = browser.devIdpAnswer("alice@contoso.example");
        var fields = new java.util.LinkedHashMap<>(autoPost.form(autoPost.autoPostAction()));
        fields.put("RelayState", "https://evil.example/phish");

        Page acs = browser.post("/saml/acs", fields);

        assertThat(acs.status()).isEqualTo(303);
        assertThat(acs.location()).hasValue("/portal");
    }

    @Test
    void acsWhenRelayStateIsALocalPathThenLandsThere() {
        TestBrowser browser = app.browser();
        Page login = browser.get("/saml/login?target=/");
        Page idp = browser.follow(login);
        Page autoPost = browser.post("/dev/idp/login", idp.forms("/dev/idp/login").get(0));

        Page acs = browser.post(autoPost.autoPostAction(), autoPost.form(autoPost.autoPostAction()));

        assertThat(acs.status()).isEqualTo(303);
        assertThat(acs.location()).hasValue("/");
    }
}

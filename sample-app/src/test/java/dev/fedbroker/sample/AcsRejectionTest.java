package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.sample.dev.DevTenant;
import dev.fedbroker.testing.ResponseBuilder;
import dev.fedbroker.testing.TestCredential;
import dev.fedbroker.testing.TestIdentityProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the ACS does with responses it must refuse: 400 with the library's reason code (403 for a valid response that
 * grants nothing), on the error page, never with a stack trace. Responses are signed with the dev tenant's own key
 * (the same per-JVM credential), so only the property under test is wrong.
 */
class AcsRejectionTest {

    private static TestApp app;
    private static TestIdentityProvider idp;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        idp = app.bean(DevTenant.class).identityProvider();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A browser that started a sign-in, and the AuthnRequest id the ACS expects from it. */
    private record Started(TestBrowser browser, String requestId) {
        Page post(String samlResponse) {
            return browser.post("/saml/acs", Map.of("SAMLResponse", samlResponse, "RelayState", "/portal"));
        }
    }

    private static Started started() {
        TestBrowser browser = app.browser();
        browser.get("/saml/login");
        return new Started(browser, browser.cookie("fedbroker_authn").orElseThrow());
    }

    private static ResponseBuilder alice(String inResponseTo) {
        return idp.response().inResponseTo(inResponseTo).nameId("alice@contoso.example").upn("alice@contoso.example")
                .groups(List.of("7c4e2a9b-3f1d-4b6a-8e5c-9d0f1a2b3c72"));
    }

    private static void assertErrorPage(Page page, int status, String reason) {
        assertThat(page.status()).isEqualTo(status);
        assertThat(page.reasonCode()).isEqualTo(reason);
        assertThat(page.body()).contains("What to do").doesNotContain("Exception", "\tat ", "at dev.fedbroker",
                "java.lang");
        assertThat(page.setCookie("FEDBROKER_SESSION")).isEmpty();
    }

    @Test
    void acsWhenNoSamlResponseThenMissingSamlResponse() {
        Page page = started().browser().post("/saml/acs", Map.of("RelayState", "/portal"));

        assertErrorPage(page, 400, "MISSING_SAML_RESPONSE");
    }

    @Test
    void acsWhenNotBase64ThenMalformed() {
        assertErrorPage(started().post("%%% not base64 %%%"), 400, "MALFORMED");
    }

    @Test
    void acsWhenDoctypeThenDoctypeForbidden() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">&x;</samlp:Response>";

        assertErrorPage(started().post(base64(xxe)), 400, "DOCTYPE_FORBIDDEN");
    }

    @Test
    void acsWhenSameResponsePostedTwiceThenSecondIsReplayed() {
        Started s = started();
        String response = alice(s.requestId()).base64();
        assertThat(s.post(response).status()).isEqualTo(303);

        s.browser().setCookie("fedbroker_authn", s.requestId(), "/saml/acs");   // even with the id again
        assertErrorPage(s.post(response), 400, "REPLAYED");
    }

    @Test
    void acsWhenReplayedFromTheDevIdpFlowThenRefused() {
        TestBrowser browser = app.browser();
        Page autoPost = browser.devIdpAnswer("carol@contoso.example");
        Map<String, String> fields = autoPost.form(autoPost.autoPostAction());
        String requestId = browser.cookie("fedbroker_authn").orElseThrow();
        assertThat(browser.post("/saml/acs", fields).status()).isEqualTo(303);

        browser.setCookie("fedbroker_authn", requestId, "/saml/acs");
        assertErrorPage(browser.post("/saml/acs", fields), 400, "REPLAYED");
    }

    @Test
    void acsWhenSignedContentAlteredThenSignatureInvalid() {
        Started s = started();
        String xml = alice(s.requestId()).xml().replace("alice@contoso.example", "admin@contoso.example");

        assertErrorPage(s.post(base64(xml)), 400, "SIGNATURE_INVALID");
    }

    @Test
    void acsWhenSignedByAnotherKeyThenUntrustedKey() {
        Started s = started();
        TestIdentityProvider impostor = TestIdentityProvider.azureAd(idp.tenantId(),
                TestCredential.shared("sample-app-test-impostor")).withServiceProvider(idp.spEntityId(), idp.acsUrl());

        assertErrorPage(s.post(impostor.response().inResponseTo(s.requestId()).base64()), 400, "UNTRUSTED_KEY");
    }

    @Test
    void acsWhenAnsweringAnotherRequestThenInResponseToMismatch() {
        Started s = started();

        assertErrorPage(s.post(alice("_another-request").base64()), 400, "IN_RESPONSE_TO_MISMATCH");
    }

    @Test
    void acsWhenNoSignInWasStartedThenUnsolicitedNotAllowed() {
        TestBrowser browser = app.browser();

        Page page = browser.post("/saml/acs", Map.of("SAMLResponse", idp.response().base64()));

        assertErrorPage(page, 400, "UNSOLICITED_NOT_ALLOWED");
    }

    @Test
    void acsWhenForAnotherServiceProviderThenWrongAudience() {
        Started s = started();

        assertErrorPage(s.post(alice(s.requestId()).audience("https://other.example/saml").base64()), 400,
                "WRONG_AUDIENCE");
    }

    @Test
    void acsWhenIssuedAnHourAgoThenRefusedAsStale() {
        Started s = started();
        Instant hourAgo = Instant.now().minus(Duration.ofHours(1));
        String stale = alice(s.requestId()).issueInstant(hourAgo).authnInstant(hourAgo)
                .notBefore(hourAgo.minusSeconds(300)).notOnOrAfter(hourAgo.plusSeconds(600))
                .subjectConfirmationNotOnOrAfter(hourAgo.plusSeconds(300)).base64();

        Page page = s.post(stale);

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.reasonCode()).isIn("EXPIRED", "ISSUE_INSTANT_OUT_OF_WINDOW");
    }

    @Test
    void acsWhenValidButNothingGrantedThenForbiddenWithNoEntitlement() {
        Started s = started();
        String nobody = idp.response().inResponseTo(s.requestId()).nameId("nobody@contoso.example")
                .upn("nobody@contoso.example").groups(List.of()).base64();

        Page page = s.post(nobody);

        assertErrorPage(page, 403, "NO_ENTITLEMENT");
        assertThat(s.browser().get("/portal").status()).isEqualTo(302);
    }

    @Test
    void acsWhenGetInsteadOfPostThenMethodNotAllowedPage() {
        assertErrorPage(app.browser().get("/saml/acs"), 405, "METHOD_NOT_ALLOWED");
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }
}

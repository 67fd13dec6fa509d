package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** "Open console": the broker signs a response toward AWS, and the dev stand-in accepts it as AWS would. */
class OpenConsoleTest {

    private static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Map<String, String> consoleForm(Page portal, String account, String permissionSet) {
        return portal.forms("/portal/console").stream()
                .filter(f -> account.equals(f.get("account")) && permissionSet.equals(f.get("permissionSet")))
                .findFirst().orElseThrow(() -> new AssertionError("no Open console button for " + account + "/"
                        + permissionSet));
    }

    @Test
    void openConsoleWhenPairGrantedThenStandInAcceptsAndShowsTheSession() {
        TestBrowser browser = app.browser();
        Page portal = browser.portalAs("alice@contoso.example");

        Page autoPost = browser.post("/portal/console", consoleForm(portal, "444444444444", "ReadOnlyAccess"));
        assertThat(autoPost.status()).isEqualTo(200);
        assertThat(autoPost.autoPostAction()).isEqualTo("/dev/aws-signin");
        Map<String, String> fields = autoPost.form("/dev/aws-signin");
        String xml = new String(Base64.getDecoder().decode(fields.get("SAMLResponse")), StandardCharsets.UTF_8);
        assertThat(xml).contains("Destination=\"https://signin.aws.amazon.com/saml\"", "urn:amazon:webservices");

        Page aws = browser.post("/dev/aws-signin", fields);

        assertThat(aws.status()).isEqualTo(200);
        assertThat(aws.text()).contains("AWS would sign you in", "payments-prod (444444444444)",
                "arn:aws:iam::444444444444:role/fedbroker/ReadOnlyAccess",
                "arn:aws:iam::444444444444:saml-provider/fedbroker", "alice@contoso.example", "8 h");
    }

    @Test
    void openConsoleWhenPostedTwiceToTheStandInThenReplayed() {
        TestBrowser browser = app.browser();
        Page portal = browser.portalAs("bob@contoso.example");
        Map<String, String> fields = browser.post("/portal/console", consoleForm(portal, "111111111111", "Billing"))
                .form("/dev/aws-signin");
        assertThat(browser.post("/dev/aws-signin", fields).status()).isEqualTo(200);

        Page again = browser.post("/dev/aws-signin", fields);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.reasonCode()).isEqualTo("REPLAYED");
    }

    @Test
    void openConsoleWhenRoleAlteredAfterSigningThenStandInRefusesTheSignature() {
        TestBrowser browser = app.browser();
        Page portal = browser.portalAs("carol@contoso.example");
        Map<String, String> fields = browser.post("/portal/console",
                consoleForm(portal, "666666666666", "PowerUserAccess")).form("/dev/aws-signin");
        String xml = new String(Base64.getDecoder().decode(fields.get("SAMLResponse")), StandardCharsets.UTF_8);
        Map<String, String> tampered = new LinkedHashMap<>(fields);
        tampered.put("SAMLResponse", Base64.getEncoder().encodeToString(xml
                .replace("role/fedbroker/PowerUserAccess", "role/fedbroker/AdministratorAccess")
                .getBytes(StandardCharsets.UTF_8)));

        Page aws = browser.post("/dev/aws-signin", tampered);

        assertThat(aws.status()).isEqualTo(400);
        assertThat(aws.reasonCode()).isEqualTo("SIGNATURE_INVALID");
    }

    @Test
    void openConsoleWhenPairNotGrantedThenNothingIsSigned() {
        TestBrowser browser = app.browser();
        Page portal = browser.portalAs("bob@contoso.example");
        Map<String, String> forged = new LinkedHashMap<>(consoleForm(portal, "111111111111", "Billing"));
        forged.put("account", "444444444444");
        forged.put("permissionSet", "ReadOnlyAccess");

        Page refused = browser.post("/portal/console", forged);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reasonCode()).isEqualTo("NOT_ENTITLED");
        assertThat(refused.body()).doesNotContain("SAMLResponse");
    }

    @Test
    void openConsoleWhenPermissionSetNeedsMfaAndSignInHadNoneThenMfaRequired() {
        TestBrowser browser = app.browser();
        Page portal = browser.portalAs("carol@contoso.example");
        Map<String, String> forged = new LinkedHashMap<>(consoleForm(portal, "666666666666", "PowerUserAccess"));
        forged.put("account", "222222222222");
        forged.put("permissionSet", "AdministratorAccess");

        Page refused = browser.post("/portal/console", forged);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.reasonCode()).isEqualTo("MFA_REQUIRED");
    }

    @Test
    void openConsoleWhenCsrfTokenMissingOrWrongThenForbidden() {
        TestBrowser browser = app.browser();
        Page portal = browser.portalAs("alice@contoso.example");
        Map<String, String> form = new LinkedHashMap<>(consoleForm(portal, "444444444444", "ReadOnlyAccess"));

        form.put("_csrf", "forged");
        Page wrong = browser.post("/portal/console", form);
        form.remove("_csrf");
        Page missing = browser.post("/portal/console", form);

        for (Page page : new Page[] {wrong, missing}) {
            assertThat(page.status()).isEqualTo(403);
            assertThat(page.reasonCode()).isEqualTo("CSRF_TOKEN_INVALID");
        }
    }

    @Test
    void openConsoleWhenPathDisguisedAsAnExemptOneThenCsrfStillRequired() {
        TestBrowser browser = app.browser();
        Page portal = browser.portalAs("alice@contoso.example");
        Map<String, String> form = new LinkedHashMap<>(consoleForm(portal, "444444444444", "ReadOnlyAccess"));
        form.remove("_csrf");

        for (String disguised : new String[] {"/scim/v2/%2e%2e/%2e%2e/portal/console", "/scim/v2/../../portal/console",
                "/saml/acs/../../portal/console", "/portal/console;x=/scim/"}) {
            Page page = browser.post(disguised, form);
            assertThat(page.status()).as(disguised).isIn(400, 403, 404);
            assertThat(page.body()).as(disguised).doesNotContain("SAMLResponse");
        }
    }

    @Test
    void openConsoleWhenNotSignedInThenSentToSignIn() {
        Page page = app.browser().post("/portal/console", Map.of("account", "444444444444",
                "permissionSet", "ReadOnlyAccess"));

        assertThat(page.status()).isEqualTo(403);
        assertThat(page.reasonCode()).isEqualTo("CSRF_TOKEN_INVALID");
    }

    @Test
    void brokerMetadataWhenRequestedThenNamesTheBrokerIdpAndItsSigningCertificate() {
        Page metadata = app.browser().get("/saml/idp/metadata");

        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.body()).contains("entityID=\"" + app.base() + "/saml/idp\"", "IDPSSODescriptor",
                "X509Certificate");
    }

    @Test
    void standInWhenResponseIsNotFromTheBrokerThenRefused() {
        Page page = app.browser().post("/dev/aws-signin", Map.of("SAMLResponse",
                Base64.getEncoder().encodeToString("<x/>".getBytes(StandardCharsets.UTF_8))));

        assertThat(page.status()).isEqualTo(400);
        assertThat(page.reasonCode()).isEqualTo("MALFORMED");
    }
}

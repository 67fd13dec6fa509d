package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedbroker.testing.ReceivedAuthnRequest;
import dev.fedbroker.testing.TestCredential;
import dev.fedbroker.testing.TestIdentityProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;

/**
 * Azure mode, configured from files as an operator would (federation metadata, policy, PEM keys, SCIM token), behind
 * a public https URL: the sign-in goes to Azure's SSO URL, cookies are Secure, the pending-request cookie is
 * SameSite=None (it must survive Azure's cross-site POST), and the dev IdP and AWS stand-in do not exist.
 */
class AzureModeTest {

    private static final String PUBLIC_URL = "https://broker.example.test";

    @TempDir
    static Path dir;
    private static TestIdentityProvider azure;
    private static TestCredential spKey;
    private static TestApp app;

    @BeforeAll
    static void start() throws IOException {
        azure = TestIdentityProvider.azureAd("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0")
                .withServiceProvider(PUBLIC_URL + "/saml", PUBLIC_URL + "/saml/acs");
        spKey = TestCredential.shared("fedbroker-dev-sp");
        TestCredential awsKey = TestCredential.shared("fedbroker-dev-broker-idp");
        Files.writeString(dir.resolve("azure-metadata.xml"), azure.metadataXml());
        try (InputStream policy = new ClassPathResource("dev/policy.json").getInputStream()) {
            Files.copy(policy, dir.resolve("policy.json"));
        }
        Files.writeString(dir.resolve("sp.key.pem"), spKey.privateKeyPem());
        Files.writeString(dir.resolve("sp.crt.pem"), spKey.certificatePem());
        Files.writeString(dir.resolve("aws.key.pem"), awsKey.privateKeyPem());
        Files.writeString(dir.resolve("aws.crt.pem"), awsKey.certificatePem());
        app = TestApp.start(azureArgs().toArray(String[]::new));
    }

    private static List<String> azureArgs() {
        return List.of("--fedbroker.mode=azure", "--fedbroker.base-url=" + PUBLIC_URL,
                "--fedbroker.idp.metadata-file=" + dir.resolve("azure-metadata.xml"),
                "--fedbroker.policy-file=" + dir.resolve("policy.json"),
                "--fedbroker.sp.signing-key=" + dir.resolve("sp.key.pem"),
                "--fedbroker.sp.signing-certificate=" + dir.resolve("sp.crt.pem"),
                "--fedbroker.aws.signing-key=" + dir.resolve("aws.key.pem"),
                "--fedbroker.aws.signing-certificate=" + dir.resolve("aws.crt.pem"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void azureModeWhenSignInStartsThenGoesToAzureWithSecureCrossSiteCookie() {
        Page login = app.browser().get("/saml/login");

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).hasValueSatisfying(l -> assertThat(l).startsWith(azure.ssoUrl() + "?SAMLRequest="));
        assertThat(login.setCookie("fedbroker_authn")).hasValueSatisfying(c -> assertThat(c)
                .contains("Secure", "SameSite=None", "HttpOnly", "Path=/saml/acs"));
        ReceivedAuthnRequest request = azure.acceptAuthnRequest(login.location().orElseThrow(), spKey.certificate());
        assertThat(request.issuer()).isEqualTo(PUBLIC_URL + "/saml");
        assertThat(request.assertionConsumerServiceUrl()).hasValue(PUBLIC_URL + "/saml/acs");
    }

    @Test
    void azureModeWhenAzureAnswersThenPortalAndConsoleWorkWithSecureSessionCookie() {
        TestBrowser browser = app.browser();
        Page login = browser.get("/saml/login");
        ReceivedAuthnRequest request = azure.acceptAuthnRequest(login.location().orElseThrow());
        // The test talks plain http to the server behind the https URL: hand over the Secure cookies by hand.
        browser.setCookie("fedbroker_authn", request.id(), "/saml/acs");
        String response = azure.answer(request).nameId("alice@contoso.example").upn("alice@contoso.example")
                .groups(List.of("7c4e2a9b-3f1d-4b6a-8e5c-9d0f1a2b3c72")).base64();

        Page acs = browser.post("/saml/acs", Map.of("SAMLResponse", response, "RelayState",
                request.relayState().orElseThrow()));

        assertThat(acs.status()).isEqualTo(303);
        String session = acs.setCookie("FEDBROKER_SESSION").orElseThrow();
        assertThat(session).contains("Secure", "HttpOnly", "SameSite=Lax");
        browser.setCookie("FEDBROKER_SESSION", session.substring(session.indexOf('=') + 1, session.indexOf(';')), "/");
        Page portal = browser.get("/portal");
        assertThat(portal.pairs()).containsExactly("111111111111/ReadOnlyAccess", "444444444444/ReadOnlyAccess",
                "555555555555/ReadOnlyAccess");

        Map<String, String> open = portal.forms("/portal/console").stream()
                .filter(f -> "444444444444".equals(f.get("account"))).findFirst().orElseThrow();
        Page toAws = browser.post("/portal/console", open);
        assertThat(toAws.autoPostAction()).isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(toAws.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("form-action 'self' https://signin.aws.amazon.com;").doesNotContain("unsafe-inline"));
    }

    @Test
    void azureModeWhenDevPagesRequestedThenNotFound() {
        assertThat(app.browser().get("/dev/idp/login").status()).isEqualTo(404);
        assertThat(app.browser().post("/dev/aws-signin", Map.of("SAMLResponse", "x")).status()).isEqualTo(404);
    }

    @Test
    void azureModeWhenMetadataRequestedThenNamesThePublicUrls() {
        Page metadata = app.browser().get("/saml/metadata");

        assertThat(metadata.body()).contains("entityID=\"" + PUBLIC_URL + "/saml\"",
                "Location=\"" + PUBLIC_URL + "/saml/acs\"");
    }

    @Test
    void azureModeWhenScimTokenMissingThenRefusesToStartNamingTheSetting() {
        List<String> args = azureArgs();
        String[] withoutToken = args.toArray(String[]::new);

        assertThatThrownBy(() -> TestApp.startWithoutScimToken(withoutToken))
                .hasStackTraceContaining("FEDBROKER_SCIM_TOKEN");
    }

    @Test
    void azureModeWhenNoMetadataThenRefusesToStartNamingTheSettings() {
        String[] noMetadata = azureArgs().stream().filter(a -> !a.startsWith("--fedbroker.idp."))
                .toArray(String[]::new);

        assertThatThrownBy(() -> TestApp.start(noMetadata)).hasStackTraceContaining("FEDBROKER_IDP_METADATA_FILE");
    }
}

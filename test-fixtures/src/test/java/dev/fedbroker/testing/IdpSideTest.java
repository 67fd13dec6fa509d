package dev.fedbroker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;

import dev.fedbroker.testing.internal.EnvelopedSigner;
import dev.fedbroker.testing.internal.ReferenceStyle;
import dev.fedbroker.testing.internal.RedirectCodec;
import dev.fedbroker.testing.internal.SecureXml;
import dev.fedbroker.testing.internal.SignatureSpec;
import dev.fedbroker.testing.internal.XmlText;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The test IdP's side of SP-initiated sign-in and single logout, checked against itself and plain JCA. */
class IdpSideTest {

    private static final TestIdentityProvider IDP = TestIdentityProvider.azureAd("c0ffee00-1111-2222-3333-444444444444")
            .withClock(MutableClock.at("2024-05-01T10:00:00Z"));
    private static final TestCredential SP = TestCredential.shared("fixtures-test-sp-signing");

    private static String authnRequestXml() {
        return "<samlp:AuthnRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_abc\" Version=\"2.0\""
                + " IssueInstant=\"2024-05-01T10:00:00Z\" Destination=\"" + IDP.ssoUrl() + "\""
                + " AssertionConsumerServiceURL=\"https://app.example/acs\""
                + " ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" ForceAuthn=\"true\">"
                + "<saml:Issuer>https://app.example/saml</saml:Issuer>"
                + "<samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\"/>"
                + "<samlp:RequestedAuthnContext Comparison=\"exact\"><saml:AuthnContextClassRef>urn:x"
                + "</saml:AuthnContextClassRef></samlp:RequestedAuthnContext></samlp:AuthnRequest>";
    }

    @Test
    void acceptAuthnRequestWhenSignedByTheSpThenFieldsAreReadAndAnswerTargetsTheSp() {
        String url = IDP.ssoUrl() + "?" + RedirectCodec.encode("SAMLRequest", authnRequestXml(), "/rs",
                SP.privateKey(), RedirectCodec.RSA_SHA256, false);

        ReceivedAuthnRequest r = IDP.acceptAuthnRequest(url, SP.certificate());
        String answer = IDP.answer(r).xml();

        assertThat(r.id()).isEqualTo("_abc");
        assertThat(r.issuer()).isEqualTo("https://app.example/saml");
        assertThat(r.assertionConsumerServiceUrl()).contains("https://app.example/acs");
        assertThat(r.forceAuthn()).isTrue();
        assertThat(r.nameIdPolicyFormat()).contains("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        assertThat(r.authnContextComparison()).contains("exact");
        assertThat(r.authnContextClassRefs()).containsExactly("urn:x");
        assertThat(r.relayState()).contains("/rs");
        assertThat(r.signatureVerified()).isTrue();
        assertThat(answer).contains("InResponseTo=\"_abc\"").contains("<Audience>https://app.example/saml</Audience>")
                .contains("Recipient=\"https://app.example/acs\"").contains("Destination=\"https://app.example/acs\"");
    }

    @Test
    void acceptAuthnRequestWhenRelayStateTamperedOrUnsignedThenRefusedWithCertificate() {
        String query = RedirectCodec.encode("SAMLRequest", authnRequestXml(), "/rs", SP.privateKey(),
                RedirectCodec.RSA_SHA256, false);
        String unsigned = RedirectCodec.encode("SAMLRequest", authnRequestXml(), null, null, null, false);

        assertThatThrownBy(() -> IDP.acceptAuthnRequest(query.replace("RelayState=%2Frs", "RelayState=%2Fevil"),
                SP.certificate())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IDP.acceptAuthnRequest(unsigned, SP.certificate()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(IDP.acceptAuthnRequest(unsigned).signed()).isFalse();
    }

    @Test
    void acceptAuthnRequestPostWhenEnvelopedSignatureThenJdkVerifies() {
        Document doc = SecureXml.parse(authnRequestXml());
        EnvelopedSigner.sign(doc.getDocumentElement(), new SignatureSpec(SP.privateKey(), SP.certificate(), true,
                ResponseBuilder.RSA_SHA256, ResponseBuilder.SHA256, ReferenceStyle.ENVELOPED));
        String posted = Base64.getEncoder().encodeToString(XmlText.serialize(doc).getBytes(StandardCharsets.UTF_8));

        assertThat(IDP.acceptAuthnRequestPost(posted, "/rs", SP.certificate()).signed()).isTrue();
        assertThatThrownBy(() -> IDP.acceptAuthnRequestPost(posted, null, IDP.signingCredential().certificate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logoutRequestWhenBuiltThenSignedAzureStyleAndReadBack() throws Exception {
        String query = IDP.logoutRequest().sessionIndex("_s1").relayState("/x").query();

        ReceivedLogoutRequest r = IDP.acceptLogoutRequest(query, IDP.signingCredential().certificate());

        assertThat(r.issuer()).isEqualTo("https://login.microsoftonline.com/c0ffee00-1111-2222-3333-444444444444/");
        assertThat(r.nameId()).isEqualTo("alice@contoso.example");
        assertThat(r.sessionIndexes()).containsExactly("_s1");
        assertThat(r.relayState()).contains("/x");
        assertThat(r.destination()).isEmpty();
        assertThat(query).contains("SigAlg=http%3a%2f%2fwww.w3.org%2f2001%2f04%2fxmldsig-more%23rsa-sha256");
        String octets = query.substring(0, query.indexOf("&Signature="));
        Signature jca = Signature.getInstance("SHA256withRSA");
        jca.initVerify(IDP.signingCredential().publicKey());
        jca.update(octets.getBytes(StandardCharsets.UTF_8));
        String sig = java.net.URLDecoder.decode(query.substring(query.indexOf("&Signature=") + 11),
                StandardCharsets.UTF_8);
        assertThat(jca.verify(Base64.getDecoder().decode(sig))).isTrue();
    }

    @Test
    void logoutResponseWhenAnsweringThenEchoesRequestAndVerifies() {
        ReceivedLogoutRequest request = IDP.acceptLogoutRequest(IDP.logoutRequest().id("_lr").relayState("st")
                .redirectUrl());

        String url = IDP.logoutResponse(request).lowerCaseEscapes(false).redirectUrl();
        ReceivedLogoutResponse response = IDP.acceptLogoutResponse(url, IDP.signingCredential().certificate());

        assertThat(url).startsWith(TestIdentityProvider.DEFAULT_SLO_URL + "?SAMLResponse=")
                .contains("SigAlg=http%3A%2F%2F");
        assertThat(response.inResponseTo()).contains("_lr");
        assertThat(response.relayState()).contains("st");
        assertThat(response.statusCode()).isEqualTo(AzureClaims.STATUS_SUCCESS);
        assertThat(response.issuer()).isEqualTo(IDP.logoutIssuer());
        assertThat(response.signatureVerified()).isTrue();
    }

    @Test
    void logoutResponseWhenUnsignedOrOtherKeyThenRefusedWithCertificate() {
        ReceivedLogoutRequest request = IDP.acceptLogoutRequest(IDP.logoutRequest().redirectUrl());

        assertThatThrownBy(() -> IDP.acceptLogoutResponse(IDP.logoutResponse(request).unsigned().redirectUrl(),
                IDP.signingCredential().certificate())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IDP.acceptLogoutResponse(IDP.logoutResponse(request).signWith(SP).redirectUrl(),
                IDP.signingCredential().certificate())).isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.ReceivedAuthnRequest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SP-initiated sign-in over HTTP-Redirect, round-tripped through test-fixtures' IdP. */
class AuthnRequestTest {

    private final SpSide f = new SpSide();

    @Test
    void authnRequestWhenSignedThenIdpVerifiesWithPlainSignatureAndItsAnswerValidates() {
        ServiceProvider sp = f.sp();
        AuthnRedirect redirect = sp.authnRequest("/portal");

        ReceivedAuthnRequest received = f.idp.acceptAuthnRequest(redirect.url().toString(),
                SpSide.spSigning().certificate());
        Identity who = sp.validate(f.idp.answer(received).base64(), redirect.requestId());

        assertThat(received.signatureVerified()).isTrue();
        assertThat(received.id()).isEqualTo(redirect.requestId());
        assertThat(received.relayState()).contains("/portal");
        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void authnRequestWhenBuiltThenHasTheShapeAzureAccepts() {
        AuthnRedirect redirect = f.sp().authnRequest(AuthnRequestOptions.DEFAULTS);

        ReceivedAuthnRequest r = f.idp.acceptAuthnRequest(redirect.url().toString());

        assertThat(redirect.url().toString()).startsWith(f.idp.ssoUrl() + "?SAMLRequest=");
        assertThat(r.id()).matches("_[0-9a-f]{32}");
        assertThat(r.version()).isEqualTo("2.0");
        assertThat(r.issueInstant()).isEqualTo(f.t0);
        assertThat(r.destination()).contains(f.idp.ssoUrl());
        assertThat(r.assertionConsumerServiceUrl()).contains(SpSide.ACS);
        assertThat(r.protocolBinding()).contains("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(r.issuer()).isEqualTo(SpSide.SP_ENTITY_ID);
        assertThat(r.hasSubject()).isFalse();
        assertThat(r.nameIdPolicyFormat()).isEmpty();
        assertThat(r.authnContextComparison()).isEmpty();
        assertThat(r.forceAuthn()).isFalse();
        assertThat(r.passive()).isFalse();
        assertThat(r.relayState()).isEmpty();
    }

    @Test
    void authnRequestWhenOptionsSetThenCarriesNameIdPolicyForceAuthnAndExactContext() {
        AuthnRequestOptions options = AuthnRequestOptions.builder().forceAuthn(true)
                .nameIdFormat(NameIdFormat.PERSISTENT)
                .requestedAuthnContext("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport")
                .build();

        ReceivedAuthnRequest r = f.idp.acceptAuthnRequest(f.sp().authnRequest(options).url().toString());

        assertThat(r.forceAuthn()).isTrue();
        assertThat(r.nameIdPolicyFormat()).contains("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        assertThat(r.authnContextComparison()).contains("exact");
        assertThat(r.authnContextClassRefs())
                .containsExactly("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");
    }

    @Test
    void authnRequestWhenPassiveThenIsPassive() {
        ReceivedAuthnRequest r = f.idp.acceptAuthnRequest(f.sp().authnRequest(AuthnRequestOptions.builder()
                .passive(true).build()).url().toString());

        assertThat(r.passive()).isTrue();
    }

    @Test
    void nameIdFormatWhenNotOneAzureAcceptsThenRejectedAtBuildTime() {
        assertThatThrownBy(() -> AuthnRequestOptions.builder()
                .nameIdFormat("urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(AuthnRequestOptions.builder().nameIdFormat(NameIdFormat.EMAIL_ADDRESS.uri()).build()
                .nameIdFormat()).contains(NameIdFormat.EMAIL_ADDRESS);
    }

    @Test
    void optionsWhenForceAuthnAndPassiveThenRejected() {
        assertThatThrownBy(() -> AuthnRequestOptions.builder().forceAuthn(true).passive(true).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void authnRequestWhenNoSigningKeyThenUnsignedAndStillValid() {
        ServiceProvider sp = ServiceProvider.builder().entityId(SpSide.SP_ENTITY_ID).assertionConsumerService(SpSide.ACS)
                .identityProvider(IdentityProvider.fromMetadata(f.idp.metadataXml())).clock(f.clock).build();

        AuthnRedirect redirect = sp.authnRequest("/a");
        ReceivedAuthnRequest r = f.idp.acceptAuthnRequest(redirect.url().toString());

        assertThat(redirect.url().getRawQuery()).doesNotContain("Signature=").doesNotContain("SigAlg=");
        assertThat(r.signed()).isFalse();
        assertThat(sp.validate(f.idp.answer(r).base64(), redirect.requestId()).nameId()).isNotBlank();
    }

    @Test
    void authnRequestWhenSignedQueryTamperedThenIdpSignatureCheckFails() {
        String url = f.sp().authnRequest("/portal").url().toString();
        String q = SpSide.query(url);
        String base = url.substring(0, url.indexOf('?') + 1);

        for (String tampered : new String[] {
            SpSide.replace(q, "RelayState", "%2Fevil"),
            SpSide.replace(q, "SigAlg", "http%3A%2F%2Fwww.w3.org%2F2001%2F04%2Fxmldsig-more%23rsa-sha512"),
            SpSide.replace(q, "SAMLRequest", SpSide.raw(SpSide.query(f.sp().authnRequest("/portal").url().toString()),
                    "SAMLRequest"))}) {
            assertThatThrownBy(() -> f.idp.acceptAuthnRequest(base + tampered, SpSide.spSigning().certificate()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void authnRequestWhenCalledTwiceThenIdsDiffer() {
        ServiceProvider sp = f.sp();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(sp.authnRequest(AuthnRequestOptions.DEFAULTS).requestId());
        }
        assertThat(ids).hasSize(50).allMatch(id -> id.matches("_[0-9a-f]{32}"));
    }

    @Test
    void authnRequestWhenRelayStateAboveLimitThenRelayStateTooLong() {
        ServiceProvider sp = f.sp();
        String tooLong = "/" + "a".repeat(80);

        assertThat(SpSide.reasonOf(() -> sp.authnRequest(tooLong))).isEqualTo(Reason.RELAY_STATE_TOO_LONG);
        assertThat(f.builder().relayStateMaxBytes(200).build().authnRequest(tooLong).relayState()).contains(tooLong);
    }

    @Test
    void authnRequestWhenLoginHintThenSentAsUnsignedQueryParameter() {
        AuthnRedirect redirect = f.sp().authnRequest(AuthnRequestOptions.builder()
                .loginHint("bob@contoso.example").build());

        assertThat(redirect.url().getRawQuery()).endsWith("&login_hint=bob%40contoso.example");
        assertThat(f.idp.acceptAuthnRequest(redirect.url().toString(), SpSide.spSigning().certificate()).signed())
                .isTrue();
    }

    @Test
    void authnRequestWhenIdpHasNoEndpointsThenIllegalState() {
        ServiceProvider sp = ServiceProvider.builder().entityId(SpSide.SP_ENTITY_ID).assertionConsumerService(SpSide.ACS)
                .identityProvider(IdentityProvider.of(f.idp.entityId(), java.util.List.of(
                        f.idp.signingCredential().certificate()))).clock(f.clock).build();

        assertThatThrownBy(() -> sp.authnRequest("/")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SingleSignOnService");
    }

    @Test
    void buildWhenSigningKeyDoesNotMatchCertificateThenIllegalState() {
        assertThatThrownBy(() -> f.builder().signing(SpSide.attacker().privateKey(), SpSide.spSigning().certificate())
                .build()).isInstanceOf(IllegalStateException.class);
    }
}

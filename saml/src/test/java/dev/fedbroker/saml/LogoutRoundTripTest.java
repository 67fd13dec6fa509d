package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedbroker.core.Identity;
import dev.fedbroker.testing.ReceivedLogoutRequest;
import dev.fedbroker.testing.ReceivedLogoutResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single logout over HTTP-Redirect, both directions, round-tripped through test-fixtures' IdP. */
class LogoutRoundTripTest {

    private final SpSide f = new SpSide();

    @Test
    void spInitiatedLogoutWhenIdpAnswersThenResponseValidates() {
        ServiceProvider sp = f.sp();
        Identity who = sp.validate(f.idp.response().inResponseTo("_r1").base64(), "_r1");
        LogoutRedirect redirect = sp.singleLogout().request(who, "/bye");

        ReceivedLogoutRequest received = f.idp.acceptLogoutRequest(redirect.url().toString(),
                SpSide.spSigning().certificate());
        LogoutOutcome outcome = sp.singleLogout().validateResponse(
                SpSide.query(f.idp.logoutResponse(received).redirectUrl()), redirect.messageId());

        assertThat(received.signatureVerified()).isTrue();
        assertThat(received.issuer()).isEqualTo(SpSide.SP_ENTITY_ID);
        assertThat(received.destination()).contains(f.idp.ssoUrl());
        assertThat(received.nameId()).isEqualTo(who.nameId());
        assertThat(received.nameIdFormat()).contains(who.nameIdFormat());
        assertThat(received.sessionIndexes()).containsExactly(who.sessionIndex().orElseThrow());
        assertThat(received.id()).matches("_[0-9a-f]{32}");
        assertThat(outcome.inResponseTo()).isEqualTo(redirect.messageId());
        assertThat(outcome.relayState()).contains("/bye");
        assertThat(outcome.signed()).isTrue();
        assertThat(outcome.partial()).isFalse();
    }

    @Test
    void validateResponseWhenWholeUrlPassedThenAcceptedToo() {
        ServiceProvider sp = f.sp();
        LogoutRedirect redirect = sp.singleLogout().request(SpSide.alice());
        String url = f.idp.logoutResponse(f.idp.acceptLogoutRequest(redirect.url().toString())).redirectUrl();

        assertThat(sp.singleLogout().validateResponse(url, redirect.messageId()).relayState()).isEmpty();
    }

    @Test
    void validateResponseWhenPartialLogoutThenReportedAsPartial() {
        ServiceProvider sp = f.sp();
        LogoutRedirect redirect = sp.singleLogout().request(SpSide.alice());
        ReceivedLogoutRequest received = f.idp.acceptLogoutRequest(redirect.url().toString());

        LogoutOutcome outcome = sp.singleLogout().validateResponse(SpSide.query(f.idp.logoutResponse(received)
                .subStatus("urn:oasis:names:tc:SAML:2.0:status:PartialLogout").redirectUrl()), redirect.messageId());

        assertThat(outcome.partial()).isTrue();
    }

    @Test
    void validateResponseWhenUpperCaseEscapesThenAcceptedAsWell() {
        ServiceProvider sp = f.sp();
        LogoutRedirect redirect = sp.singleLogout().request(SpSide.alice(), "/a b+c");
        ReceivedLogoutRequest received = f.idp.acceptLogoutRequest(redirect.url().toString());

        LogoutOutcome outcome = sp.singleLogout().validateResponse(SpSide.query(f.idp.logoutResponse(received)
                .lowerCaseEscapes(false).redirectUrl()), redirect.messageId());

        assertThat(outcome.relayState()).contains("/a b+c");
    }

    @Test
    void idpInitiatedLogoutWhenValidThenSpAnswersAndIdpReadsTheSignedResponse() {
        ServiceProvider sp = f.sp();
        String url = f.idp.logoutRequest().nameId("alice@contoso.example").sessionIndex("_s1").sessionIndex("_s2")
                .relayState("opaque-123").redirectUrl();

        IdpLogoutRequest request = sp.singleLogout().validateRequest(SpSide.query(url));
        LogoutRedirect answer = sp.singleLogout().response(request);
        ReceivedLogoutResponse received = f.idp.acceptLogoutResponse(answer.url().toString(),
                SpSide.spSigning().certificate());

        assertThat(request.nameId()).isEqualTo("alice@contoso.example");
        assertThat(request.nameIdFormat()).contains("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress");
        assertThat(request.sessionIndexes()).containsExactly("_s1", "_s2");
        assertThat(request.covers("_s2")).isTrue();
        assertThat(request.covers("_other")).isFalse();
        assertThat(request.issuer()).isEqualTo(f.idp.logoutIssuer());
        assertThat(request.signed()).isTrue();
        assertThat(received.signatureVerified()).isTrue();
        assertThat(received.inResponseTo()).contains(request.id());
        assertThat(received.issuer()).isEqualTo(SpSide.SP_ENTITY_ID);
        assertThat(received.statusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
        assertThat(received.relayState()).contains("opaque-123");
        assertThat(received.destination()).contains(f.idp.ssoUrl());
        assertThat(answer.url().toString()).startsWith(f.idp.ssoUrl() + "?SAMLResponse=");
    }

    @Test
    void idpInitiatedLogoutWhenHostCouldNotEndSessionThenResponderStatus() {
        ServiceProvider sp = f.sp();
        IdpLogoutRequest request = sp.singleLogout().validateRequest(SpSide.query(f.idp.logoutRequest()
                .redirectUrl()));

        ReceivedLogoutResponse received = f.idp.acceptLogoutResponse(sp.singleLogout()
                .response(request, "urn:oasis:names:tc:SAML:2.0:status:Responder").url().toString());

        assertThat(received.statusCode()).isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Responder");
        assertThat(request.covers("_any")).isTrue();
    }

    @Test
    void logoutWhenNoSigningKeyThenUnsignedMessages() {
        ServiceProvider sp = ServiceProvider.builder().entityId(SpSide.SP_ENTITY_ID).assertionConsumerService(SpSide.ACS)
                .singleLogoutService(SpSide.SLO).identityProvider(IdentityProvider.fromMetadata(f.idp.metadataXml()))
                .clock(f.clock).build();

        LogoutRedirect redirect = sp.singleLogout().request(SpSide.alice());

        assertThat(redirect.url().getRawQuery()).doesNotContain("Signature=");
        assertThat(f.idp.acceptLogoutRequest(redirect.url().toString()).signed()).isFalse();
    }

    @Test
    void logoutWhenNoLogoutUrlConfiguredThenIllegalState() {
        ServiceProvider sp = ServiceProvider.builder().entityId(SpSide.SP_ENTITY_ID).assertionConsumerService(SpSide.ACS)
                .identityProvider(IdentityProvider.fromMetadata(f.idp.metadataXml())).clock(f.clock).build();

        assertThatThrownBy(() -> sp.singleLogout().request(SpSide.alice())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sp.singleLogout().validateRequest("SAMLRequest=x"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void logoutIssuersWhenConfiguredThenOnlyThoseAccepted() {
        ServiceProvider sp = f.builder().logoutIssuers(List.of("urn:custom:issuer")).build();

        assertThat(sp.singleLogout().validateRequest(SpSide.query(f.idp.logoutRequest().issuer("urn:custom:issuer")
                .redirectUrl())).issuer()).isEqualTo("urn:custom:issuer");
        assertThat(SpSide.reasonOf(() -> sp.singleLogout().validateRequest(SpSide.query(f.idp.logoutRequest()
                .redirectUrl())))).isEqualTo(SamlValidationException.Reason.WRONG_ISSUER);
    }

    @Test
    void idpInitiatedLogoutWhenIssuerIsTheEntityIdThenAcceptedByDefault() {
        IdpLogoutRequest request = f.sp().singleLogout().validateRequest(SpSide.query(f.idp.logoutRequest()
                .issuer(f.idp.entityId()).redirectUrl()));

        assertThat(request.issuer()).isEqualTo(f.idp.entityId());
    }
}

package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.LogoutRequestBuilder;
import dev.fedbroker.testing.LogoutResponseBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Logout messages that must be refused, each with its reason. */
class LogoutRejectionsTest {

    private final SpSide f = new SpSide();
    private final ServiceProvider sp = f.sp();

    private Reason rejectRequest(LogoutRequestBuilder b) {
        return rejectRequest(sp, b);
    }

    private static Reason rejectRequest(ServiceProvider sp, LogoutRequestBuilder b) {
        return SpSide.reasonOf(() -> sp.singleLogout().validateRequest(b.query()));
    }

    /** A response builder answering a fresh SP LogoutRequest, and that request's ID. */
    private record Answer(LogoutResponseBuilder builder, String requestId) { }

    private Answer answer() {
        LogoutRedirect redirect = sp.singleLogout().request(SpSide.alice());
        return new Answer(f.idp.logoutResponse(f.idp.acceptLogoutRequest(redirect.url().toString())),
                redirect.messageId());
    }

    private Reason rejectResponse(Answer a) {
        return SpSide.reasonOf(() -> sp.singleLogout().validateResponse(a.builder().query(), a.requestId()));
    }

    @Test
    void validateResponseWhenIssuerIsAnotherTenantThenWrongIssuer() {
        Answer a = answer();
        a.builder().issuer("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/");

        assertThat(rejectResponse(a)).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void validateResponseWhenIssuerMissingTrailingSlashThenWrongIssuer() {
        Answer a = answer();
        a.builder().issuer("https://login.microsoftonline.com/" + SpSide.TENANT);

        assertThat(rejectResponse(a)).isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void validateResponseWhenInResponseToDiffersThenInResponseToMismatch() {
        Answer a = answer();
        a.builder().inResponseTo("_someone-else");

        assertThat(rejectResponse(a)).isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void validateResponseWhenInResponseToMissingThenInResponseToMismatch() {
        Answer a = answer();
        a.builder().inResponseTo(null);

        assertThat(rejectResponse(a)).isEqualTo(Reason.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void validateResponseWhenStatusRequesterThenStatusNotSuccess() {
        Answer a = answer();
        a.builder().status("urn:oasis:names:tc:SAML:2.0:status:Requester");

        assertThat(rejectResponse(a)).isEqualTo(Reason.STATUS_NOT_SUCCESS);
    }

    @Test
    void validateResponseWhenDestinationIsAnotherUrlThenWrongDestination() {
        Answer a = answer();
        a.builder().destination("https://evil.example/logout");

        assertThat(rejectResponse(a)).isEqualTo(Reason.WRONG_DESTINATION);
    }

    @Test
    void validateResponseWhenDestinationIsOursThenAccepted() {
        Answer a = answer();
        a.builder().destination(SpSide.SLO);

        assertThat(sp.singleLogout().validateResponse(a.builder().query(), a.requestId()).signed()).isTrue();
    }

    @Test
    void validateResponseWhenIssuedTooLongAgoThenIssueInstantOutOfWindow() {
        Answer a = answer();
        a.builder().issueInstant(f.t0.minus(Duration.ofMinutes(9)));

        assertThat(rejectResponse(a)).isEqualTo(Reason.ISSUE_INSTANT_OUT_OF_WINDOW);
    }

    @Test
    void validateResponseWhenIssuedInTheFutureThenIssueInstantOutOfWindow() {
        Answer a = answer();
        a.builder().issueInstant(f.t0.plus(Duration.ofMinutes(4)));

        assertThat(rejectResponse(a)).isEqualTo(Reason.ISSUE_INSTANT_OUT_OF_WINDOW);
    }

    @Test
    void validateResponseWhenWithinSkewThenAccepted() {
        Answer a = answer();
        a.builder().issueInstant(f.t0.plus(Duration.ofMinutes(3)));

        assertThat(sp.singleLogout().validateResponse(a.builder().query(), a.requestId()).partial()).isFalse();
    }

    @Test
    void validateResponseWhenReplayedThenReplayed() {
        Answer a = answer();
        String query = a.builder().query();
        sp.singleLogout().validateResponse(query, a.requestId());

        assertThat(SpSide.reasonOf(() -> sp.singleLogout().validateResponse(query, a.requestId())))
                .isEqualTo(Reason.REPLAYED);
    }

    @Test
    void validateRequestWhenReplayedThenReplayed() {
        String query = f.idp.logoutRequest().query();
        sp.singleLogout().validateRequest(query);

        assertThat(SpSide.reasonOf(() -> sp.singleLogout().validateRequest(query))).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void validateRequestWhenNotOnOrAfterPassedThenExpired() {
        assertThat(rejectRequest(f.idp.logoutRequest().issueInstant(f.t0.minus(Duration.ofMinutes(4)))
                .notOnOrAfter(f.t0.minus(Duration.ofMinutes(3).plusSeconds(1))))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void validateRequestWhenNoNameIdThenNoSubject() {
        assertThat(rejectRequest(f.idp.logoutRequest().nameId(null))).isEqualTo(Reason.NO_SUBJECT);
    }

    @Test
    void validateRequestWhenIssuerIsAnotherIdpThenWrongIssuer() {
        assertThat(rejectRequest(f.idp.logoutRequest().issuer("https://sts.windows.net/evil/")))
                .isEqualTo(Reason.WRONG_ISSUER);
    }

    @Test
    void validateRequestWhenDestinationIsAnotherSpThenWrongDestination() {
        assertThat(rejectRequest(f.idp.logoutRequest().destination("https://other.example/saml/logout")))
                .isEqualTo(Reason.WRONG_DESTINATION);
    }

    @Test
    void validateRequestWhenStaleThenIssueInstantOutOfWindow() {
        assertThat(rejectRequest(f.idp.logoutRequest().issueInstant(f.t0.minus(Duration.ofHours(1)))))
                .isEqualTo(Reason.ISSUE_INSTANT_OUT_OF_WINDOW);
    }

    @Test
    void validateRequestWhenUnsignedAndSignaturesRequiredThenRedirectSignatureMissing() {
        ServiceProvider strict = f.builder().requireSignedLogoutMessages(true).build();

        assertThat(rejectRequest(strict, f.idp.logoutRequest().unsigned()))
                .isEqualTo(Reason.REDIRECT_SIGNATURE_MISSING);
    }

    @Test
    void validateResponseWhenUnsignedAndSignaturesRequiredThenRedirectSignatureMissing() {
        ServiceProvider strict = f.builder().requireSignedLogoutMessages(true).build();
        LogoutRedirect redirect = strict.singleLogout().request(SpSide.alice());
        String query = f.idp.logoutResponse(f.idp.acceptLogoutRequest(redirect.url().toString())).unsigned().query();

        assertThat(SpSide.reasonOf(() -> strict.singleLogout().validateResponse(query, redirect.messageId())))
                .isEqualTo(Reason.REDIRECT_SIGNATURE_MISSING);
    }

    @Test
    void validateRequestWhenUnsignedAndSignaturesOptionalThenAcceptedAsUnsigned() {
        assertThat(sp.singleLogout().validateRequest(f.idp.logoutRequest().unsigned().query()).signed()).isFalse();
    }

    @Test
    void validateRequestWhenSignedByAnotherKeyThenRedirectSignatureInvalid() {
        assertThat(rejectRequest(f.idp.logoutRequest().signWith(SpSide.attacker())))
                .isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenRsaSha1ThenWeakAlgorithmUnlessOptedIn() {
        LogoutRequestBuilder sha1 = f.idp.logoutRequest().sigAlg("http://www.w3.org/2000/09/xmldsig#rsa-sha1");

        assertThat(rejectRequest(sha1)).isEqualTo(Reason.WEAK_ALGORITHM);
        assertThat(f.builder().allowSha1(true).build().singleLogout().validateRequest(sha1.query()).signed()).isTrue();
    }

    @Test
    void validateRequestWhenRelayStateLongerThanLimitThenRelayStateTooLong() {
        assertThat(rejectRequest(f.idp.logoutRequest().relayState("r".repeat(81))))
                .isEqualTo(Reason.RELAY_STATE_TOO_LONG);
    }
}

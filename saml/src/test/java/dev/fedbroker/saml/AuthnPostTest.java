package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedbroker.testing.ReceivedAuthnRequest;
import dev.fedbroker.testing.TestCredential;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SP-initiated sign-in over HTTP-POST: the auto-submitting form and the enveloped request signature. */
class AuthnPostTest {

    private final SpSide f = new SpSide();

    @Test
    void authnRequestPostWhenSignedThenJdkXmlDsigVerifiesAndAnswerValidates() {
        ServiceProvider sp = f.sp();
        AuthnPost post = sp.authnRequestPost(AuthnRequestOptions.builder().relayState("/x").build());

        ReceivedAuthnRequest r = f.idp.acceptAuthnRequestPost(post.samlRequest(), post.relayState().orElse(null),
                SpSide.spSigning().certificate());

        assertThat(r.signed()).isTrue();
        assertThat(r.id()).isEqualTo(post.requestId());
        assertThat(post.action()).isEqualTo(URI.create(f.idp.ssoUrl()));
        assertThat(sp.validate(f.idp.answer(r).base64(), post.requestId()).nameId()).isNotBlank();
    }

    @Test
    void authnRequestPostWhenVerifiedWithAnotherCertificateThenIdpRefuses() {
        AuthnPost post = f.sp().authnRequestPost(AuthnRequestOptions.DEFAULTS);
        TestCredential other = SpSide.attacker();

        assertThatThrownBy(() -> f.idp.acceptAuthnRequestPost(post.samlRequest(), null, other.certificate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void htmlWhenValuesHoldMarkupThenEverythingIsEscaped() {
        AuthnPost post = new AuthnPost(URI.create("https://idp.example/saml2?a=1&b=2"), "_id", "PHg+PC94Pg==",
                Optional.of("\"><script>alert(1)</script>'"));

        String html = post.html("n0nce\"x");

        assertThat(html).contains("action=\"https://idp.example/saml2?a=1&amp;b=2\"")
                .contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;\"")
                .contains("<script nonce=\"n0nce&quot;x\">document.forms[0].submit();</script>")
                .doesNotContain("<script>alert");
    }

    @Test
    void htmlWhenNoRelayStateThenOnlySamlRequestField() {
        AuthnPost post = f.sp().authnRequestPost(AuthnRequestOptions.DEFAULTS);

        assertThat(post.html()).contains("name=\"SAMLRequest\"").doesNotContain("RelayState")
                .contains("<noscript><button type=\"submit\">");
    }
}

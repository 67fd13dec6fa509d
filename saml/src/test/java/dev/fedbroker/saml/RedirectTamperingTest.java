package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * Signed redirect-binding messages altered on the way: every change to a signed parameter, to the parameter order or
 * to the signature itself is refused, and malformed encodings are refused before any XML is read.
 */
class RedirectTamperingTest {

    private static final String SHA256 = "http%3a%2f%2fwww.w3.org%2f2001%2f04%2fxmldsig-more%23rsa-sha256";

    private final SpSide f = new SpSide();
    private final ServiceProvider sp = f.sp();
    private final String signed = f.idp.logoutRequest().relayState("/after").query();

    private Reason reject(String query) {
        return SpSide.reasonOf(() -> sp.singleLogout().validateRequest(query));
    }

    @Test
    void validateRequestWhenUntouchedThenAccepted() {
        assertThat(SpSide.raw(signed, "SigAlg")).isEqualTo(SHA256); // Azure-style lower-case escapes
        assertThat(sp.singleLogout().validateRequest(signed).relayState()).contains("/after");
    }

    @Test
    void validateRequestWhenSamlRequestSwappedForAnotherThenRedirectSignatureInvalid() {
        String other = SpSide.raw(f.idp.logoutRequest().nameId("mallory@contoso.example").relayState("/after")
                .query(), "SAMLRequest");

        assertThat(reject(SpSide.replace(signed, "SAMLRequest", other))).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenRelayStateChangedThenRedirectSignatureInvalid() {
        assertThat(reject(SpSide.replace(signed, "RelayState", "%2fevil"))).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenRelayStateRemovedThenRedirectSignatureInvalid() {
        assertThat(reject(SpSide.without(signed, "RelayState"))).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenRelayStateReEncodedDifferentlyThenRedirectSignatureInvalid() {
        // the same decoded value, other octets: the signature covers the octets as sent
        assertThat(reject(SpSide.replace(signed, "RelayState", "%2Fafter"))).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenSigAlgChangedToAnotherRsaHashThenRedirectSignatureInvalid() {
        assertThat(reject(SpSide.replace(signed, "SigAlg", SHA256.replace("256", "512"))))
                .isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenSigAlgChangedToSha1ThenWeakAlgorithm() {
        assertThat(reject(SpSide.replace(signed, "SigAlg", "http%3a%2f%2fwww.w3.org%2f2000%2f09%2fxmldsig%23rsa-sha1")))
                .isEqualTo(Reason.WEAK_ALGORITHM);
    }

    @Test
    void validateRequestWhenSigAlgIsHmacThenWeakAlgorithm() {
        assertThat(reject(SpSide.replace(signed, "SigAlg", "http%3a%2f%2fwww.w3.org%2f2000%2f09%2fxmldsig%23hmac-sha1")))
                .isEqualTo(Reason.WEAK_ALGORITHM);
    }

    @Test
    void validateRequestWhenParametersReorderedThenRedirectSignatureInvalid() {
        String relay = "RelayState=" + SpSide.raw(signed, "RelayState");
        String reordered = relay + "&" + SpSide.without(signed, "RelayState");

        assertThat(reject(reordered)).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenSigAlgBeforeMessageThenRedirectSignatureInvalid() {
        String reordered = "SigAlg=" + SpSide.raw(signed, "SigAlg") + "&" + SpSide.without(signed, "SigAlg");

        assertThat(reject(reordered)).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenSignatureAfterUnrelatedParametersThenStillAccepted() {
        assertThat(sp.singleLogout().validateRequest("foo=bar&" + signed + "&x=1").signed()).isTrue();
    }

    @Test
    void validateRequestWhenSignatureBytesChangedThenRedirectSignatureInvalid() {
        String sig = SpSide.raw(signed, "Signature");
        String flipped = (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1);

        assertThat(reject(SpSide.replace(signed, "Signature", flipped))).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenSignatureNotBase64ThenRedirectSignatureInvalid() {
        assertThat(reject(SpSide.replace(signed, "Signature", "%21%21%21"))).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenSignatureStrippedButSigAlgKeptThenRedirectSignatureInvalid() {
        assertThat(reject(SpSide.without(signed, "Signature"))).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenSigAlgStrippedThenRedirectSignatureInvalid() {
        assertThat(reject(SpSide.without(signed, "SigAlg"))).isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID);
    }

    @Test
    void validateRequestWhenSignatureAndSigAlgStrippedAndRequiredThenRedirectSignatureMissing() {
        ServiceProvider strict = f.builder().requireSignedLogoutMessages(true).build();
        String stripped = SpSide.without(SpSide.without(signed, "Signature"), "SigAlg");

        assertThat(SpSide.reasonOf(() -> strict.singleLogout().validateRequest(stripped)))
                .isEqualTo(Reason.REDIRECT_SIGNATURE_MISSING);
    }

    @Test
    void validateRequestWhenRawQueryHoldsALiteralQuestionMarkThenStillRead() {
        String query = f.idp.logoutRequest().relayState("/a?b").lowerCaseEscapes(false).query();
        String literal = query.replace("RelayState=%2Fa%3Fb", "RelayState=%2Fa?b");
        ServiceProvider lenient = f.builder().build();

        assertThat(SpSide.reasonOf(() -> lenient.singleLogout().validateRequest(literal)))
                .isEqualTo(Reason.REDIRECT_SIGNATURE_INVALID); // other octets than signed, but parsed, not cut
        assertThat(lenient.singleLogout().validateRequest("?" + query).relayState()).contains("/a?b");
    }

    @Test
    void validateRequestWhenParameterRepeatedThenMalformed() {
        assertThat(reject(signed + "&RelayState=%2fother")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateRequestWhenResponseSentToRequestEndpointThenMalformed() {
        assertThat(reject(signed.replace("SAMLRequest=", "SAMLResponse="))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateRequestWhenEmptyThenMalformed() {
        assertThat(reject("")).isEqualTo(Reason.MALFORMED);
        assertThat(reject("RelayState=x")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateRequestWhenNotDeflatedThenMalformed() {
        String plain = Base64.getEncoder().encodeToString(f.idp.logoutRequest().xml().getBytes(StandardCharsets.UTF_8));

        assertThat(reject("SAMLRequest=" + enc(plain))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateRequestWhenNotBase64ThenMalformed() {
        assertThat(reject("SAMLRequest=%25%25%25")).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateRequestWhenDeflateBombThenTooLarge() {
        String bomb = "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + " ".repeat(400_000) + "</samlp:LogoutRequest>";

        assertThat(reject("SAMLRequest=" + enc(deflated(bomb)))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateRequestWhenQueryStringHugeThenTooLarge() {
        assertThat(reject("SAMLRequest=" + "A".repeat(300_000))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateRequestWhenDoctypeInsideThenDoctypeForbidden() {
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + f.idp.logoutRequest().xml();

        assertThat(reject("SAMLRequest=" + enc(deflated(xml)))).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
    }

    @Test
    void validateRequestWhenEmbeddedXmlSignatureThenMalformed() {
        String xml = f.idp.logoutRequest().xml().replace("</samlp:LogoutRequest>",
                "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\"/></samlp:LogoutRequest>");

        assertThat(reject("SAMLRequest=" + enc(deflated(xml)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateRequestWhenOtherMessageTypeThenMalformed() {
        LogoutRedirect redirect = sp.singleLogout().request(SpSide.alice());
        String response = f.idp.logoutResponse(f.idp.acceptLogoutRequest(redirect.url().toString())).unsigned().xml();

        assertThat(reject("SAMLRequest=" + enc(deflated(response)))).isEqualTo(Reason.MALFORMED);
    }

    private static String enc(String base64) {
        return URLEncoder.encode(base64, StandardCharsets.UTF_8);
    }

    private static String deflated(String xml) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(xml.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!d.finished()) {
            out.write(buffer, 0, d.deflate(buffer));
        }
        d.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}

package dev.fedbroker.testing;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

import dev.fedbroker.testing.internal.JdkSignatureCheck;
import dev.fedbroker.testing.internal.RedirectCodec;
import dev.fedbroker.testing.internal.SecureXml;
import org.w3c.dom.Document;

/** What {@link TestIdentityProvider} does when it receives SP messages. Stateless. */
final class IdpSide {

    private IdpSide() {
    }

    static ReceivedAuthnRequest authnRequest(String redirectUrl, X509Certificate spCertificate) {
        RedirectCodec.Decoded d = RedirectCodec.decode(redirectUrl, "SAMLRequest", spCertificate);
        return ReceivedAuthnRequest.parse(d.xml(), Optional.ofNullable(d.relayState()), d.signed(),
                spCertificate != null);
    }

    static ReceivedAuthnRequest authnRequestPost(String samlRequest, String relayState,
            X509Certificate spCertificate) {
        String xml = new String(Base64.getMimeDecoder().decode(samlRequest), StandardCharsets.UTF_8);
        Document doc = SecureXml.parse(xml);
        boolean signed = doc.getDocumentElement().getElementsByTagNameNS(
                "http://www.w3.org/2000/09/xmldsig#", "Signature").getLength() > 0;
        if (spCertificate != null) {
            JdkSignatureCheck.verifyEnveloped(doc.getDocumentElement(), spCertificate);
        }
        return ReceivedAuthnRequest.parse(xml, Optional.ofNullable(relayState), signed, spCertificate != null);
    }

    static ReceivedLogoutRequest logoutRequest(String redirectUrl, X509Certificate spCertificate) {
        RedirectCodec.Decoded d = RedirectCodec.decode(redirectUrl, "SAMLRequest", spCertificate);
        return ReceivedLogoutRequest.parse(d.xml(), Optional.ofNullable(d.relayState()), d.signed(),
                spCertificate != null);
    }

    static ReceivedLogoutResponse logoutResponse(String redirectUrl, X509Certificate spCertificate) {
        RedirectCodec.Decoded d = RedirectCodec.decode(redirectUrl, "SAMLResponse", spCertificate);
        return ReceivedLogoutResponse.parse(d.xml(), Optional.ofNullable(d.relayState()), d.signed(),
                spCertificate != null);
    }
}

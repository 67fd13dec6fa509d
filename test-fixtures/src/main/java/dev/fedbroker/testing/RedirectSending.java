package dev.fedbroker.testing;

import java.util.Objects;

import dev.fedbroker.testing.internal.RedirectCodec;

/**
 * How a test IdP message travels over HTTP-Redirect: where to, with which RelayState, signed with which key and
 * algorithm, and with Azure's lower-case %-escapes. Shared by the logout builders; mutable, not thread-safe.
 */
final class RedirectSending {

    String sendTo = TestIdentityProvider.DEFAULT_SLO_URL;
    String relayState;
    TestCredential credential;
    boolean signed = true;
    String sigAlg = RedirectCodec.RSA_SHA256;
    boolean lowerCaseEscapes = true;

    RedirectSending(TestCredential credential) {
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    String query(String parameter, String xml) {
        return RedirectCodec.encode(parameter, xml, relayState, signed ? credential.privateKey() : null, sigAlg,
                lowerCaseEscapes);
    }

    String url(String parameter, String xml) {
        return sendTo + (sendTo.contains("?") ? "&" : "?") + query(parameter, xml);
    }
}

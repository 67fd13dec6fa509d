package dev.fedbroker.testing;

import java.util.Objects;
import java.util.Optional;

import dev.fedbroker.testing.internal.Dom;
import dev.fedbroker.testing.internal.Ns;
import dev.fedbroker.testing.internal.SecureXml;
import org.w3c.dom.Element;

/**
 * A LogoutResponse as the test IdP received it from an SP, answering an IdP-initiated LogoutRequest (see
 * {@link TestIdentityProvider#acceptLogoutResponse}). Immutable and thread-safe.
 *
 * @param id           the response ID
 * @param issuer       the Issuer (the SP entity id)
 * @param destination  the Destination attribute, if any
 * @param inResponseTo the InResponseTo attribute, if any
 * @param statusCode   the top-level StatusCode Value
 * @param relayState   the RelayState, if any
 * @param signed       whether SigAlg and Signature were present
 * @param signatureVerified whether the signature was verified with a given SP certificate
 * @param xml          the decoded XML
 */
public record ReceivedLogoutResponse(String id, String issuer, Optional<String> destination,
        Optional<String> inResponseTo, String statusCode, Optional<String> relayState, boolean signed,
        boolean signatureVerified, String xml) {

    /** Validates that nothing is null. */
    public ReceivedLogoutResponse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(relayState, "relayState");
        Objects.requireNonNull(xml, "xml");
    }

    static ReceivedLogoutResponse parse(String xml, Optional<String> relayState, boolean signed, boolean verified) {
        Element root = SecureXml.parse(xml).getDocumentElement();
        if (!Ns.SAMLP.equals(root.getNamespaceURI()) || !"LogoutResponse".equals(root.getLocalName())) {
            throw new IllegalArgumentException("expected a samlp:LogoutResponse, found " + root.getLocalName());
        }
        Element issuer = Dom.firstChild(root, Ns.SAML, "Issuer");
        Element status = Dom.firstChild(root, Ns.SAMLP, "Status");
        Element code = status == null ? null : Dom.firstChild(status, Ns.SAMLP, "StatusCode");
        if (issuer == null || code == null) {
            throw new IllegalArgumentException("expected an Issuer and a Status/StatusCode in the LogoutResponse");
        }
        return new ReceivedLogoutResponse(root.getAttributeNS(null, "ID"), issuer.getTextContent(),
                ReceivedAuthnRequest.attribute(root, "Destination"),
                ReceivedAuthnRequest.attribute(root, "InResponseTo"), code.getAttributeNS(null, "Value"), relayState,
                signed, verified, xml);
    }
}

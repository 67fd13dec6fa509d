package dev.fedbroker.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.fedbroker.testing.internal.Dom;
import dev.fedbroker.testing.internal.Ns;
import dev.fedbroker.testing.internal.SecureXml;
import org.w3c.dom.Element;

/**
 * A LogoutRequest as the test IdP received it from an SP (see {@link TestIdentityProvider#acceptLogoutRequest}).
 * Immutable and thread-safe.
 *
 * @param id             the request ID (becomes the LogoutResponse's InResponseTo)
 * @param issuer         the Issuer (the SP entity id)
 * @param destination    the Destination attribute, if any
 * @param nameId         the NameID text
 * @param nameIdFormat   the NameID Format, if any
 * @param sessionIndexes the SessionIndex values
 * @param relayState     the RelayState, if any (returned with the LogoutResponse)
 * @param signed         whether SigAlg and Signature were present
 * @param signatureVerified whether the signature was verified with a given SP certificate
 * @param xml            the decoded XML
 */
public record ReceivedLogoutRequest(String id, String issuer, Optional<String> destination, String nameId,
        Optional<String> nameIdFormat, List<String> sessionIndexes, Optional<String> relayState, boolean signed,
        boolean signatureVerified, String xml) {

    /** Validates that nothing is null. */
    public ReceivedLogoutRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(nameId, "nameId");
        sessionIndexes = List.copyOf(sessionIndexes);
        Objects.requireNonNull(relayState, "relayState");
        Objects.requireNonNull(xml, "xml");
    }

    static ReceivedLogoutRequest parse(String xml, Optional<String> relayState, boolean signed, boolean verified) {
        Element root = SecureXml.parse(xml).getDocumentElement();
        if (!Ns.SAMLP.equals(root.getNamespaceURI()) || !"LogoutRequest".equals(root.getLocalName())) {
            throw new IllegalArgumentException("expected a samlp:LogoutRequest, found " + root.getLocalName());
        }
        Element issuer = Dom.firstChild(root, Ns.SAML, "Issuer");
        Element nameId = Dom.firstChild(root, Ns.SAML, "NameID");
        if (issuer == null || nameId == null) {
            throw new IllegalArgumentException("expected an Issuer and a NameID in the LogoutRequest");
        }
        List<String> indexes = new ArrayList<>();
        Dom.descendants(root, Ns.SAMLP, "SessionIndex").forEach(e -> indexes.add(e.getTextContent()));
        return new ReceivedLogoutRequest(root.getAttributeNS(null, "ID"), issuer.getTextContent(),
                ReceivedAuthnRequest.attribute(root, "Destination"), nameId.getTextContent(),
                ReceivedAuthnRequest.attribute(nameId, "Format"), indexes, relayState, signed, verified, xml);
    }
}

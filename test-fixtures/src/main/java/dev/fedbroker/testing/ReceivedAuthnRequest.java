package dev.fedbroker.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.fedbroker.testing.internal.Dom;
import dev.fedbroker.testing.internal.Ns;
import dev.fedbroker.testing.internal.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An AuthnRequest as the test IdP received it (see {@link TestIdentityProvider#acceptAuthnRequest(String)}): every
 * field a test wants to assert on, read with the JDK's DOM. Immutable and thread-safe.
 *
 * @param id                    the request ID (becomes InResponseTo)
 * @param issuer                the Issuer (the SP entity id; becomes the Audience)
 * @param destination           the Destination attribute, if any
 * @param assertionConsumerServiceUrl the AssertionConsumerServiceURL, if any
 * @param protocolBinding       the ProtocolBinding, if any
 * @param version               the Version attribute
 * @param issueInstant          the IssueInstant
 * @param forceAuthn            ForceAuthn="true"
 * @param passive               IsPassive="true"
 * @param nameIdPolicyFormat    the NameIDPolicy Format, if a NameIDPolicy is present
 * @param authnContextComparison the RequestedAuthnContext Comparison, if present ("exact" when absent in XML)
 * @param authnContextClassRefs the requested AuthnContextClassRef values
 * @param hasSubject            whether a Subject element is present (Azure AD rejects one)
 * @param relayState            the RelayState, if any
 * @param signed                whether a signature was present (redirect: SigAlg + Signature; POST: ds:Signature)
 * @param signatureVerified     whether that signature was verified with a given SP certificate
 * @param xml                   the decoded XML
 */
public record ReceivedAuthnRequest(String id, String issuer, Optional<String> destination,
        Optional<String> assertionConsumerServiceUrl, Optional<String> protocolBinding, String version,
        Instant issueInstant, boolean forceAuthn, boolean passive, Optional<String> nameIdPolicyFormat,
        Optional<String> authnContextComparison, List<String> authnContextClassRefs, boolean hasSubject,
        Optional<String> relayState, boolean signed, boolean signatureVerified, String xml) {

    /** Validates that nothing is null. */
    public ReceivedAuthnRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issueInstant, "issueInstant");
        authnContextClassRefs = List.copyOf(authnContextClassRefs);
        Objects.requireNonNull(relayState, "relayState");
        Objects.requireNonNull(xml, "xml");
    }

    static ReceivedAuthnRequest parse(String xml, Optional<String> relayState, boolean signed, boolean verified) {
        Document doc = SecureXml.parse(xml);
        Element root = doc.getDocumentElement();
        if (!Ns.SAMLP.equals(root.getNamespaceURI()) || !"AuthnRequest".equals(root.getLocalName())) {
            throw new IllegalArgumentException("expected a samlp:AuthnRequest, found " + root.getLocalName());
        }
        Element issuer = Dom.firstChild(root, Ns.SAML, "Issuer");
        if (issuer == null) {
            throw new IllegalArgumentException("expected an Issuer in the AuthnRequest");
        }
        Element policy = Dom.firstChild(root, Ns.SAMLP, "NameIDPolicy");
        Element context = Dom.firstChild(root, Ns.SAMLP, "RequestedAuthnContext");
        List<String> refs = new ArrayList<>();
        if (context != null) {
            Dom.descendants(context, Ns.SAML, "AuthnContextClassRef").forEach(e -> refs.add(e.getTextContent()));
        }
        return new ReceivedAuthnRequest(root.getAttributeNS(null, "ID"), issuer.getTextContent(),
                attribute(root, "Destination"), attribute(root, "AssertionConsumerServiceURL"),
                attribute(root, "ProtocolBinding"), root.getAttributeNS(null, "Version"),
                Instant.parse(root.getAttributeNS(null, "IssueInstant")),
                "true".equals(root.getAttributeNS(null, "ForceAuthn")),
                "true".equals(root.getAttributeNS(null, "IsPassive")),
                policy == null ? Optional.empty() : attribute(policy, "Format"),
                context == null ? Optional.empty() : Optional.of(attribute(context, "Comparison").orElse("exact")),
                refs, Dom.firstChild(root, Ns.SAML, "Subject") != null, relayState, signed, verified, xml);
    }

    static Optional<String> attribute(Element e, String name) {
        return e.hasAttributeNS(null, name) ? Optional.of(e.getAttributeNS(null, name)) : Optional.empty();
    }
}

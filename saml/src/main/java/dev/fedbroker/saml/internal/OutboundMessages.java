package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.AuthnRequestOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The XML of the messages the SP sends: AuthnRequest, LogoutRequest and LogoutResponse, in SAML schema order and in
 * the shape Azure AD accepts (DOMAIN.md 1.9, 1.11): Version 2.0, an ID that starts with a letter or underscore, the SP
 * entity id as Issuer, never a Subject. Stateless and thread-safe.
 */
public final class OutboundMessages {

    static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String LOGOUT_USER = "urn:oasis:names:tc:SAML:2.0:logout:user";

    private OutboundMessages() {
    }

    /** An AuthnRequest asking for an HTTP-POST response to {@code acs}; signed (enveloped) when a key is given. */
    public static byte[] authnRequest(String id, Instant now, String destination, SpSettings sp,
                                      AuthnRequestOptions options, boolean signEnveloped) {
        Element root = start("samlp:AuthnRequest", id, now, destination, sp.entityId());
        root.setAttributeNS(null, "AssertionConsumerServiceURL", sp.assertionConsumerService());
        root.setAttributeNS(null, "ProtocolBinding", POST_BINDING);
        if (options.forceAuthn()) {
            root.setAttributeNS(null, "ForceAuthn", "true");
        }
        if (options.passive()) {
            root.setAttributeNS(null, "IsPassive", "true");
        }
        options.nameIdFormat().ifPresent(f ->
                XmlOut.append(root, Names.PROTOCOL, "samlp:NameIDPolicy").setAttributeNS(null, "Format", f.uri()));
        if (!options.authnContextClassRefs().isEmpty()) {
            Element requested = XmlOut.append(root, Names.PROTOCOL, "samlp:RequestedAuthnContext");
            requested.setAttributeNS(null, "Comparison", "exact");
            for (String ref : options.authnContextClassRefs()) {
                XmlOut.appendText(requested, Names.ASSERTION, "saml:AuthnContextClassRef", ref);
            }
        }
        if (signEnveloped) {
            EnvelopedSigner.sign(root, sp.signingKey().orElseThrow(), sp.signingCertificates().get(0));
        }
        return XmlOut.serialize(root.getOwnerDocument());
    }

    /** A LogoutRequest for one NameID and its session indexes (Azure ignores the NameID but requires it). */
    public static byte[] logoutRequest(String id, Instant now, String destination, SpSettings sp, String nameId,
                                       String nameIdFormat, List<String> sessionIndexes) {
        Element root = start("samlp:LogoutRequest", id, now, destination, sp.entityId());
        root.setAttributeNS(null, "Reason", LOGOUT_USER);
        Element name = XmlOut.appendText(root, Names.ASSERTION, "saml:NameID", nameId);
        name.setAttributeNS(null, "Format", nameIdFormat);
        for (String index : sessionIndexes) {
            XmlOut.appendText(root, Names.PROTOCOL, "samlp:SessionIndex", index);
        }
        return XmlOut.serialize(root.getOwnerDocument());
    }

    /** A LogoutResponse answering {@code inResponseTo} with {@code statusCode} (and an optional second level). */
    public static byte[] logoutResponse(String id, Instant now, String destination, SpSettings sp,
                                        String inResponseTo, String statusCode, Optional<String> subStatus) {
        Element root = start("samlp:LogoutResponse", id, now, destination, sp.entityId());
        root.setAttributeNS(null, "InResponseTo", inResponseTo);
        Element code = XmlOut.append(XmlOut.append(root, Names.PROTOCOL, "samlp:Status"), Names.PROTOCOL,
                "samlp:StatusCode");
        code.setAttributeNS(null, "Value", statusCode);
        subStatus.ifPresent(s -> XmlOut.append(code, Names.PROTOCOL, "samlp:StatusCode").setAttributeNS(null,
                "Value", s));
        return XmlOut.serialize(root.getOwnerDocument());
    }

    private static Element start(String name, String id, Instant now, String destination, String issuer) {
        Element root = XmlOut.root(Names.PROTOCOL, name);
        XmlOut.declare(root, "saml:x", Names.ASSERTION);
        root.setAttributeNS(null, "ID", id);
        root.setAttributeNS(null, "Version", "2.0");
        root.setAttributeNS(null, "IssueInstant", XmlOut.instant(now));
        root.setAttributeNS(null, "Destination", destination);
        XmlOut.appendText(root, Names.ASSERTION, "saml:Issuer", issuer);
        return root;
    }
}

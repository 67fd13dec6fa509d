package dev.fedbroker.testing.internal;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes federation metadata as Azure AD serves it: one line, default metadata namespace, an optional enveloped
 * Signature first, two WS-Federation RoleDescriptors, then the IDPSSODescriptor with a signing KeyDescriptor per
 * certificate, SingleLogoutService (Redirect) and SingleSignOnService (Redirect, then POST). Stateless and
 * thread-safe.
 */
public final class FederationMetadata {

    private static final String WSFED = "http://docs.oasis-open.org/wsfed/federation/200706";
    private static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    /** A shortened version of the ClaimTypesOffered list Azure publishes: {uri, display name, description}. */
    private static final String[][] CLAIMS = {
        {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name", "Name", "The mutable display name of the user."},
        {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier", "Subject",
            "An immutable, globally unique, non-reusable identifier of the user that is unique to the application for "
            + "which a token is issued."},
        {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname", "Given Name", "First name of the user."},
        {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "Surname", "Last name of the user."},
        {"http://schemas.microsoft.com/identity/claims/displayname", "Display Name", "Display name of the user."},
        {"http://schemas.microsoft.com/identity/claims/objectidentifier", "ObjectIdentifier",
            "Primary identifier for the user in the directory. Immutable, globally unique, non-reusable."},
        {"http://schemas.microsoft.com/identity/claims/tenantid", "TenantId", "Identifier for the user's tenant."},
        {"http://schemas.microsoft.com/identity/claims/identityprovider", "IdentityProvider",
            "Identity provider for the user."},
        {"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress", "Email", "Email address of the user."},
        {"http://schemas.microsoft.com/ws/2008/06/identity/claims/groups", "Groups", "Groups of the user."},
        {"http://schemas.microsoft.com/claims/groups.link", "GroupsOverageClaim",
            "Issued when number of user's group claims exceeds return limit."},
        {"http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "Role Claim",
            "Roles that the user or Service Principal is attached to"},
    };

    private FederationMetadata() {
    }

    /**
     * The metadata document as text with an XML declaration.
     *
     * @param signWith null for an unsigned document
     */
    public static String write(String entityId, String tenantId, String ssoUrl, List<X509Certificate> certificates,
            SignatureSpec signWith) {
        Document doc = Dom.newDocument();
        Element root = Dom.declare(doc.createElementNS(Ns.MD, "EntityDescriptor"), "", Ns.MD);
        doc.appendChild(root);
        root.setAttributeNS(null, "ID", "_" + UUID.randomUUID());
        root.setAttributeNS(null, "entityID", entityId);
        List<String> certs = new ArrayList<>();
        certificates.forEach(c -> certs.add(base64(c)));
        String wsfed = "https://login.microsoftonline.com/" + tenantId + "/wsfed";

        Element sts = roleDescriptor(root, "fed:SecurityTokenServiceType", certs);
        Element offered = Dom.append(sts, WSFED, "fed:ClaimTypesOffered");
        for (String[] claim : CLAIMS) {
            Element type = Dom.declare(Dom.append(offered, Ns.AUTH, "auth:ClaimType"), "auth", Ns.AUTH);
            type.setAttributeNS(null, "Uri", claim[0]);
            Dom.appendText(type, Ns.AUTH, "auth:DisplayName", claim[1]);
            Dom.appendText(type, Ns.AUTH, "auth:Description", claim[2]);
        }
        endpoint(Dom.append(sts, WSFED, "fed:SecurityTokenServiceEndpoint"), wsfed);
        endpoint(Dom.append(sts, WSFED, "fed:PassiveRequestorEndpoint"), wsfed);

        Element app = roleDescriptor(root, "fed:ApplicationServiceType", certs);
        endpoint(Dom.append(app, WSFED, "fed:TargetScopes"), entityId);
        endpoint(Dom.append(app, WSFED, "fed:ApplicationServiceEndpoint"), wsfed);
        endpoint(Dom.append(app, WSFED, "fed:PassiveRequestorEndpoint"), wsfed);

        Element idp = Dom.append(root, Ns.MD, "IDPSSODescriptor");
        idp.setAttributeNS(null, "protocolSupportEnumeration", "urn:oasis:names:tc:SAML:2.0:protocol");
        keyDescriptors(idp, certs);
        service(idp, "SingleLogoutService", REDIRECT, ssoUrl);
        service(idp, "SingleSignOnService", REDIRECT, ssoUrl);
        service(idp, "SingleSignOnService", POST, ssoUrl);

        if (signWith != null) {
            EnvelopedSigner.sign(root, signWith);
        }
        return XmlText.serializeWithDeclaration(doc);
    }

    private static Element roleDescriptor(Element root, String type, List<String> certs) {
        Element role = Dom.append(root, Ns.MD, "RoleDescriptor");
        role.setAttributeNS(Ns.XSI, "xsi:type", type);
        role.setAttributeNS(null, "protocolSupportEnumeration", WSFED);
        Dom.declare(role, "xsi", Ns.XSI);
        Dom.declare(role, "fed", WSFED);
        keyDescriptors(role, certs);
        return role;
    }

    private static void keyDescriptors(Element parent, List<String> certs) {
        for (String cert : certs) {
            Element descriptor = Dom.append(parent, Ns.MD, "KeyDescriptor");
            descriptor.setAttributeNS(null, "use", "signing");
            Element keyInfo = Dom.declare(Dom.append(descriptor, Ns.DS, "KeyInfo"), "", Ns.DS);
            Dom.appendText(Dom.append(keyInfo, Ns.DS, "X509Data"), Ns.DS, "X509Certificate", cert);
        }
    }

    private static void endpoint(Element parent, String address) {
        Element reference = Dom.declare(Dom.append(parent, Ns.WSA, "wsa:EndpointReference"), "wsa", Ns.WSA);
        Dom.appendText(reference, Ns.WSA, "wsa:Address", address);
    }

    private static void service(Element parent, String name, String binding, String location) {
        Element service = Dom.append(parent, Ns.MD, name);
        service.setAttributeNS(null, "Binding", binding);
        service.setAttributeNS(null, "Location", location);
    }

    private static String base64(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("could not encode a signing certificate", e);
        }
    }
}

package dev.fedbroker.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fedbroker.testing.internal.AssertionEncryptor;
import dev.fedbroker.testing.internal.Dom;
import dev.fedbroker.testing.internal.EncryptionSpec;
import dev.fedbroker.testing.internal.EnvelopedSigner;
import dev.fedbroker.testing.internal.Ns;
import dev.fedbroker.testing.internal.ReferenceStyle;
import dev.fedbroker.testing.internal.SignatureSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Turns a {@link ResponseBuilder}'s settings into a signed DOM in Azure AD's layout. Stateless. */
final class AzureResponseAssembler {

    /** Azure writes instants with exactly three fractional digits. */
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";

    private AzureResponseAssembler() {
    }

    static Document assemble(ResponseBuilder b) {
        Instant now = b.idp.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        Document doc = Dom.newDocument();
        Element response = Dom.declare(doc.createElementNS(Ns.SAMLP, "samlp:Response"), "samlp", Ns.SAMLP);
        doc.appendChild(response);
        response.setAttributeNS(null, "ID", b.responseId);
        response.setAttributeNS(null, "Version", "2.0");
        response.setAttributeNS(null, "IssueInstant", format(or(b.issueInstant, now)));
        response.setAttributeNS(null, "Destination", or(b.destination, b.idp.acsUrl()));
        if (b.inResponseTo != null) {
            response.setAttributeNS(null, "InResponseTo", b.inResponseTo);
        }
        Element issuer = Dom.appendText(response, Ns.SAML, "Issuer", or(b.responseIssuer, b.idp.entityId()));
        Dom.declare(issuer, "", Ns.SAML);
        Element status = Dom.append(response, Ns.SAMLP, "samlp:Status");
        Dom.append(status, Ns.SAMLP, "samlp:StatusCode").setAttributeNS(null, "Value", b.statusCode);
        if (b.statusMessage != null) {
            Dom.appendText(status, Ns.SAMLP, "samlp:StatusMessage", b.statusMessage);
        }
        if (b.includeAssertion) {
            Element assertion = assertion(b, response, now);
            if (b.signAssertion) {
                EnvelopedSigner.sign(assertion, signatureSpec(b, b.referenceStyle));
            }
            if (b.encryptFor != null) {
                AssertionEncryptor.encrypt(assertion, new EncryptionSpec(b.encryptFor, b.contentEncryption,
                        b.keyTransport, b.includeRecipientCertificate));
            }
        }
        if (b.signResponse) {
            EnvelopedSigner.sign(response, signatureSpec(b, ReferenceStyle.ENVELOPED));
        }
        Dom.registerIds(doc);
        return doc;
    }

    private static Element assertion(ResponseBuilder b, Element response, Instant now) {
        Element assertion = Dom.append(response, Ns.SAML, "Assertion");
        Dom.declare(assertion, "", Ns.SAML);
        assertion.setAttributeNS(null, "ID", b.assertionId);
        assertion.setAttributeNS(null, "IssueInstant", format(or(b.issueInstant, now)));
        assertion.setAttributeNS(null, "Version", "2.0");
        Dom.appendText(assertion, Ns.SAML, "Issuer", or(b.assertionIssuer, b.idp.entityId()));

        Element subject = Dom.append(assertion, Ns.SAML, "Subject");
        Element nameId = Dom.appendText(subject, Ns.SAML, "NameID", b.nameId);
        nameId.setAttributeNS(null, "Format", b.nameIdFormat);
        Element confirmation = Dom.append(subject, Ns.SAML, "SubjectConfirmation");
        confirmation.setAttributeNS(null, "Method", BEARER);
        Element data = Dom.append(confirmation, Ns.SAML, "SubjectConfirmationData");
        if (b.inResponseTo != null) {
            data.setAttributeNS(null, "InResponseTo", b.inResponseTo);
        }
        data.setAttributeNS(null, "NotOnOrAfter",
                format(or(b.subjectConfirmationNotOnOrAfter, now.plus(Duration.ofMinutes(5)))));
        data.setAttributeNS(null, "Recipient", or(b.recipient, b.idp.acsUrl()));

        Element conditions = Dom.append(assertion, Ns.SAML, "Conditions");
        conditions.setAttributeNS(null, "NotBefore", format(or(b.notBefore, now.minus(Duration.ofMinutes(5)))));
        conditions.setAttributeNS(null, "NotOnOrAfter", format(or(b.notOnOrAfter, now.plus(Duration.ofMinutes(70)))));
        Element restriction = Dom.append(conditions, Ns.SAML, "AudienceRestriction");
        Dom.appendText(restriction, Ns.SAML, "Audience", or(b.audience, b.idp.spEntityId()));

        Map<String, List<String>> attributes = attributes(b);
        if (!attributes.isEmpty()) {
            Element statement = Dom.append(assertion, Ns.SAML, "AttributeStatement");
            attributes.forEach((name, values) -> {
                Element attribute = Dom.append(statement, Ns.SAML, "Attribute");
                attribute.setAttributeNS(null, "Name", name);
                values.forEach(v -> Dom.appendText(attribute, Ns.SAML, "AttributeValue", v));
            });
        }

        Element authn = Dom.append(assertion, Ns.SAML, "AuthnStatement");
        authn.setAttributeNS(null, "AuthnInstant", format(or(b.authnInstant, now.minus(Duration.ofMinutes(1)))));
        authn.setAttributeNS(null, "SessionIndex", or(b.sessionIndex, b.assertionId));
        Element context = Dom.append(authn, Ns.SAML, "AuthnContext");
        Dom.appendText(context, Ns.SAML, "AuthnContextClassRef", b.authnContextClassRef);
        return assertion;
    }

    /** The claims in the order Azure AD writes them, then custom ones; custom values replace standard ones in place. */
    static Map<String, List<String>> attributes(ResponseBuilder b) {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        claims.put(AzureClaims.TENANT_ID, List.of(b.idp.tenantId()));
        claims.put(AzureClaims.OBJECT_ID, List.of(b.objectId));
        claims.put(AzureClaims.DISPLAY_NAME, List.of(b.displayName));
        claims.put(AzureClaims.IDENTITY_PROVIDER, List.of(b.idp.entityId()));
        putIfAny(claims, AzureClaims.AUTHN_METHODS, b.authnMethods);
        putIfAny(claims, AzureClaims.ROLE, b.roles);
        claims.put(AzureClaims.GIVEN_NAME, List.of(b.givenName));
        claims.put(AzureClaims.SURNAME, List.of(b.surname));
        claims.put(AzureClaims.EMAIL, List.of(b.email));
        claims.put(AzureClaims.NAME, List.of(b.upn));
        if (b.groupsOverage) {
            claims.put(AzureClaims.GROUPS_LINK, List.of("https://graph.windows.net/" + b.idp.tenantId() + "/users/"
                    + b.objectId + "/getMemberObjects"));
        } else {
            putIfAny(claims, AzureClaims.GROUPS, b.groups);
        }
        putIfAny(claims, AzureClaims.AWS_ROLE, b.awsRoles);
        claims.putAll(b.customAttributes);
        claims.keySet().removeAll(b.removedAttributes);
        return claims;
    }

    private static SignatureSpec signatureSpec(ResponseBuilder b, ReferenceStyle style) {
        TestCredential credential = b.effectiveSigningCredential();
        return new SignatureSpec(credential.privateKey(), credential.certificate(), b.includeKeyInfo,
                b.signatureAlgorithm, b.digestAlgorithm, style);
    }

    private static void putIfAny(Map<String, List<String>> claims, String name, List<String> values) {
        if (!values.isEmpty()) {
            claims.put(name, new ArrayList<>(values));
        }
    }

    static String format(Instant instant) {
        return INSTANT.format(instant);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}

package dev.fedbroker.saml.internal;

import dev.fedbroker.core.Identity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/** Step 9: a validated assertion to core's {@link Identity}, by Azure AD claim URI (DOMAIN.md 1.5 and 1.6). */
final class ClaimsMapper {

    static final String TENANT_ID = "http://schemas.microsoft.com/identity/claims/tenantid";
    static final String OBJECT_ID = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    static final String NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    static final String EMAIL = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress";
    static final String DISPLAY_NAME = "http://schemas.microsoft.com/identity/claims/displayname";
    static final String GIVEN_NAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname";
    static final String SURNAME = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname";
    static final String GROUPS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups";
    static final String GROUPS_LINK = "http://schemas.microsoft.com/claims/groups.link";
    static final String ROLE = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    static final String AWS_ROLE = "https://aws.amazon.com/SAML/Attributes/Role";
    static final String AUTHN_METHODS = "http://schemas.microsoft.com/claims/authnmethodsreferences";

    private ClaimsMapper() {
    }

    static Identity identity(Element assertion) {
        Element subject = Dom.child(assertion, Names.ASSERTION, "Subject").orElseThrow();
        Element nameId = Dom.child(subject, Names.ASSERTION, "NameID").orElseThrow();
        Map<String, List<String>> attributes = attributes(assertion);
        Identity.Builder b = Identity.builder(Dom.simpleText(nameId))
                .nameIdFormat(Dom.attribute(nameId, "Format").orElse(Identity.UNSPECIFIED_FORMAT))
                .issuer(Dom.child(assertion, Names.ASSERTION, "Issuer").map(Dom::simpleText).orElse(null))
                .tenantId(first(attributes, TENANT_ID))
                .objectId(first(attributes, OBJECT_ID))
                .upn(first(attributes, NAME))
                .email(first(attributes, EMAIL))
                .displayName(first(attributes, DISPLAY_NAME))
                .givenName(first(attributes, GIVEN_NAME))
                .surname(first(attributes, SURNAME))
                .groups(attributes.getOrDefault(GROUPS, List.of()))
                .roles(attributes.getOrDefault(ROLE, List.of()))
                .roles(attributes.getOrDefault(AWS_ROLE, List.of()))
                .authnMethods(attributes.getOrDefault(AUTHN_METHODS, List.of()))
                .groupsOverage(attributes.containsKey(GROUPS_LINK))
                .assertionId(Dom.attribute(assertion, "ID").orElse(null));
        Dom.child(assertion, Names.ASSERTION, "AuthnStatement").flatMap(a -> Dom.attribute(a, "SessionIndex"))
                .ifPresent(b::sessionIndex);
        Dom.child(assertion, Names.ASSERTION, "Conditions").flatMap(c -> Dom.instant(c, "NotOnOrAfter"))
                .ifPresent(b::validUntil);
        attributes.forEach(b::attribute);
        return b.build();
    }

    /** Every Attribute of every AttributeStatement, values in document order; nil values skipped. */
    private static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element statement : Dom.children(assertion, Names.ASSERTION, "AttributeStatement")) {
            for (Element attribute : Dom.children(statement, Names.ASSERTION, "Attribute")) {
                Optional<String> name = Dom.attribute(attribute, "Name");
                if (name.isEmpty()) {
                    continue;
                }
                List<String> values = out.computeIfAbsent(name.get(), k -> new ArrayList<>());
                for (Element value : Dom.children(attribute, Names.ASSERTION, "AttributeValue")) {
                    if (!isNil(value)) {
                        values.add(Dom.text(value));
                    }
                }
            }
        }
        return out;
    }

    /** xs:boolean true has two lexical forms, "true" and "1" (whitespace collapsed): both mean "no value". */
    private static boolean isNil(Element value) {
        String nil = value.getAttributeNS(Names.XSI, "nil").strip();
        return "true".equals(nil) || "1".equals(nil);
    }

    private static String first(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}

package dev.fedbroker.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who signed in, as a validated SAML assertion (or a test) describes them. Immutable and thread-safe; no component is
 * ever null: absent values are empty {@link Optional}s or empty lists.
 *
 * @param issuer        the assertion's Issuer, e.g. {@code https://sts.windows.net/<tenant>/}
 * @param nameId        the Subject's NameID text, exactly as sent
 * @param nameIdFormat  the NameID Format URI ({@code ...:unspecified} when the assertion gave none)
 * @param tenantId      Azure's {@code tenantid} claim
 * @param objectId      Azure's {@code objectidentifier} claim: the user's immutable object id
 * @param upn           Azure's {@code name} claim (the user principal name)
 * @param email         Azure's {@code emailaddress} claim
 * @param displayName   Azure's {@code displayname} claim
 * @param givenName     Azure's {@code givenname} claim
 * @param surname       Azure's {@code surname} claim
 * @param groups        the {@code groups} claim values (object ids or names), in document order, without duplicates
 * @param roles         values of the {@code .../identity/claims/role} and AWS {@code Role} claims, in document order,
 *                      without duplicates
 * @param authnMethods  the {@code authnmethodsreferences} claim values
 * @param groupsOverage true when Azure sent the {@code groups.link} overage claim instead of the groups
 * @param sessionIndex  the AuthnStatement's SessionIndex
 * @param assertionId   the assertion's ID
 * @param validUntil    the assertion's Conditions NotOnOrAfter
 * @param attributes    every attribute of the assertion by name, values in document order (for session tags)
 */
public record Identity(
        Optional<String> issuer,
        String nameId,
        String nameIdFormat,
        Optional<String> tenantId,
        Optional<String> objectId,
        Optional<String> upn,
        Optional<String> email,
        Optional<String> displayName,
        Optional<String> givenName,
        Optional<String> surname,
        List<String> groups,
        List<String> roles,
        List<String> authnMethods,
        boolean groupsOverage,
        Optional<String> sessionIndex,
        Optional<String> assertionId,
        Optional<Instant> validUntil,
        Map<String, List<String>> attributes) {

    /** NameID format used when the assertion names none. */
    public static final String UNSPECIFIED_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
    /** The value Azure AD puts in {@code authnmethodsreferences} after multi-factor authentication. */
    public static final String AZURE_MFA_METHOD = "http://schemas.microsoft.com/claims/multipleauthn";

    public Identity {
        Objects.requireNonNull(nameId, "nameId");
        if (nameId.isBlank()) {
            throw new IllegalArgumentException("nameId must not be blank");
        }
        nameIdFormat = nameIdFormat == null || nameIdFormat.isBlank() ? UNSPECIFIED_FORMAT : nameIdFormat;
        issuer = Objects.requireNonNull(issuer, "issuer");
        tenantId = Objects.requireNonNull(tenantId, "tenantId");
        objectId = Objects.requireNonNull(objectId, "objectId");
        upn = Objects.requireNonNull(upn, "upn");
        email = Objects.requireNonNull(email, "email");
        displayName = Objects.requireNonNull(displayName, "displayName");
        givenName = Objects.requireNonNull(givenName, "givenName");
        surname = Objects.requireNonNull(surname, "surname");
        groups = distinct(groups, "groups");
        roles = distinct(roles, "roles");
        authnMethods = distinct(authnMethods, "authnMethods");
        sessionIndex = Objects.requireNonNull(sessionIndex, "sessionIndex");
        assertionId = Objects.requireNonNull(assertionId, "assertionId");
        validUntil = Objects.requireNonNull(validUntil, "validUntil");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(attributes, "attributes").forEach((k, v) -> copy.put(k, List.copyOf(v)));
        attributes = java.util.Collections.unmodifiableMap(copy);
    }

    /** True when the authentication methods include Azure AD's multi-factor marker. */
    public boolean hasMfa() {
        return authnMethods.contains(AZURE_MFA_METHOD);
    }

    /** A builder for identities; only {@code nameId} is required. Not thread-safe. */
    public static Builder builder(String nameId) {
        return new Builder(nameId);
    }

    private static List<String> distinct(List<String> values, String name) {
        Objects.requireNonNull(values, name);
        return List.copyOf(new LinkedHashSet<>(values));
    }

    /** Builds an {@link Identity}. Not thread-safe; {@link #build()} yields an immutable value. */
    public static final class Builder {
        private final String nameId;
        private String nameIdFormat = UNSPECIFIED_FORMAT;
        private String issuer;
        private String tenantId;
        private String objectId;
        private String upn;
        private String email;
        private String displayName;
        private String givenName;
        private String surname;
        private final List<String> groups = new ArrayList<>();
        private final List<String> roles = new ArrayList<>();
        private final List<String> authnMethods = new ArrayList<>();
        private boolean groupsOverage;
        private String sessionIndex;
        private String assertionId;
        private Instant validUntil;
        private final Map<String, List<String>> attributes = new LinkedHashMap<>();

        private Builder(String nameId) {
            this.nameId = nameId;
        }

        public Builder nameIdFormat(String v) { this.nameIdFormat = v; return this; }
        public Builder issuer(String v) { this.issuer = v; return this; }
        public Builder tenantId(String v) { this.tenantId = v; return this; }
        public Builder objectId(String v) { this.objectId = v; return this; }
        public Builder upn(String v) { this.upn = v; return this; }
        public Builder email(String v) { this.email = v; return this; }
        public Builder displayName(String v) { this.displayName = v; return this; }
        public Builder givenName(String v) { this.givenName = v; return this; }
        public Builder surname(String v) { this.surname = v; return this; }
        public Builder groups(List<String> v) { this.groups.addAll(v); return this; }
        public Builder roles(List<String> v) { this.roles.addAll(v); return this; }
        public Builder authnMethods(List<String> v) { this.authnMethods.addAll(v); return this; }
        public Builder groupsOverage(boolean v) { this.groupsOverage = v; return this; }
        public Builder sessionIndex(String v) { this.sessionIndex = v; return this; }
        public Builder assertionId(String v) { this.assertionId = v; return this; }
        public Builder validUntil(Instant v) { this.validUntil = v; return this; }
        public Builder attribute(String name, List<String> values) { this.attributes.put(name, List.copyOf(values)); return this; }

        public Identity build() {
            return new Identity(Optional.ofNullable(issuer), nameId, nameIdFormat, Optional.ofNullable(tenantId),
                    Optional.ofNullable(objectId), Optional.ofNullable(upn), Optional.ofNullable(email),
                    Optional.ofNullable(displayName), Optional.ofNullable(givenName), Optional.ofNullable(surname),
                    groups, roles, authnMethods, groupsOverage, Optional.ofNullable(sessionIndex),
                    Optional.ofNullable(assertionId), Optional.ofNullable(validUntil), attributes);
        }
    }
}

package dev.fedbroker.scim.internal;

import static dev.fedbroker.scim.ScimAttribute.Type.BINARY;
import static dev.fedbroker.scim.ScimAttribute.Type.BOOLEAN;
import static dev.fedbroker.scim.ScimAttribute.Type.DATE_TIME;
import static dev.fedbroker.scim.ScimAttribute.Type.REFERENCE;
import static dev.fedbroker.scim.ScimAttribute.Type.STRING;

import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimAttribute.Mutability;
import dev.fedbroker.scim.ScimAttribute.Returned;
import dev.fedbroker.scim.ScimAttribute.Uniqueness;
import dev.fedbroker.scim.ScimSchema;
import java.util.List;

/** The RFC 7643 schemas: core User, Enterprise User extension, Group, and the common attributes. */
public final class StandardSchemas {
    public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /** id, externalId and meta: part of every resource, listed in no schema (RFC 7643 section 3.1). */
    public static final List<ScimAttribute> COMMON = List.of(
            ScimAttribute.of("id", STRING).withCaseExact().withMutability(Mutability.READ_ONLY)
                    .withReturned(Returned.ALWAYS).withUniqueness(Uniqueness.SERVER)
                    .withDescription("Unique identifier for the SCIM resource as defined by the service provider."),
            ScimAttribute.of("externalId", STRING).withCaseExact()
                    .withDescription("Identifier for the resource as defined by the provisioning client."),
            ScimAttribute.complex("meta",
                    readOnly(ScimAttribute.of("resourceType", STRING).withCaseExact()),
                    readOnly(ScimAttribute.of("created", DATE_TIME)),
                    readOnly(ScimAttribute.of("lastModified", DATE_TIME)),
                    readOnly(ScimAttribute.of("location", REFERENCE).withCaseExact().withReferenceTypes("uri")),
                    readOnly(ScimAttribute.of("version", STRING).withCaseExact()))
                    .withMutability(Mutability.READ_ONLY).withDescription("Resource metadata."));

    public static final ScimSchema USER = new ScimSchema(USER_URN, "User", "User Account", List.of(
            ScimAttribute.of("userName", STRING).withRequired().withUniqueness(Uniqueness.SERVER)
                    .withDescription("Unique identifier for the User, typically used to directly authenticate."),
            ScimAttribute.complex("name",
                    str("formatted"), str("familyName"), str("givenName"), str("middleName"),
                    str("honorificPrefix"), str("honorificSuffix"))
                    .withDescription("The components of the user's real name."),
            str("displayName"), str("nickName"),
            ScimAttribute.of("profileUrl", REFERENCE).withReferenceTypes("external"),
            str("title"), str("userType"), str("preferredLanguage"), str("locale"), str("timezone"),
            ScimAttribute.of("active", BOOLEAN).withDescription("The user's administrative status."),
            ScimAttribute.of("password", STRING).withMutability(Mutability.WRITE_ONLY).withReturned(Returned.NEVER)
                    .withDescription("Not accepted by this server (changePassword is not supported)."),
            multi("emails", STRING, "work", "home", "other"),
            multi("phoneNumbers", STRING, "work", "home", "mobile", "fax", "pager", "other"),
            multi("ims", STRING, "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
            multi("photos", REFERENCE, "photo", "thumbnail"),
            ScimAttribute.complex("addresses",
                    str("formatted"), str("streetAddress"), str("locality"), str("region"), str("postalCode"),
                    str("country"), str("type").withCanonicalValues("work", "home", "other"),
                    ScimAttribute.of("primary", BOOLEAN)).withMultiValued(),
            ScimAttribute.complex("groups",
                    readOnly(ScimAttribute.of("value", STRING).withCaseExact()),
                    readOnly(ScimAttribute.of("$ref", REFERENCE).withCaseExact().withReferenceTypes("User", "Group")),
                    readOnly(str("display")),
                    readOnly(str("type").withCanonicalValues("direct", "indirect")))
                    .withMultiValued().withMutability(Mutability.READ_ONLY)
                    .withDescription("Groups the user belongs to, directly or through nested groups."),
            multi("entitlements", STRING),
            multi("roles", STRING),
            multi("x509Certificates", BINARY)));

    public static final ScimSchema ENTERPRISE_USER = new ScimSchema(ENTERPRISE_USER_URN, "EnterpriseUser",
            "Enterprise User", List.of(
            str("employeeNumber"), str("costCenter"), str("organization"), str("division"), str("department"),
            ScimAttribute.complex("manager",
                    ScimAttribute.of("value", STRING).withCaseExact(),
                    ScimAttribute.of("$ref", REFERENCE).withCaseExact().withReferenceTypes("User"),
                    readOnly(str("displayName")))
                    .withDescription("The user's manager.")));

    public static final ScimSchema GROUP = new ScimSchema(GROUP_URN, "Group", "Group", List.of(
            ScimAttribute.of("displayName", STRING).withRequired().withUniqueness(Uniqueness.SERVER)
                    .withDescription("A human-readable name for the Group."),
            ScimAttribute.complex("members",
                    ScimAttribute.of("value", STRING).withCaseExact().withMutability(Mutability.IMMUTABLE),
                    ScimAttribute.of("$ref", REFERENCE).withCaseExact().withMutability(Mutability.IMMUTABLE)
                            .withReferenceTypes("User", "Group"),
                    str("display"),
                    str("type").withCanonicalValues("User", "Group").withMutability(Mutability.IMMUTABLE))
                    .withMultiValued().withDescription("A list of members of the Group.")));

    private StandardSchemas() {
    }

    private static ScimAttribute str(String name) {
        return ScimAttribute.of(name, STRING);
    }

    private static ScimAttribute readOnly(ScimAttribute attribute) {
        return attribute.withMutability(Mutability.READ_ONLY);
    }

    /** The usual multi-valued shape: value, display, type, primary. */
    private static ScimAttribute multi(String name, ScimAttribute.Type valueType, String... types) {
        return ScimAttribute.complex(name,
                ScimAttribute.of("value", valueType), str("display"),
                str("type").withCanonicalValues(types), ScimAttribute.of("primary", BOOLEAN)).withMultiValued();
    }
}

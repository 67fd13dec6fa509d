package dev.fedbroker.scim;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute definition of a SCIM schema (RFC 7643 section 7): its type and the characteristics that drive filter
 * case rules, typed comparisons, projections and PATCH mutability checks. Immutable and thread-safe.
 *
 * @param name            the attribute name as the schema spells it (names are matched case-insensitively)
 * @param type            the value type
 * @param multiValued     whether the attribute holds a list of values
 * @param description     a human-readable description
 * @param required        whether a resource must carry a value
 * @param caseExact       whether string values compare case-sensitively
 * @param mutability      who may change the value, and when
 * @param returned        when the value appears in responses
 * @param uniqueness      how unique values must be
 * @param canonicalValues suggested values (for example "work", "home")
 * @param referenceTypes  for references: what they point at ("User", "Group", "external", "uri")
 * @param subAttributes   for complex attributes: their sub-attributes
 */
public record ScimAttribute(String name, Type type, boolean multiValued, String description, boolean required,
                            boolean caseExact, Mutability mutability, Returned returned, Uniqueness uniqueness,
                            List<String> canonicalValues, List<String> referenceTypes,
                            List<ScimAttribute> subAttributes) {

    public ScimAttribute {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an attribute name must not be blank");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(uniqueness, "uniqueness");
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
        if (type == Type.COMPLEX && subAttributes.isEmpty()) {
            throw new IllegalArgumentException("complex attribute '" + name + "' needs at least one sub-attribute");
        }
        if (type != Type.COMPLEX && !subAttributes.isEmpty()) {
            throw new IllegalArgumentException("only complex attributes have sub-attributes; '" + name + "' is "
                    + type.wireName());
        }
    }

    /** The sub-attribute with this name, compared case-insensitively. */
    public Optional<ScimAttribute> subAttribute(String subName) {
        for (ScimAttribute sub : subAttributes) {
            if (sub.name().equalsIgnoreCase(subName)) {
                return Optional.of(sub);
            }
        }
        return Optional.empty();
    }

    /** A readWrite, returned-by-default, non-unique, case-insensitive attribute of this type, to refine with {@code with*}. */
    public static ScimAttribute of(String name, Type type) {
        return new ScimAttribute(name, type, false, "", false, false, Mutability.READ_WRITE, Returned.DEFAULT,
                Uniqueness.NONE, List.of(), List.of(), List.of());
    }

    /** A complex attribute with these sub-attributes. */
    public static ScimAttribute complex(String name, ScimAttribute... subAttributes) {
        return new ScimAttribute(name, Type.COMPLEX, false, "", false, false, Mutability.READ_WRITE,
                Returned.DEFAULT, Uniqueness.NONE, List.of(), List.of(), List.of(subAttributes));
    }

    /** This attribute, multi-valued. */
    public ScimAttribute withMultiValued() {
        return new ScimAttribute(name, type, true, description, required, caseExact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes);
    }

    /** This attribute with a description. */
    public ScimAttribute withDescription(String text) {
        return new ScimAttribute(name, type, multiValued, text, required, caseExact, mutability, returned, uniqueness,
                canonicalValues, referenceTypes, subAttributes);
    }

    /** This attribute, required. */
    public ScimAttribute withRequired() {
        return new ScimAttribute(name, type, multiValued, description, true, caseExact, mutability, returned,
                uniqueness, canonicalValues, referenceTypes, subAttributes);
    }

    /** This attribute, compared case-sensitively. */
    public ScimAttribute withCaseExact() {
        return new ScimAttribute(name, type, multiValued, description, required, true, mutability, returned,
                uniqueness, canonicalValues, referenceTypes, subAttributes);
    }

    /** This attribute with another mutability. */
    public ScimAttribute withMutability(Mutability value) {
        return new ScimAttribute(name, type, multiValued, description, required, caseExact, value, returned,
                uniqueness, canonicalValues, referenceTypes, subAttributes);
    }

    /** This attribute with another returned characteristic. */
    public ScimAttribute withReturned(Returned value) {
        return new ScimAttribute(name, type, multiValued, description, required, caseExact, mutability, value,
                uniqueness, canonicalValues, referenceTypes, subAttributes);
    }

    /** This attribute with another uniqueness. */
    public ScimAttribute withUniqueness(Uniqueness value) {
        return new ScimAttribute(name, type, multiValued, description, required, caseExact, mutability, returned,
                value, canonicalValues, referenceTypes, subAttributes);
    }

    /** This attribute with canonical values. */
    public ScimAttribute withCanonicalValues(String... values) {
        return new ScimAttribute(name, type, multiValued, description, required, caseExact, mutability, returned,
                uniqueness, List.of(values), referenceTypes, subAttributes);
    }

    /** This attribute with reference types. */
    public ScimAttribute withReferenceTypes(String... values) {
        return new ScimAttribute(name, type, multiValued, description, required, caseExact, mutability, returned,
                uniqueness, canonicalValues, List.of(values), subAttributes);
    }

    /** RFC 7643 attribute data types. */
    public enum Type {
        STRING("string"), BOOLEAN("boolean"), DECIMAL("decimal"), INTEGER("integer"), DATE_TIME("dateTime"),
        BINARY("binary"), REFERENCE("reference"), COMPLEX("complex");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        /** The name used in /Schemas documents. */
        public String wireName() {
            return wireName;
        }
    }

    /** RFC 7643 mutability. */
    public enum Mutability {
        READ_ONLY("readOnly"), READ_WRITE("readWrite"), IMMUTABLE("immutable"), WRITE_ONLY("writeOnly");

        private final String wireName;

        Mutability(String wireName) {
            this.wireName = wireName;
        }

        /** The name used in /Schemas documents. */
        public String wireName() {
            return wireName;
        }
    }

    /** RFC 7643 returned characteristic. */
    public enum Returned {
        ALWAYS, NEVER, DEFAULT, REQUEST;

        /** The name used in /Schemas documents. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** RFC 7643 uniqueness. */
    public enum Uniqueness {
        NONE, SERVER, GLOBAL;

        /** The name used in /Schemas documents. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

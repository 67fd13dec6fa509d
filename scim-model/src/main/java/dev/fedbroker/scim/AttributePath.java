package dev.fedbroker.scim;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An attribute path as filters, PATCH paths and {@code attributes} parameters write it (RFC 7644 section 3.10):
 * an optional schema URN, an attribute name and an optional sub-attribute, for example
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}. Names keep the case they were
 * written in; they are compared case-insensitively. Immutable and thread-safe.
 *
 * @param schemaUrn    the schema URN prefix, when the path is URN-qualified
 * @param attribute    the attribute name
 * @param subAttribute the sub-attribute name, when present
 */
public record AttributePath(Optional<String> schemaUrn, String attribute, Optional<String> subAttribute) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z$][A-Za-z0-9_$-]*");

    public AttributePath {
        Objects.requireNonNull(schemaUrn, "schemaUrn");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(subAttribute, "subAttribute");
        if (!NAME.matcher(attribute).matches()) {
            throw new IllegalArgumentException("attribute name '" + attribute + "' is not an ATTRNAME (RFC 7643 2.1)");
        }
        subAttribute.ifPresent(sub -> {
            if (!NAME.matcher(sub).matches()) {
                throw new IllegalArgumentException("sub-attribute name '" + sub + "' is not an ATTRNAME");
            }
        });
        schemaUrn.ifPresent(urn -> {
            if (!urn.regionMatches(true, 0, "urn:", 0, 4) || urn.endsWith(":")) {
                throw new IllegalArgumentException("schema '" + urn + "' is not a URN");
            }
        });
    }

    /** An unqualified path to a top-level attribute. */
    public static AttributePath of(String attribute) {
        return new AttributePath(Optional.empty(), attribute, Optional.empty());
    }

    /**
     * Parses {@code [urn ":"] name ["." sub]}; a URN prefix is everything up to the last colon.
     *
     * @throws ScimException with {@link ScimErrorType#INVALID_PATH} when the text is no attribute path
     */
    public static AttributePath parse(String text) {
        Objects.requireNonNull(text, "text");
        String urn = null;
        String rest = text;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            urn = text.substring(0, colon);
            rest = text.substring(colon + 1);
        }
        int dot = rest.indexOf('.');
        String name = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        try {
            return new AttributePath(Optional.ofNullable(urn), name, Optional.ofNullable(sub));
        } catch (IllegalArgumentException e) {
            throw new ScimException(ScimErrorType.INVALID_PATH, "'" + text + "' is not an attribute path: "
                    + e.getMessage() + ". Expected [schema-urn:]attribute[.subAttribute], e.g. 'name.givenName'.");
        }
    }

    /** This path without its sub-attribute. */
    public AttributePath parent() {
        return new AttributePath(schemaUrn, attribute, Optional.empty());
    }

    /** This path with {@code sub} as its sub-attribute. */
    public AttributePath withSubAttribute(String sub) {
        return new AttributePath(schemaUrn, attribute, Optional.of(sub));
    }

    /** The path as written: {@code [urn:]attribute[.sub]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        schemaUrn.ifPresent(urn -> text.append(urn).append(':'));
        text.append(attribute);
        subAttribute.ifPresent(sub -> text.append('.').append(sub));
        return text.toString();
    }
}

package dev.fedbroker.aws.internal;

import java.util.List;
import java.util.Objects;

/**
 * One SAML attribute to write: its name (a URI) and its values, in order. Immutable; thread-safe.
 *
 * @param name   the attribute Name, e.g. {@code https://aws.amazon.com/SAML/Attributes/Role}
 * @param values the AttributeValue texts, at least one
 */
public record SamlAttribute(String name, List<String> values) {

    public SamlAttribute {
        Objects.requireNonNull(name, "name");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("attribute " + name + " needs at least one value");
        }
    }

    /** A single-valued attribute. */
    public static SamlAttribute of(String name, String value) {
        return new SamlAttribute(name, List.of(value));
    }
}

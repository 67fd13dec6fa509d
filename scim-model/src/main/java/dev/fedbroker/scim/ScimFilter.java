package dev.fedbroker.scim;

import dev.fedbroker.scim.internal.FilterEvaluator;
import dev.fedbroker.scim.internal.FilterParser;
import dev.fedbroker.scim.internal.FilterText;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed SCIM filter (RFC 7644 section 3.4.2.2): a tree of comparisons, presence tests, value paths and logical
 * operators. Parse with {@link #parse(String)}; evaluate with {@link #matches(ScimResource, ScimSchemas)}. A store
 * that translates filters to a query language can walk the tree; {@code toString()} gives canonical filter text.
 * Every node is immutable and thread-safe.
 */
public sealed interface ScimFilter {

    /**
     * Parses filter text: the whole RFC 7644 grammar (case-insensitive operators, {@code not(...)}, grouping, value
     * paths, URN-qualified paths) and Azure AD's {@code emails[type eq "work"].value eq "x"}, which becomes
     * {@code emails[type eq "work" and value eq "x"]}.
     *
     * @throws ScimException with {@link ScimErrorType#INVALID_FILTER}; the message names the offset of the problem
     */
    static ScimFilter parse(String text) {
        return FilterParser.parse(text);
    }

    /**
     * Whether {@code resource} matches, comparing as the schema says: strings case-insensitively unless caseExact,
     * dateTimes as instants, numbers numerically; attributes the schema does not know are compared by their JSON type.
     *
     * @throws ScimException with {@link ScimErrorType#INVALID_FILTER} when a comparison does not fit the attribute's
     *                       type (for example {@code gt} on a boolean)
     */
    default boolean matches(ScimResource resource, ScimSchemas schemas) {
        return FilterEvaluator.matches(this, resource, schemas);
    }

    /** {@code left and right}. */
    record And(ScimFilter left, ScimFilter right) implements ScimFilter {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /** {@code left or right}. */
    record Or(ScimFilter left, ScimFilter right) implements ScimFilter {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /** {@code not (filter)}. */
    record Not(ScimFilter filter) implements ScimFilter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /** {@code path pr}: the attribute has a non-empty value. */
    record Present(AttributePath path) implements ScimFilter {
        public Present {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /**
     * {@code path op value}.
     *
     * @param path     the attribute compared
     * @param operator the comparison
     * @param value    a {@link String}, {@link Boolean} or {@link BigDecimal}; empty for JSON {@code null}
     */
    record Comparison(AttributePath path, Operator operator, Optional<Object> value) implements ScimFilter {
        public Comparison {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
            value.ifPresent(v -> {
                if (!(v instanceof String || v instanceof Boolean || v instanceof BigDecimal)) {
                    throw new IllegalArgumentException("a comparison value is a String, Boolean or BigDecimal; found "
                            + v.getClass().getName());
                }
            });
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /**
     * {@code attribute[filter]}: some value of the multi-valued (or complex) attribute matches {@code filter}, whose
     * paths are relative to that value (for example {@code type}, {@code value}).
     *
     * @param attribute the attribute whose values are tested (no sub-attribute)
     * @param filter    the filter applied to each value
     */
    record ValuePath(AttributePath attribute, ScimFilter filter) implements ScimFilter {
        public ValuePath {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(filter, "filter");
            if (attribute.subAttribute().isPresent()) {
                throw new IllegalArgumentException("a value path selects an attribute, not a sub-attribute: "
                        + attribute);
            }
        }

        @Override
        public String toString() {
            return FilterText.render(this);
        }
    }

    /** The comparison operators of RFC 7644 section 3.4.2.2. */
    enum Operator {
        EQ, NE, CO, SW, EW, GT, GE, LT, LE;

        /** The operator as written in filters ("eq"). */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The operator written {@code text}, case-insensitively. */
        public static Optional<Operator> fromWireName(String text) {
            for (Operator operator : values()) {
                if (operator.name().equalsIgnoreCase(text)) {
                    return Optional.of(operator);
                }
            }
            return Optional.empty();
        }
    }
}

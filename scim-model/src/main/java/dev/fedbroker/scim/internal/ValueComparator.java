package dev.fedbroker.scim.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimAttribute;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimFilter.Operator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Typed comparison of attribute values with a filter value. The type comes from the schema (strings honour
 * caseExact, dateTimes compare as instants, numbers numerically); an attribute the schema does not know is compared
 * by its JSON type, strings case-insensitively, and never parsed as a date on trial. A comparison that cannot apply
 * to a known attribute's type is an {@code invalidFilter} error; for unknown attributes it simply does not match.
 */
final class ValueComparator {
    private ValueComparator() {
    }

    static boolean compare(List<JsonNode> nodes, Operator operator, Optional<Object> value, ScimAttribute definition,
                           AttributePath path) {
        if (value.isEmpty()) {
            return switch (operator) {
                case EQ -> nodes.stream().noneMatch(FilterEvaluator::isPresent);
                case NE -> nodes.stream().anyMatch(FilterEvaluator::isPresent);
                default -> throw invalid(path, "only 'eq' and 'ne' compare with null");
            };
        }
        if (operator == Operator.NE) {
            return !compare(nodes, Operator.EQ, value, definition, path);
        }
        if (definition != null) {
            checkApplicable(definition, operator, value.get(), path);
        }
        for (JsonNode node : nodes) {
            if (compareOne(node, operator, value.get(), definition)) {
                return true;
            }
        }
        return false;
    }

    private static void checkApplicable(ScimAttribute definition, Operator operator, Object value,
                                        AttributePath path) {
        boolean ordering = operator == Operator.GT || operator == Operator.GE || operator == Operator.LT
                || operator == Operator.LE;
        boolean substring = operator == Operator.CO || operator == Operator.SW || operator == Operator.EW;
        switch (definition.type()) {
            case BOOLEAN -> {
                if (ordering || substring) {
                    throw invalid(path, "'" + operator.wireName() + "' does not apply to a boolean attribute");
                }
                if (!(value instanceof Boolean)) {
                    throw invalid(path, "the attribute is a boolean; compare it with true or false");
                }
            }
            case BINARY -> {
                if (ordering) {
                    throw invalid(path, "'" + operator.wireName() + "' does not apply to a binary attribute");
                }
                requireString(value, path);
            }
            case INTEGER, DECIMAL -> {
                if (substring) {
                    throw invalid(path, "'" + operator.wireName() + "' does not apply to a number attribute");
                }
                if (!(value instanceof BigDecimal)) {
                    throw invalid(path, "the attribute is a number; compare it with an unquoted number");
                }
            }
            case DATE_TIME -> {
                requireString(value, path);
                if (!substring && DateTimes.parse((String) value).isEmpty()) {
                    throw invalid(path, "the attribute is a dateTime; '" + value + "' is not one (expected e.g. "
                            + "\"2011-05-13T04:42:34Z\")");
                }
            }
            case STRING, REFERENCE -> requireString(value, path);
            case COMPLEX -> throw invalid(path, "the complex attribute has no 'value' sub-attribute to compare; name "
                    + "a sub-attribute (e.g. '" + path.attribute() + ".type')");
            default -> throw invalid(path, "unsupported attribute type");
        }
    }

    private static void requireString(Object value, AttributePath path) {
        if (!(value instanceof String)) {
            throw invalid(path, "the attribute is a string; quote the value, as in " + path + " eq \"" + value
                    + "\"");
        }
    }

    private static boolean compareOne(JsonNode node, Operator operator, Object value, ScimAttribute definition) {
        ScimAttribute.Type type = definition != null ? definition.type() : inferredType(node);
        if (type == null) {
            return false;
        }
        return switch (type) {
            case BOOLEAN -> value instanceof Boolean expected && operator == Operator.EQ && booleanOf(node)
                    .map(expected::equals).orElse(false);
            case INTEGER, DECIMAL -> value instanceof BigDecimal expected && node.isNumber()
                    && ordered(operator, node.decimalValue().compareTo(expected));
            case DATE_TIME -> value instanceof String expected && node.isTextual()
                    && compareDateTime(node.textValue(), operator, expected);
            case STRING, REFERENCE, BINARY -> value instanceof String expected && node.isTextual()
                    && compareStrings(node.textValue(), operator, expected,
                    definition != null ? definition.caseExact() || type == ScimAttribute.Type.BINARY : false);
            default -> false;
        };
    }

    private static ScimAttribute.Type inferredType(JsonNode node) {
        if (node.isTextual()) {
            return ScimAttribute.Type.STRING;
        }
        if (node.isNumber()) {
            return ScimAttribute.Type.DECIMAL;
        }
        if (node.isBoolean()) {
            return ScimAttribute.Type.BOOLEAN;
        }
        return null;
    }

    private static Optional<Boolean> booleanOf(JsonNode node) {
        if (node.isBoolean()) {
            return Optional.of(node.booleanValue());
        }
        return Optional.empty();
    }

    private static boolean compareDateTime(String actual, Operator operator, String expected) {
        if (operator == Operator.CO || operator == Operator.SW || operator == Operator.EW) {
            return compareStrings(actual, operator, expected, false);
        }
        Optional<Instant> left = DateTimes.parse(actual);
        Optional<Instant> right = DateTimes.parse(expected);
        return left.isPresent() && right.isPresent() && ordered(operator, left.get().compareTo(right.get()));
    }

    private static boolean compareStrings(String actual, Operator operator, String expected, boolean caseExact) {
        String a = caseExact ? actual : fold(actual);
        String e = caseExact ? expected : fold(expected);
        return switch (operator) {
            case CO -> a.contains(e);
            case SW -> a.startsWith(e);
            case EW -> a.endsWith(e);
            default -> ordered(operator, a.compareTo(e));
        };
    }

    /** Case folding for caseExact=false comparisons, independent of the default locale. */
    static String fold(String text) {
        return text.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static boolean ordered(Operator operator, int comparison) {
        return switch (operator) {
            case EQ -> comparison == 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> false;
        };
    }

    private static ScimException invalid(AttributePath path, String why) {
        return new ScimException(ScimErrorType.INVALID_FILTER, "Cannot compare '" + path + "': " + why + ".");
    }
}

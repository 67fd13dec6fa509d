package dev.fedbroker.scim.internal;

import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimFilter;
import dev.fedbroker.scim.ScimFilter.Operator;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for RFC 7644 section 3.4.2.2 filters. Precedence: not/grouping, then and, then or (all
 * left-associative). Value paths may not nest. Azure AD's {@code attr[filter].sub op value}, outside the grammar, is
 * accepted at the top level and rewritten to {@code attr[filter and sub op value]}.
 */
public final class FilterParser {
    /** Longer filters are refused: no client needs them and they only cost time. */
    static final int MAX_LENGTH = 10_000;
    /** Deeper nesting is refused so that hostile input cannot exhaust the stack. */
    static final int MAX_DEPTH = 64;
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String text;
    private int pos;
    private int depth;

    private FilterParser(String text) {
        this.text = text;
    }

    /** Parses a whole filter. */
    public static ScimFilter parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ScimException(ScimErrorType.INVALID_FILTER, "The filter is empty; expected an expression such "
                    + "as userName eq \"alice@example.com\".");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ScimException(ScimErrorType.INVALID_FILTER, "The filter has " + text.length()
                    + " characters; at most " + MAX_LENGTH + " are accepted.");
        }
        FilterParser parser = new FilterParser(text);
        ScimFilter filter = parser.parseOr(false);
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("expected 'and', 'or' or the end of the filter");
        }
        return filter;
    }

    /** Parses the filter between the brackets of a PATCH path's value selection (no nested value paths). */
    public static ScimFilter parseValueFilter(String text) {
        if (text == null || text.isBlank()) {
            throw new ScimException(ScimErrorType.INVALID_FILTER, "The value filter between '[' and ']' is empty.");
        }
        FilterParser parser = new FilterParser(text);
        ScimFilter filter = parser.parseOr(true);
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("expected 'and', 'or' or the end of the value filter");
        }
        return filter;
    }

    private ScimFilter parseOr(boolean inValuePath) {
        enter();
        ScimFilter left = parseAnd(inValuePath);
        while (keyword("or")) {
            left = new ScimFilter.Or(left, parseAnd(inValuePath));
        }
        depth--;
        return left;
    }

    private ScimFilter parseAnd(boolean inValuePath) {
        ScimFilter left = parseUnary(inValuePath);
        while (keyword("and")) {
            left = new ScimFilter.And(left, parseUnary(inValuePath));
        }
        return left;
    }

    private ScimFilter parseUnary(boolean inValuePath) {
        skipSpaces();
        if (peek() == '(') {
            pos++;
            ScimFilter inner = parseOr(inValuePath);
            expect(')');
            return inner;
        }
        int start = pos;
        String word = readPathWord();
        if (word.isEmpty()) {
            throw error("expected an attribute path, '(' or 'not ('");
        }
        if (word.equalsIgnoreCase("not")) {
            skipSpaces();
            if (peek() != '(') {
                throw error("'not' must be followed by a parenthesised filter, as in not (title pr)");
            }
            pos++;
            ScimFilter inner = parseOr(inValuePath);
            expect(')');
            return new ScimFilter.Not(inner);
        }
        AttributePath path = toPath(word, start);
        if (peek() == '[') {
            return parseValuePath(path, start, inValuePath);
        }
        return parseAttributeExpression(path);
    }

    private ScimFilter parseValuePath(AttributePath path, int start, boolean inValuePath) {
        if (inValuePath) {
            throw error("value paths cannot be nested inside another value path");
        }
        if (path.subAttribute().isPresent()) {
            pos = start;
            throw error("a value path selects an attribute, not a sub-attribute ('" + path + "[...]')");
        }
        pos++;
        ScimFilter inner = parseOr(true);
        expect(']');
        if (peek() != '.') {
            return new ScimFilter.ValuePath(path, inner);
        }
        // Azure AD: emails[type eq "work"].value eq "x" means emails[type eq "work" and value eq "x"].
        pos++;
        int subStart = pos;
        String sub = readPathWord();
        if (sub.isEmpty() || sub.contains(".") || sub.contains(":")) {
            pos = subStart;
            throw error("expected a sub-attribute name after ']. '");
        }
        ScimFilter tail = parseAttributeExpression(toPath(sub, subStart));
        return new ScimFilter.ValuePath(path, new ScimFilter.And(inner, tail));
    }

    private ScimFilter parseAttributeExpression(AttributePath path) {
        requireSpace("an operator after '" + path + "'");
        String operatorText = readLetters();
        if (operatorText.equalsIgnoreCase("pr")) {
            return new ScimFilter.Present(path);
        }
        Optional<Operator> operator = Operator.fromWireName(operatorText);
        if (operator.isEmpty()) {
            pos -= operatorText.length();
            throw error("expected an operator (eq ne co sw ew gt ge lt le pr)");
        }
        requireSpace("a value after '" + operatorText + "'");
        return new ScimFilter.Comparison(path, operator.get(), readValue());
    }

    private Optional<Object> readValue() {
        char c = peek();
        if (c == '"') {
            return Optional.of(readString());
        }
        int start = pos;
        if (c == '-' || (c >= '0' && c <= '9')) {
            while (pos < text.length() && "0123456789.eE+-".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (!NUMBER.matcher(number).matches()) {
                pos = start;
                throw error("'" + number + "' is not a JSON number");
            }
            return Optional.of(new BigDecimal(number));
        }
        String word = readLetters();
        if (word.equalsIgnoreCase("true")) {
            return Optional.of(Boolean.TRUE);
        }
        if (word.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.FALSE);
        }
        if (word.equalsIgnoreCase("null")) {
            return Optional.empty();
        }
        pos = start;
        throw error("expected a value: a double-quoted string, a number, true, false or null "
                + "(strings must be quoted, as in userName eq \"bjensen\")");
    }

    private String readString() {
        int start = pos;
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control characters must be escaped inside a string value (RFC 7159)");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(readUnicodeEscape());
                default -> {
                    pos -= 2;
                    throw error("'\\" + e + "' is not a JSON string escape");
                }
            }
        }
        pos = start;
        throw error("the string value is not terminated by '\"'");
    }

    private char readUnicodeEscape() {
        if (pos + 4 > text.length()) {
            pos -= 2;
            throw error("'\\u' must be followed by four hex digits");
        }
        String hex = text.substring(pos, pos + 4);
        for (int i = 0; i < 4; i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                pos -= 2;
                throw error("'\\u" + hex + "' is not a unicode escape (four hex digits)");
            }
        }
        pos += 4;
        return (char) Integer.parseInt(hex, 16);
    }

    private AttributePath toPath(String word, int start) {
        try {
            return AttributePath.parse(word);
        } catch (ScimException e) {
            pos = start;
            throw error("'" + word + "' is not an attribute path ([urn:]name[.subName])");
        }
    }

    /** Consumes " keyword " (spaces before it required); otherwise leaves the position unchanged. */
    private boolean keyword(String keyword) {
        int saved = pos;
        if (skipSpaces() == 0) {
            pos = saved;
            return false;
        }
        String word = readLetters();
        if (word.equalsIgnoreCase(keyword) && (pos >= text.length() || text.charAt(pos) == ' '
                || text.charAt(pos) == '(')) {
            return true;
        }
        pos = saved;
        return false;
    }

    private String readPathWord() {
        int start = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == ':' || c == '$' || c == '_' || c == '-') {
                pos++;
            } else {
                break;
            }
        }
        return text.substring(start, pos);
    }

    private String readLetters() {
        int start = pos;
        while (pos < text.length() && Character.isLetter(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private void requireSpace(String what) {
        if (skipSpaces() == 0) {
            throw error("expected a space and " + what);
        }
    }

    private int skipSpaces() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
        return pos - start;
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("the filter nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    private ScimException error(String expected) {
        String found = pos >= text.length() ? "the end of the filter"
                : "'" + text.substring(pos, Math.min(text.length(), pos + 20)) + "'";
        return new ScimException(ScimErrorType.INVALID_FILTER, "Invalid filter at offset " + pos + ": " + expected
                + "; found " + found + ".");
    }
}

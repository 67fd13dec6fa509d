package dev.fedbroker.scim.internal;

import dev.fedbroker.scim.AttributePath;
import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimFilter;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A PATCH path (RFC 7644 3.5.2): {@code attrPath} or {@code attrPath[valFilter][.subAttr]}.
 *
 * @param attribute    the attribute (never with a sub-attribute; that is in {@code subAttribute})
 * @param filter       the value selection filter, when the path has one
 * @param subAttribute the sub-attribute targeted, when any
 */
public record PatchPath(AttributePath attribute, Optional<ScimFilter> filter, Optional<String> subAttribute) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z$][A-Za-z0-9_$-]*");

    /** Parses a path; malformed paths are {@code invalidPath}, malformed filters inside them {@code invalidFilter}. */
    public static PatchPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid(String.valueOf(text), "the path is empty");
        }
        String path = text.strip();
        int open = path.indexOf('[');
        if (open < 0) {
            AttributePath attribute = AttributePath.parse(path);
            return new PatchPath(attribute.parent(), Optional.empty(), attribute.subAttribute());
        }
        AttributePath attribute = AttributePath.parse(path.substring(0, open));
        if (attribute.subAttribute().isPresent()) {
            throw invalid(path, "a value filter follows an attribute, not a sub-attribute");
        }
        int close = closingBracket(path, open);
        if (close < 0) {
            throw invalid(path, "the value filter has no closing ']'");
        }
        ScimFilter filter = FilterParser.parseValueFilter(path.substring(open + 1, close));
        String rest = path.substring(close + 1);
        if (rest.isEmpty()) {
            return new PatchPath(attribute, Optional.of(filter), Optional.empty());
        }
        if (!rest.startsWith(".") || !NAME.matcher(rest.substring(1)).matches()) {
            throw invalid(path, "only '.subAttribute' may follow the value filter; found '" + rest + "'");
        }
        return new PatchPath(attribute, Optional.of(filter), Optional.of(rest.substring(1)));
    }

    private static int closingBracket(String path, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ']') {
                return i;
            } else if (!quoted && c == '[') {
                return -1;
            }
        }
        return -1;
    }

    private static ScimException invalid(String path, String why) {
        return new ScimException(ScimErrorType.INVALID_PATH, "Invalid PATCH path '" + path + "': " + why
                + ". Expected attribute[.sub] or attribute[filter][.sub], e.g. emails[type eq \"work\"].value.");
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(attribute.toString());
        filter.ifPresent(f -> out.append('[').append(f).append(']'));
        subAttribute.ifPresent(sub -> out.append('.').append(sub));
        return out.toString();
    }
}

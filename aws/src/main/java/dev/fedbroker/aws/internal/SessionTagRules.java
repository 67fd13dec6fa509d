package dev.fedbroker.aws.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * AWS STS limits on session tags ({@code PrincipalTag:*}): at most 50 tags; key 1 to 128 characters, value 0 to 256,
 * both from {@code [\p{L}\p{Z}\p{N}_.:/=+\-@]}; keys may not start with {@code aws:}. (AWS also limits the packed
 * size of all tags together, which only AWS can compute.) Stateless; thread-safe.
 */
public final class SessionTagRules {

    public static final int MAX_TAGS = 50;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern CHARSET = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private SessionTagRules() {
    }

    /** Why {@code key} is not a valid tag key, or empty when it is. */
    public static Optional<String> keyProblem(String key) {
        int length = key.codePointCount(0, key.length());
        if (length < 1 || length > MAX_KEY_LENGTH) {
            return Optional.of("a session tag key must have 1 to " + MAX_KEY_LENGTH + " characters, found " + length);
        }
        if (!CHARSET.matcher(key).matches()) {
            return Optional.of("a session tag key may contain only letters, digits, spaces and _.:/=+-@");
        }
        if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            return Optional.of("session tag keys starting with 'aws:' are reserved by AWS");
        }
        return Optional.empty();
    }

    /** Why {@code value} is not a valid tag value, or empty when it is. */
    public static Optional<String> valueProblem(String value) {
        int length = value.codePointCount(0, value.length());
        if (length > MAX_VALUE_LENGTH) {
            return Optional.of("a session tag value may have at most " + MAX_VALUE_LENGTH + " characters, found "
                    + length);
        }
        if (!CHARSET.matcher(value).matches()) {
            return Optional.of("a session tag value may contain only letters, digits, spaces and _.:/=+-@");
        }
        return Optional.empty();
    }
}

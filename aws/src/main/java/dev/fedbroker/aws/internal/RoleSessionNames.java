package dev.fedbroker.aws.internal;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Turns a user name (normally the UPN) into an AWS {@code RoleSessionName}: 2 to 64 characters from
 * {@code [\w+=,.@-]} (ASCII letters, digits and {@code _+=,.@-}). Stateless; thread-safe.
 *
 * <p>Accents are dropped ({@code José} becomes {@code Jose}); every run of other characters that AWS refuses (spaces,
 * {@code #} of B2B guests' {@code #EXT#}, non-Latin letters) becomes one {@code _}; the result is cut to 64
 * characters. A result shorter than 2 characters, or without any letter or digit, is refused (empty).
 */
public final class RoleSessionNames {

    /** AWS's maximum length of a RoleSessionName. */
    public static final int MAX_LENGTH = 64;
    /** AWS's minimum length of a RoleSessionName. */
    public static final int MIN_LENGTH = 2;

    private RoleSessionNames() {
    }

    /** The sanitised session name, or empty when nothing usable is left of {@code raw}. */
    public static Optional<String> sanitize(String raw) {
        String decomposed = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(Math.min(decomposed.length(), MAX_LENGTH));
        boolean replacing = false;
        boolean hasLetterOrDigit = false;
        for (int i = 0; i < decomposed.length() && out.length() < MAX_LENGTH; ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue; // the accent of a decomposed letter
            }
            if (isAllowed(cp)) {
                out.append((char) cp);
                hasLetterOrDigit |= isAsciiLetterOrDigit(cp);
                replacing = false;
            } else if (!replacing) {
                out.append('_');
                replacing = true;
            }
        }
        if (out.length() < MIN_LENGTH || !hasLetterOrDigit) {
            return Optional.empty();
        }
        return Optional.of(out.toString());
    }

    /** True when {@code value} is already a valid RoleSessionName, unchanged. */
    public static boolean isValid(String value) {
        return value.length() >= MIN_LENGTH && value.length() <= MAX_LENGTH
                && value.chars().allMatch(RoleSessionNames::isAllowed);
    }

    private static boolean isAllowed(int cp) {
        return isAsciiLetterOrDigit(cp) || "_+=,.@-".indexOf(cp) >= 0;
    }

    private static boolean isAsciiLetterOrDigit(int cp) {
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    }
}

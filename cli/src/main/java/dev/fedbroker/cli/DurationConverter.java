package dev.fedbroker.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --clock-skew}: ISO-8601 ({@code PT60S}) or a number with a unit: {@code 60s}, {@code 3m}, {@code 1h}. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        Matcher m = SHORT.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        try {
            Duration d = Duration.parse(value.trim());
            if (d.isNegative()) {
                throw new TypeConversionException("expected a duration that is not negative, found '" + value + "'");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("expected a duration such as PT60S, 60s, 3m or 1h, found '" + value
                    + "'");
        }
    }
}

package dev.fedbroker.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --now}: an ISO-8601 instant such as {@code 2024-05-01T10:00:00Z} (an offset such as {@code +02:00} too). */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e2) {
                throw new TypeConversionException("expected an ISO-8601 instant such as 2024-05-01T10:00:00Z, found '"
                        + value + "'");
            }
        }
    }
}

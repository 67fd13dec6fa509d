package dev.fedbroker.scim.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Optional;

/** xsd:dateTime values (RFC 7643 2.3.5): with an offset, or without one (read as UTC). */
public final class DateTimes {
    private DateTimes() {
    }

    /** The instant {@code text} denotes, when it is an xsd:dateTime. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() < 19 || text.length() > 40) {
            return Optional.empty();
        }
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from,
                    LocalDateTime::from);
            if (parsed instanceof OffsetDateTime offset) {
                return Optional.of(offset.toInstant());
            }
            return Optional.of(((LocalDateTime) parsed).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

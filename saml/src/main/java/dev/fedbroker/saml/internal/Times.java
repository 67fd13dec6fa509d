package dev.fedbroker.saml.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * The one clock-skew rule, applied to every time check (never a second, hidden default). Arithmetic saturates at
 * {@link Instant#MIN}/{@link Instant#MAX} and is done on the clock's side, so that no value from a message or the
 * configuration can make a time check throw instead of deciding.
 */
final class Times {

    private Times() {
    }

    /** True when {@code notBefore} is still ahead: now + skew < notBefore (exactly at the skew is accepted). */
    static boolean notYet(Instant now, Instant notBefore, Duration skew) {
        return notBefore.isAfter(plus(now, skew));
    }

    /** True when {@code notOnOrAfter} has passed: now - skew > notOnOrAfter (exactly at the skew is accepted). */
    static boolean passed(Instant now, Instant notOnOrAfter, Duration skew) {
        return notOnOrAfter.isBefore(minus(now, skew));
    }

    /** {@code t + d}, or {@link Instant#MAX}/{@link Instant#MIN} when that lies beyond Instant's range. */
    static Instant plus(Instant t, Duration d) {
        try {
            return t.plus(d);
        } catch (DateTimeException | ArithmeticException overflow) {
            return d.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    /** {@code t - d}, saturating like {@link #plus}. */
    static Instant minus(Instant t, Duration d) {
        try {
            return t.minus(d);
        } catch (DateTimeException | ArithmeticException overflow) {
            return d.isNegative() ? Instant.MAX : Instant.MIN;
        }
    }
}

package dev.fedbroker.saml.internal;

import java.time.Duration;
import java.time.Instant;

/** The one clock-skew rule, applied to every time check (never a second, hidden default). */
final class Times {

    private Times() {
    }

    /** True when {@code notBefore} is still ahead: now < notBefore - skew (exactly at the skew is accepted). */
    static boolean notYet(Instant now, Instant notBefore, Duration skew) {
        return now.isBefore(notBefore.minus(skew));
    }

    /** True when {@code notOnOrAfter} has passed: now > notOnOrAfter + skew (exactly at the skew is accepted). */
    static boolean passed(Instant now, Instant notOnOrAfter, Duration skew) {
        return now.isAfter(notOnOrAfter.plus(skew));
    }
}

package dev.fedbroker.cli;

import java.time.Duration;
import java.time.Instant;

/** Human forms of times relative to "now": {@code in 1h05m}, {@code 4m30s ago}, {@code now}. Stateless. */
final class Relative {

    private Relative() {
    }

    static String to(Instant now, Instant t) {
        Duration d = Duration.between(now, t);
        if (d.isZero()) {
            return "now";
        }
        String amount = amount(d.abs());
        return d.isNegative() ? amount + " ago" : "in " + amount;
    }

    /** {@code 2d03h}, {@code 1h05m}, {@code 4m30s}, {@code 12s}, {@code 250ms}: the two largest units. */
    static String amount(Duration d) {
        long days = d.toDays();
        if (days > 0) {
            return days + "d" + pad(d.toHoursPart()) + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h" + pad(d.toMinutesPart()) + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m" + pad(d.toSecondsPart()) + "s";
        }
        if (d.getSeconds() > 0) {
            return d.getSeconds() + "s";
        }
        return d.toMillis() + "ms";
    }

    private static String pad(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}

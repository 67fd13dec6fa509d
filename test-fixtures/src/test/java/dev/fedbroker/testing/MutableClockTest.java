package dev.fedbroker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void advanceWhenCalledThenInstantMovesAndZoneViewFollows() {
        MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");
        MutableClock paris = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofMinutes(90));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2024-05-01T11:30:00Z"));
        assertThat(paris.instant()).isEqualTo(clock.instant());
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(clock.getZone()).isEqualTo(ZoneId.of("Z"));
    }

    @Test
    void setWhenCalledThenClockReadsNewInstantEvenBackwards() {
        MutableClock clock = MutableClock.at(Instant.parse("2024-05-01T10:00:00Z"));

        clock.set(Instant.parse("2020-01-01T00:00:00Z"));

        assertThat(clock.millis()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z").toEpochMilli());
    }
}

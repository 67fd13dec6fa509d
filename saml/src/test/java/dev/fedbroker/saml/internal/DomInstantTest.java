package dev.fedbroker.saml.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The fast reader of Azure's UTC instants agrees with java.time's parser, and leaves every other form to it. */
class DomInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T10:00:00Z", "2024-05-01T10:00:00.1Z", "2024-05-01T10:00:00.123Z",
            "2024-05-01T10:00:00.123456789Z", "2024-02-29T23:59:59.999Z", "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.000000001Z", "1970-01-01T00:00:00.000Z"})
    void utcInstantWhenAzureFormThenSameInstantAsJavaTime(String text) {
        assertThat(Dom.utcInstant(text)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z", "2024-04-31T10:00:00Z",
            "2024-05-01T24:00:00Z", "2024-05-01T10:60:00Z", "2024-05-01T10:00:60Z", "2024-05-01T10:00:00.Z",
            "2024-05-01T10:00:00.1234567890Z", "2024-05-01T10:00:00+01:00", "2024-05-01T10:00Z",
            "2024-05-01 10:00:00Z", "2024-05-01T10:00:00,5Z", "+2024-05-01T10:00:00Z", "2024-5-01T10:00:00.00Z",
            "２０２４-05-01T10:00:00Z", "2024-05-01T1a:00:00Z", "2024-00-01T10:00:00Z", "2024-05-00T10:00:00Z"})
    void utcInstantWhenAnyOtherFormOrInvalidValueThenLeftToTheGeneralParser(String text) {
        assertThat(Dom.utcInstant(text)).isNull();
    }

    @Test
    void utcInstantWhenRandomInstantsThenAlwaysAgreesWithJavaTime() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-62_000_000_000L, 253_000_000_000L),
                    random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000_000));
            String text = t.toString();
            assertThat(Dom.utcInstant(text)).as(text).isEqualTo(Instant.parse(text));
        }
    }
}

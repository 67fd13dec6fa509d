package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/**
 * xs:dateTime parsing and time arithmetic under hostile but signed values: extreme years, offsets other than Z,
 * missing zones, too many fractional digits, and the instant at which the replay cache forgets an assertion.
 * Every outcome is an Identity or a SamlValidationException, never a java.time exception.
 */
class TimeAttacksTest {

    private static final Duration SKEW = Duration.ofMinutes(3);

    private final Fixture f = new Fixture();

    /** A response whose assertion carries {@code value} in {@code element/@attribute}, then signed. */
    private String signedWithTime(String element, String attribute, String value) {
        return f.edited(f.response(), (Document d) -> Xml.first(d, Xml.SAML, element).setAttribute(attribute, value));
    }

    @ParameterizedTest
    @CsvSource({
            "Conditions, NotOnOrAfter, +1000000000-12-31T23:59:59.999999999Z",
            "Conditions, NotBefore, -1000000000-01-01T00:00:00Z",
            "SubjectConfirmationData, NotOnOrAfter, +1000000000-12-31T23:59:59.999999999Z",
            "AuthnStatement, SessionNotOnOrAfter, +1000000000-12-31T23:59:59.999999999Z",
            "Conditions, NotOnOrAfter, +10000-01-01T00:00:00Z",
            "Conditions, NotBefore, -0001-01-01T00:00:00Z",
            "Assertion, IssueInstant, +999999999-12-31T23:59:59+18:00"})
    void validateWhenSignedInstantHasASignOrMoreThanFourYearDigitsThenRejectsWithMalformed(String element, String attribute,
                                                                             String value) {
        assertThat(f.rejectXml(f.sp(), signedWithTime(element, attribute, value))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenNotOnOrAfterInYear9999ThenAcceptsAndRemembersWithoutOverflow() {
        String xml = signedWithTime("Conditions", "NotOnOrAfter", "9999-12-31T23:59:59.999Z");
        ServiceProvider sp = f.sp();
        assertThat(sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.REPLAYED);
    }

    @Test
    void validateWhenHostMaxResponseAgeIsHugeThenTimeChecksDoNotOverflow() {
        ServiceProvider sp = f.builder().maxResponseAge(Duration.ofSeconds(Long.MAX_VALUE)).build();
        assertThat(sp.validate(f.response().base64(), Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenNotOnOrAfterHasNegativeOffsetThenItIsConvertedToUtcNotReadAsLocalTime() {
        // t0 + 10 min written as local time at UTC-05:00: read as Z it would have expired five hours ago
        String local = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(f.t0.plus(Duration.ofMinutes(10))
                .atOffset(ZoneOffset.ofHours(-5)));
        String xml = f.edited(f.response().subjectConfirmationNotOnOrAfter(f.t0.plus(Duration.ofHours(1))),
                d -> Xml.first(d, Xml.SAML, "Conditions").setAttribute("NotOnOrAfter", local));
        assertThat(f.builder().maxResponseAge(Duration.ofHours(1)).build()
                .validate(Fixture.b64(xml), Fixture.REQUEST_ID)).isNotNull();

        f.clock.advance(Duration.ofMinutes(10).plus(SKEW).plusSeconds(1));
        assertThat(f.rejectXml(f.builder().maxResponseAge(Duration.ofHours(1)).build(), xml))
                .isEqualTo(Reason.EXPIRED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01T10:00:00", "2024-01-01T10:00:00z", "2024-01-01T10:00Z",
            "2024-01-01T10:00:00.1234567890Z", "2024-01-01 10:00:00Z", "2024-13-01T10:00:00Z", "", " ",
            "2024-01-01T10:00:00+24:00", "1704103200"})
    void validateWhenSignedNotBeforeIsNotAnXsDateTimeWithZoneThenRejectsWithMalformed(String value) {
        assertThat(f.rejectXml(f.sp(), signedWithTime("Conditions", "NotBefore", value))).isEqualTo(Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2000-01-01T00:00:00Z", "2000-01-01T00:00:00.1234567Z", "2000-01-01T05:30:00+05:30",
            "1999-12-31T23:59:60Z", "1999-12-31T24:00:00Z", " 2000-01-01T00:00:00Z "})
    void validateWhenSignedNotBeforeIsAnyPastXsDateTimeFormThenAccepts(String value) {
        Identity who = f.sp().validate(Fixture.b64(signedWithTime("Conditions", "NotBefore", value)),
                Fixture.REQUEST_ID);
        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenReplayedAtTheLastInstantOfAcceptanceThenRejectsWithReplayed() {
        // both ends of validity at t0 + 5 min: the assertion is acceptable until exactly t0 + 5 min + skew
        Instant end = f.t0.plus(Duration.ofMinutes(5));
        String b64 = f.response().notOnOrAfter(end).subjectConfirmationNotOnOrAfter(end).base64();
        ServiceProvider sp = f.builder().maxResponseAge(Duration.ofHours(1)).build();
        sp.validate(b64, Fixture.REQUEST_ID);

        f.clock.set(end.plus(SKEW));
        assertThat(Fixture.reasonOf(() -> sp.validate(b64, Fixture.REQUEST_ID))).isEqualTo(Reason.REPLAYED);
        f.clock.set(end.plus(SKEW).plusNanos(1));
        assertThat(Fixture.reasonOf(() -> sp.validate(b64, Fixture.REQUEST_ID))).isEqualTo(Reason.EXPIRED);
    }
}

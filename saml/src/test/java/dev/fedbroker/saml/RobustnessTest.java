package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.AzureClaims;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * Inputs that aim at the host rather than at trust: stack depth when a host raises the limits, hash-colliding IDs and
 * attribute names, very large text, and a pooled parser that must come back clean after every kind of failure.
 * Every input ends in an Identity or a SamlValidationException, never another Throwable.
 */
class RobustnessTest {

    /** Limits a host might set for an unusual IdP: deep enough that recursion over the tree would overflow. */
    private static final ValidationLimits RAISED = new ValidationLimits(8_000_000, 6_000_000, 1_000_000, 32,
            2_000_000);
    private static final int DEEP = 150_000;

    private final Fixture f = new Fixture();

    private static String deep() {
        return "<x>".repeat(DEEP) + "</x>".repeat(DEEP);
    }

    @Test
    void validateWhenUnsignedResponseIssuerNestsDeepUnderRaisedLimitsThenRejectsWithMalformedNotStackOverflow() {
        ServiceProvider sp = f.builder().limits(RAISED).build();
        String xml = f.response().xml().replaceFirst("(<Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">)",
                "$1" + Matcher.quoteReplacement(deep()));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenStatusMessageNestsDeepUnderRaisedLimitsThenRejectsWithStatusNotSuccess() {
        ServiceProvider sp = f.builder().limits(RAISED).build();
        String xml = f.response().withoutAssertion().status(AzureClaims.STATUS_REQUESTER).statusMessage("m").xml()
                .replace(">m</samlp:StatusMessage>", ">" + deep() + "</samlp:StatusMessage>");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.STATUS_NOT_SUCCESS);
    }

    @Test
    void validateWhenSignedInfoNestsDeepUnderRaisedLimitsThenRejectsBeforeAnyKeyIsTried() {
        ServiceProvider sp = f.builder().limits(RAISED).build();
        String inclusive = "<InclusiveNamespaces xmlns=\"http://www.w3.org/2001/10/xml-exc-c14n#\" PrefixList=\"\">"
                + deep() + "</InclusiveNamespaces>";
        String xml = f.response().xml().replaceFirst(
                "(<CanonicalizationMethod Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\")/>",
                "$1>" + Matcher.quoteReplacement(inclusive) + "</CanonicalizationMethod>");
        assertThat(f.rejectXml(sp, xml)).isIn(Reason.SIGNATURE_INVALID, Reason.UNSUPPORTED_TRANSFORM);
    }

    @Test
    void validateWhenDigestValueNestsDeepUnderRaisedLimitsThenRejectsWithSignatureInvalid() {
        ServiceProvider sp = f.builder().limits(RAISED).build();
        String xml = f.response().xml().replaceFirst("<DigestValue>", Matcher.quoteReplacement("<DigestValue>" + deep()));
        assertThat(f.rejectXml(sp, xml)).isIn(Reason.SIGNATURE_INVALID, Reason.MALFORMED);
    }

    @Test
    void validateWhenThousandsOfHashCollidingIdsBesideTheSignedAssertionThenAcceptsTheSignedIdentity() {
        StringBuilder extensions = new StringBuilder("<samlp:Extensions>");
        for (String id : collidingStrings(12)) { // 4,096 distinct IDs with one String.hashCode()
            extensions.append("<x ID=\"").append(id).append("\"/>");
        }
        extensions.append("</samlp:Extensions>");
        String xml = f.response().xml().replaceFirst("<samlp:Status>", extensions + "<samlp:Status>");
        Identity who = f.sp().validate(Fixture.b64(xml), Fixture.REQUEST_ID);
        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenSignedAssertionHasThousandsOfHashCollidingAttributeNamesThenAcceptsAndKeepsEveryName() {
        var builder = f.response();
        List<String> names = collidingStrings(11);
        names.forEach(n -> builder.attribute("urn:x:" + n, "v"));
        Identity who = f.sp().validate(builder.base64(), Fixture.REQUEST_ID);
        assertThat(who.attributes()).containsKeys(names.stream().map(n -> "urn:x:" + n).toArray(String[]::new));
    }

    @Test
    void validateWhenSignedNameIdIsOneHundredKilobytesThenAcceptsItWhole() {
        String big = "a".repeat(100_000) + "@contoso.example";
        Identity who = f.sp().validate(f.response().nameId(big).base64(), Fixture.REQUEST_ID);
        assertThat(who.nameId()).isEqualTo(big);
    }

    @Test
    void validateWhenPaddedToTheSizeLimitWithCommentsAndWhitespaceThenAcceptsTheSignedIdentity() {
        String xml = f.response().xml();
        int room = ValidationLimits.DEFAULTS.maxDecodedBytes() - xml.length() - 64;
        String padding = "<!---->\n".repeat(room / 16) + " ".repeat(room / 2);
        String padded = xml.replaceFirst("<samlp:Status>", Matcher.quoteReplacement(padding) + "<samlp:Status>");
        assertThat(f.sp().validate(Fixture.b64(padded), Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
    }

    @Test
    void validateWhenSmallInputHoldsMoreElementsThanTheLimitThenRejectsWithTooLarge() {
        String xml = f.response().xml().replaceFirst("<samlp:Status>",
                "<samlp:Extensions>" + "<x/>".repeat(ValidationLimits.DEFAULTS.maxElements()) + "</samlp:Extensions>"
                        + "<samlp:Status>");
        assertThat(f.rejectXml(f.sp(), xml)).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateWhenPooledParserFailedEveryWayBeforeThenTheNextValidResponseIsStillAccepted() {
        ServiceProvider sp = f.builder().limits(ValidationLimits.DEFAULTS.withMaxDepth(8)).build();
        String tooDeep = f.response().xml().replaceFirst("<samlp:Status>",
                Matcher.quoteReplacement("<samlp:Extensions>" + "<x>".repeat(20) + "</x>".repeat(20)
                        + "</samlp:Extensions><samlp:Status>"));
        String tooManyAttributes = f.response().xml().replaceFirst("<samlp:Status>",
                Matcher.quoteReplacement("<samlp:Extensions><x " + manyAttributes(40) + "/></samlp:Extensions>"
                        + "<samlp:Status>"));
        for (int round = 0; round < 40; round++) {
            assertThat(f.rejectXml(sp, tooDeep)).isEqualTo(Reason.TOO_LARGE);
            assertThat(f.rejectXml(sp, tooManyAttributes)).isEqualTo(Reason.TOO_LARGE);
            assertThat(f.rejectXml(sp, "<!DOCTYPE x [<!ENTITY e 'e'>]><x>&e;</x>")).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
            assertThat(f.rejectXml(sp, "<samlp:Response xmlns:samlp=\"" + Xml.SAMLP + "\"><unclosed>"))
                    .isEqualTo(Reason.MALFORMED);
            assertThat(f.rejectXml(sp, "<a>&undeclared;</a>")).isEqualTo(Reason.MALFORMED);
            assertThat(sp.validate(f.response().base64(), Fixture.REQUEST_ID).nameId())
                    .isEqualTo("alice@contoso.example");
        }
    }

    private static String manyAttributes(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("a").append(i).append("=\"1\" ");
        }
        return sb.toString();
    }

    /** 2^n distinct strings with the same String.hashCode(): every combination of the blocks "Aa" and "BB". */
    static List<String> collidingStrings(int n) {
        List<String> out = new ArrayList<>(List.of(""));
        for (int i = 0; i < n; i++) {
            List<String> next = new ArrayList<>(out.size() * 2);
            for (String s : out) {
                next.add(s + "Aa");
                next.add(s + "BB");
            }
            out = next;
        }
        return out;
    }
}

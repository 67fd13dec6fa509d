package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.Hostile;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile variant that test-fixtures publishes (the same ones a host app would use to prove its own wiring),
 * each rejected with the reason named here. A second implementation of the attacks beside this module's own
 * SignatureWrappingTest / XmlAttacksTest / CryptoAttacksTest.
 */
class HostileFixturesTest {

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    static Stream<Arguments> wrappingOfResponseSigned() {
        return Stream.of(
                Arguments.of("xsw1", (UnaryOperator<String>) Hostile::xsw1, Reason.DUPLICATE_ID),
                Arguments.of("xsw2", (UnaryOperator<String>) Hostile::xsw2, Reason.DUPLICATE_ID),
                Arguments.of("wrappedResponse", (UnaryOperator<String>) Hostile::wrappedResponse,
                        Reason.DUPLICATE_ID));
    }

    static Stream<Arguments> wrappingOfAssertionSigned() {
        return Stream.of(
                Arguments.of("xsw3", (UnaryOperator<String>) Hostile::xsw3, Reason.MULTIPLE_ASSERTIONS),
                Arguments.of("xsw4", (UnaryOperator<String>) Hostile::xsw4, Reason.MULTIPLE_ASSERTIONS),
                Arguments.of("xsw5", (UnaryOperator<String>) Hostile::xsw5, Reason.MULTIPLE_ASSERTIONS),
                Arguments.of("xsw6", (UnaryOperator<String>) Hostile::xsw6, Reason.MULTIPLE_ASSERTIONS),
                Arguments.of("xsw7", (UnaryOperator<String>) Hostile::xsw7, Reason.DUPLICATE_ID),
                Arguments.of("xsw8", (UnaryOperator<String>) Hostile::xsw8, Reason.MULTIPLE_ASSERTIONS),
                Arguments.of("wrappedResponse", (UnaryOperator<String>) Hostile::wrappedResponse,
                        Reason.DUPLICATE_ID),
                Arguments.of("duplicateAssertion", (UnaryOperator<String>) Hostile::duplicateAssertion,
                        Reason.MULTIPLE_ASSERTIONS),
                Arguments.of("duplicateIds", (UnaryOperator<String>) Hostile::duplicateIds, Reason.DUPLICATE_ID),
                Arguments.of("referenceToOtherId", (UnaryOperator<String>) Hostile::referenceToOtherId,
                        Reason.SIGNATURE_WRAPPING),
                Arguments.of("strippedSignature", (UnaryOperator<String>) Hostile::strippedSignature,
                        Reason.SIGNATURE_MISSING),
                Arguments.of("tamperedAfterSigning", (UnaryOperator<String>) Hostile::tamperedAfterSigning,
                        Reason.SIGNATURE_INVALID),
                Arguments.of("doctypeOnly", (UnaryOperator<String>) Hostile::doctypeOnly, Reason.DOCTYPE_FORBIDDEN),
                Arguments.of("xxeExternalEntity", (UnaryOperator<String>) Hostile::xxeExternalEntity,
                        Reason.DOCTYPE_FORBIDDEN),
                Arguments.of("billionLaughs", (UnaryOperator<String>) Hostile::billionLaughs,
                        Reason.DOCTYPE_FORBIDDEN),
                Arguments.of("deepNesting", (UnaryOperator<String>) x -> Hostile.deepNesting(x, 100),
                        Reason.TOO_LARGE),
                Arguments.of("manyAttributes", (UnaryOperator<String>) x -> Hostile.manyAttributes(x, 100),
                        Reason.TOO_LARGE),
                Arguments.of("oversized", (UnaryOperator<String>) x -> Hostile.oversized(x, 300 * 1024),
                        Reason.TOO_LARGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappingOfResponseSigned")
    void validateWhenHostileVariantOfResponseSignedThenRejectsWithReason(String name, UnaryOperator<String> attack,
                                                                        Reason expected) {
        assertThat(f.rejectXml(sp, attack.apply(f.response().signResponse().xml()))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappingOfAssertionSigned")
    void validateWhenHostileVariantOfAssertionSignedThenRejectsWithReason(String name, UnaryOperator<String> attack,
                                                                         Reason expected) {
        assertThat(f.rejectXml(sp, attack.apply(f.response().xml()))).isEqualTo(expected);
    }

    @Test
    void validateWhenHostileStandaloneDocumentsThenRejects() {
        assertThat(f.rejectXml(sp, Hostile.xxeExternalEntity())).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
        assertThat(f.rejectXml(sp, Hostile.billionLaughs())).isEqualTo(Reason.DOCTYPE_FORBIDDEN);
        assertThat(f.rejectXml(sp, Hostile.deepNesting(10_000))).isEqualTo(Reason.TOO_LARGE);
        assertThat(f.rejectXml(sp, Hostile.manyAttributes(1_000))).isEqualTo(Reason.TOO_LARGE);
        assertThat(Fixture.reasonOf(() -> sp.validate(Hostile.base64(Hostile.oversized(400 * 1024)),
                Fixture.REQUEST_ID))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void validateWhenHostileReferenceTricksThenRejects() {
        assertThat(f.rejectXml(sp, Hostile.xpathTransform(f.response()))).isEqualTo(Reason.UNSUPPORTED_TRANSFORM);
        assertThat(f.rejectXml(sp, Hostile.extraReference(f.response()))).isEqualTo(Reason.SIGNATURE_WRAPPING);
        assertThat(f.rejectXml(sp, Hostile.emptyReferenceUri(f.response()))).isEqualTo(Reason.SIGNATURE_WRAPPING);
        assertThat(f.rejectXml(sp, Hostile.referenceToOtherId(f.response()))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void validateWhenHostileKeyInfoSubstitutionThenRejectsWithUntrustedKey() {
        assertThat(f.rejectXml(sp, Hostile.keyInfoSubstitution(f.response()))).isEqualTo(Reason.UNTRUSTED_KEY);
    }

    @Test
    void validateWhenHostileCommentInNameIdThenIdentityHasTheWholeText() {
        String xml = Hostile.commentInNameId(f.response(), "admin@contoso.example", ".evil.example");
        Identity who = sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID);
        assertThat(who.nameId()).isEqualTo("admin@contoso.example.evil.example");
    }
}

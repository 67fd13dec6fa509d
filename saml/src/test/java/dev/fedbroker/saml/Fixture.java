package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.MutableClock;
import dev.fedbroker.testing.ResponseBuilder;
import dev.fedbroker.testing.TestCredential;
import dev.fedbroker.testing.TestIdentityProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * One Azure tenant (test-fixtures' TestIdentityProvider) and the SP that trusts it through its metadata, on a shared
 * mutable clock. Keys are minted once per JVM (TestCredential.shared). Each test makes its own Fixture.
 */
final class Fixture {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String REQUEST_ID = "_request-1";
    static final String SP_ENTITY_ID = TestIdentityProvider.DEFAULT_SP_ENTITY_ID;
    static final String ACS = TestIdentityProvider.DEFAULT_ACS_URL;

    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final MutableClock clock = MutableClock.at(t0);
    final TestIdentityProvider idp = TestIdentityProvider.azureAd(TENANT).withClock(clock);

    static TestCredential spEncryption() {
        return TestCredential.shared("fedbroker-sp-encryption");
    }

    static TestCredential attacker() {
        return TestCredential.shared("attacker");
    }

    ServiceProvider.Builder builder() {
        return builder(idp);
    }

    ServiceProvider.Builder builder(TestIdentityProvider trusted) {
        return ServiceProvider.builder()
                .entityId(SP_ENTITY_ID)
                .assertionConsumerService(ACS)
                .identityProvider(IdentityProvider.fromMetadata(trusted.metadataXml()))
                .decryption(spEncryption().privateKey(), spEncryption().certificate())
                .clock(clock);
    }

    ServiceProvider sp() {
        return builder().build();
    }

    /** An SP-initiated response to {@link #REQUEST_ID}, with Azure's defaults (assertion signed). */
    ResponseBuilder response() {
        return idp.response().inResponseTo(REQUEST_ID);
    }

    /** The builder's response, unsigned, edited by {@code edit}, then its assertion signed with the IdP's key. */
    String edited(ResponseBuilder unsignedBuilder, java.util.function.Consumer<org.w3c.dom.Document> edit) {
        org.w3c.dom.Document doc = Xml.parse(unsignedBuilder.unsigned().xml());
        edit.accept(doc);
        TestSigner.sign(Xml.assertion(doc), idp.signingCredential());
        return Xml.serialize(doc);
    }

    static String b64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The reason of the rejection {@code call} must throw. */
    static Reason reasonOf(ThrowingCallable call) {
        SamlValidationException e = catchThrowableOfType(SamlValidationException.class, call);
        if (e == null) {
            throw new AssertionError("expected a SamlValidationException, but the response was accepted");
        }
        return e.reason();
    }

    /** Validates an XML string as a posted SP-initiated response. */
    Reason rejectXml(ServiceProvider sp, String xml) {
        return reasonOf(() -> sp.validate(b64(xml), REQUEST_ID));
    }
}

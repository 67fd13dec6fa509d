package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.MutableClock;
import dev.fedbroker.testing.TestCredential;
import dev.fedbroker.testing.TestIdentityProvider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The SP side of the conversation against test-fixtures' IdP: one tenant, an SP with a signing key and a logout URL,
 * on a shared mutable clock. Keys are minted once per JVM (TestCredential.shared). Each test makes its own.
 */
final class SpSide {

    static final String TENANT = "8b966979-910b-487c-a604-69229b1ac75c";
    static final String SP_ENTITY_ID = TestIdentityProvider.DEFAULT_SP_ENTITY_ID;
    static final String ACS = TestIdentityProvider.DEFAULT_ACS_URL;
    static final String SLO = TestIdentityProvider.DEFAULT_SLO_URL;

    final Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final MutableClock clock = MutableClock.at(t0);
    final TestIdentityProvider idp = TestIdentityProvider.azureAd(TENANT).withClock(clock);

    static TestCredential spSigning() {
        return TestCredential.shared("fedbroker-sp-signing");
    }

    static TestCredential attacker() {
        return TestCredential.shared("attacker");
    }

    /** An SP trusting {@link #idp} through its metadata, signing with {@link #spSigning()}, with a logout URL. */
    ServiceProvider.Builder builder() {
        return ServiceProvider.builder()
                .entityId(SP_ENTITY_ID)
                .assertionConsumerService(ACS)
                .singleLogoutService(SLO)
                .identityProvider(IdentityProvider.fromMetadata(idp.metadataXml()))
                .signing(spSigning().privateKey(), spSigning().certificate())
                .clock(clock);
    }

    ServiceProvider sp() {
        return builder().build();
    }

    /** An identity as validation of an Azure response yields it. */
    static Identity alice() {
        return Identity.builder("alice@contoso.example")
                .nameIdFormat("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress")
                .sessionIndex("_session-1").build();
    }

    /** The reason of the rejection {@code call} must throw. */
    static Reason reasonOf(ThrowingCallable call) {
        SamlValidationException e = catchThrowableOfType(SamlValidationException.class, call);
        if (e == null) {
            throw new AssertionError("expected a SamlValidationException, but the call succeeded");
        }
        return e.reason();
    }

    /** The query part of a URL. */
    static String query(String url) {
        return url.substring(url.indexOf('?') + 1);
    }

    /** The raw name=value pairs of a query string, in order. */
    static List<String[]> pairs(String query) {
        List<String[]> out = new ArrayList<>();
        for (String p : query.split("&")) {
            int eq = p.indexOf('=');
            out.add(new String[] {p.substring(0, eq), p.substring(eq + 1)});
        }
        return out;
    }

    /** The raw value of one parameter. */
    static String raw(String query, String name) {
        return pairs(query).stream().filter(p -> p[0].equals(name)).map(p -> p[1]).findFirst().orElseThrow();
    }

    /** The query with one parameter's raw value replaced. */
    static String replace(String query, String name, String rawValue) {
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs(query)) {
            sb.append(sb.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[0].equals(name) ? rawValue : p[1]);
        }
        return sb.toString();
    }

    /** The query without one parameter. */
    static String without(String query, String name) {
        StringBuilder sb = new StringBuilder();
        for (String[] p : pairs(query)) {
            if (!p[0].equals(name)) {
                sb.append(sb.length() == 0 ? "" : "&").append(p[0]).append('=').append(p[1]);
            }
        }
        return sb.toString();
    }
}

package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.MutableClock;
import dev.fedbroker.testing.TestIdentityProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's "Validating what Azure AD posts to your ACS", compiled and run against the test IdP. */
class ReadmeQuickStartTest {

    private final MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final TestIdentityProvider azure = TestIdentityProvider.azureAd("5a1f0c7e-0000-4000-8000-000000000001")
            .withClock(clock).withServiceProvider("https://broker.example.com/saml", "https://broker.example.com/saml/acs");
    private final List<Reason> rejected = new ArrayList<>();

    /** The README snippet; the resolver line is core's quick start, so here the identity itself is returned. */
    Identity readme(String samlResponse, String requestIdRememberedInSession, String azureFederationMetadataXml,
            Clock clock) {
        ServiceProvider sp = ServiceProvider.builder()
                .entityId("https://broker.example.com/saml")                  // Identifier (Entity ID) in the Azure app
                .assertionConsumerService("https://broker.example.com/saml/acs")
                .identityProvider(IdentityProvider.fromMetadata(azureFederationMetadataXml))
                .clock(clock)                                                  // default Clock.systemUTC()
                .build();                                                      // immutable, thread-safe: share it
        try {
            Identity who = sp.validate(samlResponse, requestIdRememberedInSession);
            return who;
        } catch (SamlValidationException e) {
            rejected.add(e.reason());                                          // e.problems() says what to fix
            return null;
        }
    }

    @Test
    void quickStartWhenAzurePostsAValidResponseThenReturnsTheIdentity() {
        String posted = azure.response().inResponseTo("_req-42").upn("ada@contoso.example").base64();

        Identity who = readme(posted, "_req-42", azure.metadataXml(), clock);

        assertThat(who).isNotNull();
        assertThat(who.upn()).contains("ada@contoso.example");
        assertThat(rejected).isEmpty();
    }

    @Test
    void quickStartWhenResponseAnswersAnotherRequestThenTheCatchSeesTheReason() {
        String posted = azure.response().inResponseTo("_someone-elses-request").base64();

        assertThat(readme(posted, "_req-42", azure.metadataXml(), clock)).isNull();
        assertThat(rejected).containsExactly(Reason.IN_RESPONSE_TO_MISMATCH);
    }
}

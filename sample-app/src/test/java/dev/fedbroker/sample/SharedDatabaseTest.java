package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FEDBROKER_JDBC_URL: two instances behind one public URL (as behind a load balancer) share the replay cache and the
 * SCIM store through one database (embedded H2 in PostgreSQL mode here; PostgreSQL in production).
 */
class SharedDatabaseTest {

    private static TestApp first;
    private static TestApp second;

    @BeforeAll
    static void start() {
        String url = "jdbc:h2:mem:fedbroker-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        int port = TestApp.freePort();
        String publicUrl = "--fedbroker.base-url=http://localhost:" + port;
        first = TestApp.startOn(port, publicUrl, "--fedbroker.jdbc.url=" + url,
                "--fedbroker.jdbc.user=sa");
        second = TestApp.start(publicUrl, "--fedbroker.jdbc.url=" + url, "--fedbroker.jdbc.user=sa");
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void replayWhenAcceptedByOneInstanceThenRefusedByTheOther() {
        TestBrowser browser = first.browser();
        Page autoPost = browser.devIdpAnswer("bob@contoso.example");
        Map<String, String> fields = autoPost.form(autoPost.autoPostAction());
        String requestId = browser.cookie("fedbroker_authn").orElseThrow();
        assertThat(browser.post("/saml/acs", fields).status()).isEqualTo(303);

        TestBrowser attacker = second.browser();
        attacker.setCookie("fedbroker_authn", requestId, "/saml/acs");
        Page replayed = attacker.post(second.base() + "/saml/acs", fields);

        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.reasonCode()).isEqualTo("REPLAYED");
    }

    @Test
    void scimWhenWrittenThroughOneInstanceThenTheOtherSignsTheUserIn() {
        ScimClient azure = new ScimClient(first.base(), Optional.of(TestApp.SCIM_TOKEN));
        String erin = azure.createUser("erin@contoso.example", "Erin", "Eklund");
        azure.members(azure.idOf("/Groups", "displayName", "Production Readers"), "Add", erin);

        TestBrowser browser = second.browser();
        Page autoPost = browser.devIdpAnswer("erin@contoso.example");
        Page acs = browser.post(second.base() + "/saml/acs", autoPost.form(autoPost.autoPostAction()));
        Page portal = browser.get(second.base() + "/portal");

        assertThat(acs.status()).isEqualTo(303);
        assertThat(portal.pairs()).containsExactly("444444444444/ReadOnlyAccess", "555555555555/ReadOnlyAccess");
    }

    @Test
    void overageWhenGroupsAreInTheDatabaseThenBobGetsHisPairs() {
        assertThat(second.browser().portalAs("bob@contoso.example").pairs())
                .containsExactly("111111111111/Billing", "666666666666/PowerUserAccess",
                        "777777777777/AdministratorAccess");
    }
}

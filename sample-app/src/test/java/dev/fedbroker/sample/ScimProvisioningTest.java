package dev.fedbroker.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SCIM provisioning behind the bearer token, and its effect on what the portal shows at the next sign-in. */
class ScimProvisioningTest {

    private static final String ENGINEERS = "Engineers";
    private static final String FINANCE = "Finance";

    private static TestApp app;
    private static ScimClient azure;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        azure = new ScimClient(app.base(), Optional.of(TestApp.SCIM_TOKEN));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void scimWhenNoTokenThenUnauthorizedWithScimError() {
        HttpResponse<String> r = new ScimClient(app.base(), Optional.empty()).send("GET", "/Users", null);

        assertUnauthorized(r);
    }

    @Test
    void scimWhenWrongTokenThenUnauthorizedWithScimError() {
        for (String wrong : new String[] {TestApp.SCIM_TOKEN + "x", TestApp.SCIM_TOKEN.substring(1), "", "Bearer"}) {
            assertUnauthorized(new ScimClient(app.base(), Optional.of(wrong)).send("GET", "/Users", null));
        }
    }

    @Test
    void scimWhenTokenSentWithAnotherSchemeThenUnauthorized() {
        HttpResponse<String> r = azure.send("GET", "/Groups", null);
        assertThat(r.statusCode()).isEqualTo(200);

        var basic = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(app.base() + "/scim/v2/Users"))
                .header("Authorization", "Basic " + TestApp.SCIM_TOKEN).build();
        assertUnauthorized(send(basic, request));
    }

    @Test
    void scimWhenTokenRightThenServesTheSeededDirectory() {
        HttpResponse<String> r = azure.send("GET", "/Users?filter=userName%20eq%20%22bob%40contoso.example%22",
                null);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
                .startsWith("application/scim+json"));
        assertThat(r.body()).contains("\"totalResults\":1", "\"userName\":\"bob@contoso.example\"");
        assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void scimWhenUserCreatedAndAddedToGroupThenPortalChangesOnNextSignIn() {
        String dave = azure.createUser("dave@contoso.example", "Dave", "Doe");

        Page before = app.browser().signIn("dave@contoso.example");
        assertThat(before.status()).isEqualTo(403);
        assertThat(before.reasonCode()).isEqualTo("NO_ENTITLEMENT");

        azure.members(azure.idOf("/Groups", "displayName", ENGINEERS), "Add", dave);

        assertThat(app.browser().portalAs("dave@contoso.example").pairs())
                .containsExactly("666666666666/PowerUserAccess");
    }

    @Test
    void scimWhenAliceAddedToFinanceThenBillingAppearsOnHerNextSignIn() {
        String finance = azure.idOf("/Groups", "displayName", FINANCE);
        String alice = azure.idOf("/Users", "userName", "alice@contoso.example");
        assertThat(app.browser().portalAs("alice@contoso.example").pairs()).doesNotContain("111111111111/Billing");

        azure.members(finance, "Add", alice);
        try {
            assertThat(app.browser().portalAs("alice@contoso.example").pairs()).contains("111111111111/Billing");
        } finally {
            azure.members(finance, "Remove", alice);
        }
    }

    @Test
    void scimWhenOverageUserLeavesAGroupThenItsPairGoesAway() {
        String finance = azure.idOf("/Groups", "displayName", FINANCE);
        String bob = azure.idOf("/Users", "userName", "bob@contoso.example");
        assertThat(app.browser().portalAs("bob@contoso.example").pairs()).contains("111111111111/Billing");

        azure.members(finance, "Remove", bob);
        try {
            Page portal = app.browser().portalAs("bob@contoso.example");
            assertThat(portal.pairs()).doesNotContain("111111111111/Billing")
                    .contains("666666666666/PowerUserAccess");
            assertThat(portal.text()).contains("199 group(s) from the provisioned directory");
        } finally {
            azure.members(finance, "Add", bob);
        }
    }

    private static void assertUnauthorized(HttpResponse<String> r) {
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("Bearer"));
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct)
                .startsWith("application/scim+json"));
        assertThat(r.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error", "\"status\":\"401\"")
                .doesNotContain("bob@", "alice@");
    }

    private static HttpResponse<String> send(java.net.http.HttpClient client, java.net.http.HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

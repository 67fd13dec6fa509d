package dev.fedbroker.aws;

import dev.fedbroker.core.Identity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Identities and signers shared by the sign-in tests. */
final class SignInFixtures {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String ENTITY_ID = "https://broker.example.com/saml";
    static final String DEPARTMENT = "http://schemas.microsoft.com/ws/2008/06/identity/claims/department";
    static final String OBJECT_ID = "5f6e7d8c-1111-4222-8333-944455566677";

    private SignInFixtures() {
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    static AwsSignInBuilder builder() {
        return AwsSignIn.builder().entityId(ENTITY_ID)
                .signingKey(TestKeys.broker().privateKey(), TestKeys.broker().certificate())
                .policy(Policies.example()).clock(clock());
    }

    /** A reader (ReadOnlyAccess on ou-prod, Billing everywhere), without MFA. */
    static Identity.Builder reader() {
        return Identity.builder("reader-name-id").objectId(OBJECT_ID).upn("reader@contoso.example")
                .groups(List.of(Policies.READERS));
    }

    /** An administrator (AdministratorAccess with MFA on management and ou-prod-eu). */
    static Identity.Builder admin() {
        return Identity.builder("admin-name-id").objectId("0a0b0c0d-0000-4000-8000-000000000001")
                .upn("admin@contoso.example").groups(List.of(Policies.ADMINS));
    }
}

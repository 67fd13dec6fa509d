package dev.fedbroker.core;

import java.util.List;

/** A small organization with nested units, shared by the resolver tests. */
final class ResolverFixtures {

    static final String G_READERS = "0b6e5a1c-3d2f-4e8b-9a7c-6d5e4f3a2b10";
    static final String G_ALL = "5f2d8c3a-7b1e-4a6f-9d0c-2e4b6a8c0d1f";
    static final String G_DEV = "77aa0000-0000-4000-8000-000000000001";
    static final String G_EU_ADMINS = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String BOB_OID = "b0b00000-1111-4222-8333-444455556666";
    static final String MFA = Identity.AZURE_MFA_METHOD;

    /**
     * r-root: 111111111111 management
     *   ou-prod: 222222222222 payments-prod
     *     ou-prod-eu: 444444444444 payments-prod-eu
     *       ou-prod-eu-west: 555555555555 eu-west
     *   ou-dev: 333333333333 payments-dev
     */
    static final String POLICY = """
            {"organization": {"id": "r-root", "name": "Root",
               "accounts": [{"id": "111111111111", "name": "management"}],
               "units": [
                 {"id": "ou-prod", "name": "Production", "accounts": [{"id": "222222222222", "name": "payments-prod"}],
                  "units": [{"id": "ou-prod-eu", "name": "Production EU",
                             "accounts": [{"id": "444444444444", "name": "payments-prod-eu"}],
                             "units": [{"id": "ou-prod-eu-west", "name": "EU West",
                                        "accounts": [{"id": "555555555555", "name": "eu-west"}]}]}]},
                 {"id": "ou-dev", "name": "Development", "accounts": [{"id": "333333333333", "name": "payments-dev"}]}]},
             "permissionSets": [{"name": "ReadOnlyAccess", "sessionDuration": "PT8H"},
                                {"name": "AdministratorAccess", "sessionDuration": "PT1H", "requireMfa": true},
                                {"name": "PowerUserAccess", "sessionDuration": "PT4H"}],
             "assignments": [
               {"group": "0b6e5a1c-3d2f-4e8b-9a7c-6d5e4f3a2b10", "target": "ou-prod", "permissionSet": "ReadOnlyAccess"},
               {"user": "alice@contoso.example", "target": "111111111111", "permissionSet": "AdministratorAccess"},
               {"group": "77aa0000-0000-4000-8000-000000000001", "target": "ou-dev", "permissionSet": "PowerUserAccess"},
               {"group": "5f2d8c3a-7b1e-4a6f-9d0c-2e4b6a8c0d1f", "target": "r-root", "permissionSet": "ReadOnlyAccess"},
               {"user": "b0b00000-1111-4222-8333-444455556666", "target": "333333333333", "permissionSet": "ReadOnlyAccess"},
               {"group": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "target": "ou-prod-eu", "permissionSet": "AdministratorAccess"}],
             "acceptRoleClaims": %s}
            """;

    private ResolverFixtures() {
    }

    static Policy policy(boolean acceptRoleClaims) {
        return PolicyLoader.defaults().parse(POLICY.formatted(acceptRoleClaims));
    }

    static EntitlementResolver resolver() {
        return EntitlementResolver.of(policy(false));
    }

    static Identity.Builder user(String upn) {
        return Identity.builder(upn).upn(upn);
    }

    /** The pairs of the entitlements, as "account/permissionSet" strings. */
    static List<String> pairs(List<Entitlement> entitlements) {
        return entitlements.stream().map(e -> e.accountId() + "/" + e.permissionSetName()).toList();
    }
}

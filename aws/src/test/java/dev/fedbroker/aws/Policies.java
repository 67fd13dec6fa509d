package dev.fedbroker.aws;

import dev.fedbroker.core.Policy;
import dev.fedbroker.core.PolicyLoader;

/** Policies for tests, written as the JSON that administrators write. */
final class Policies {

    static final String ADMINS = "0b6e5a1c-3d2f-4e8b-9a7c-6d5e4f3a2b10";
    static final String READERS = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    static final String MANAGEMENT = "111111111111";
    static final String PAYMENTS_PROD = "222222222222";
    static final String PAYMENTS_EU = "333333333333";
    static final String SANDBOX = "444444444444";

    private Policies() {
    }

    /**
     * Root with the management account; ou-prod (payments-prod) holding ou-prod-eu (payments-eu); ou-sandbox
     * (sandbox). ReadOnlyAccess on ou-prod for readers, Billing on the root for readers, AdministratorAccess (MFA)
     * on the management account for admins and on ou-prod-eu for admins, Deploy (15 minutes) on payments-eu.
     */
    static Policy example() {
        return PolicyLoader.defaults().parse("""
                {"organization": {"id": "r-root", "name": "Root",
                   "accounts": [{"id": "111111111111", "name": "management"}],
                   "units": [
                     {"id": "ou-prod", "name": "Production",
                      "accounts": [{"id": "222222222222", "name": "payments-prod"}],
                      "units": [{"id": "ou-prod-eu", "name": "Production EU",
                                 "accounts": [{"id": "333333333333", "name": "payments-eu"}], "units": []}]},
                     {"id": "ou-sandbox", "name": "Sandbox",
                      "accounts": [{"id": "444444444444", "name": "sandbox"}], "units": []}]},
                 "permissionSets": [
                   {"name": "ReadOnlyAccess", "sessionDuration": "PT8H"},
                   {"name": "AdministratorAccess", "sessionDuration": "PT1H", "requireMfa": true},
                   {"name": "Billing", "sessionDuration": "PT12H", "description": "Pays \\"the\\" bills: {a: b} # & <x>"},
                   {"name": "Deploy", "sessionDuration": "PT15M"}],
                 "assignments": [
                   {"group": "%s", "target": "ou-prod", "permissionSet": "ReadOnlyAccess"},
                   {"group": "%s", "target": "r-root", "permissionSet": "Billing"},
                   {"group": "%s", "target": "111111111111", "permissionSet": "AdministratorAccess"},
                   {"group": "%s", "target": "ou-prod-eu", "permissionSet": "AdministratorAccess"},
                   {"group": "%s", "target": "ou-prod-eu", "permissionSet": "ReadOnlyAccess"},
                   {"user": "alice@contoso.example", "target": "333333333333", "permissionSet": "Deploy"}],
                 "acceptRoleClaims": false}
                """.formatted(READERS, READERS, ADMINS, ADMINS, ADMINS));
    }
}

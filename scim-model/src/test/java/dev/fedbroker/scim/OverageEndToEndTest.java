package dev.fedbroker.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.AccountRole;
import dev.fedbroker.core.DropReason;
import dev.fedbroker.core.Entitlement;
import dev.fedbroker.core.EntitlementResolver;
import dev.fedbroker.core.Explanation;
import dev.fedbroker.core.Identity;
import dev.fedbroker.core.Policy;
import dev.fedbroker.core.PolicyLoader;
import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.ServiceProvider;
import dev.fedbroker.testing.MutableClock;
import dev.fedbroker.testing.TestIdentityProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole overage path, end to end: Azure AD provisions a user into 200 groups over SCIM; the user signs in and the
 * SAML token carries the {@code groups.link} overage claim instead of the groups; the validated identity is resolved
 * through the SCIM-provisioned directory into the entitlements the policy grants to three of those groups.
 */
class OverageEndToEndTest {
    private static final String TENANT = "7a1d9e0c-2b3f-4c5d-8e6f-0a1b2c3d4e5f";
    private static final String BOB = "Bob.Builder@contoso.example";

    private final MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private final TestIdentityProvider idp = TestIdentityProvider.azureAd(TENANT).withClock(clock);
    private final ServiceProvider sp = ServiceProvider.builder()
            .entityId(TestIdentityProvider.DEFAULT_SP_ENTITY_ID)
            .assertionConsumerService(TestIdentityProvider.DEFAULT_ACS_URL)
            .identityProvider(IdentityProvider.fromMetadata(idp.metadataXml()))
            .clock(clock)
            .build();
    private final Replayer azure = new Replayer();
    private final List<String> groupObjectIds = new ArrayList<>();

    @Test
    void resolveWhenTokenHasOverageLinkThenEntitlementsComeFromScimProvisionedGroups() {
        String bobId = provisionUser(BOB);
        provisionGroups(200, bobId);
        Policy policy = policy(groupObjectIds.get(7), groupObjectIds.get(150), groupObjectIds.get(199));
        EntitlementResolver resolver = EntitlementResolver.of(policy,
                ScimDirectory.builder().store(azure.store).build());

        Identity bob = sp.validate(idp.response().inResponseTo("_req-1").nameId(BOB)
                .upn(BOB.toLowerCase(java.util.Locale.ROOT)).groupsOverage().base64(), "_req-1");

        assertThat(bob.groupsOverage()).isTrue();
        assertThat(bob.groups()).isEmpty();
        List<Entitlement> pairs = resolver.resolve(bob);
        assertThat(pairs).extracting(Entitlement::accountRole).containsExactly(
                new AccountRole("111111111111", "ReadOnlyAccess"),
                new AccountRole("222222222222", "PowerUserAccess"),
                new AccountRole("222222222222", "ReadOnlyAccess"));
        assertThat(pairs.get(0).grants()).extracting(g -> g.principal()).containsExactly(groupObjectIds.get(7));
        Explanation why = resolver.explain(bob);
        assertThat(why.groupSource()).isEqualTo(Explanation.GroupSource.DIRECTORY);
        assertThat(why.groups()).hasSize(200);
        assertThat(why.dropped()).extracting(d -> d.reason()).containsExactly(DropReason.MFA_REQUIRED);
    }

    @Test
    void resolveWhenOverageUserWasNeverProvisionedThenNoGroupGrantsAndExplained() {
        provisionGroups(3, provisionUser("someone.else@contoso.example"));
        EntitlementResolver resolver = EntitlementResolver.of(policy(groupObjectIds.get(0), groupObjectIds.get(1),
                groupObjectIds.get(2)), ScimDirectory.builder().store(azure.store).build());

        Identity bob = sp.validate(idp.response().inResponseTo("_req-2").nameId(BOB).upn(BOB).groupsOverage()
                .base64(), "_req-2");

        assertThat(resolver.resolve(bob)).isEmpty();
        assertThat(resolver.explain(bob).dropped()).extracting(d -> d.reason())
                .contains(DropReason.OVERAGE_UNRESOLVED);
    }

    private String provisionUser(String userName) {
        ScimResponse created = azure.send("POST", "/Users", "{\"schemas\":[\"" + ScimSchemas.USER + "\"],"
                + "\"externalId\":\"" + userName.substring(0, userName.indexOf('@')) + "\",\"userName\":\""
                + userName + "\",\"active\":\"True\"}");
        assertThat(created.status()).isEqualTo(201);
        return Replayer.json(created).get("id").asText();
    }

    /** Groups as Azure provisions them: object id as externalId, then one member PATCH per group. */
    private void provisionGroups(int count, String memberId) {
        for (int i = 0; i < count; i++) {
            String objectId = UUID.nameUUIDFromBytes(("g" + i).getBytes(StandardCharsets.UTF_8)).toString();
            groupObjectIds.add(objectId);
            ScimResponse group = azure.send("POST", "/Groups", "{\"schemas\":[\"" + ScimSchemas.GROUP + "\"],"
                    + "\"externalId\":\"" + objectId + "\",\"displayName\":\"Team " + i + "\",\"members\":[]}");
            assertThat(group.status()).isEqualTo(201);
            ScimResponse patched = azure.send("PATCH", "/Groups/" + Replayer.json(group).get("id").asText(),
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                            + "\"Add\",\"path\":\"members\",\"value\":[{\"$ref\":null,\"value\":\"" + memberId
                            + "\"}]}]}");
            assertThat(patched.status()).isEqualTo(204);
        }
    }

    private static Policy policy(String readers, String prodPowerUsers, String nobodyUses) {
        return PolicyLoader.defaults().parse("""
                {"organization": {"id": "r-root", "name": "Root",
                   "accounts": [{"id": "111111111111", "name": "management"}],
                   "units": [{"id": "ou-prod", "name": "Production",
                              "accounts": [{"id": "222222222222", "name": "payments-prod"}], "units": []}]},
                 "permissionSets": [{"name": "ReadOnlyAccess", "sessionDuration": "PT8H"},
                                    {"name": "PowerUserAccess", "sessionDuration": "PT4H"},
                                    {"name": "AdministratorAccess", "sessionDuration": "PT1H", "requireMfa": true}],
                 "assignments": [{"group": "%s", "target": "r-root", "permissionSet": "ReadOnlyAccess"},
                                 {"group": "%s", "target": "ou-prod", "permissionSet": "PowerUserAccess"},
                                 {"group": "%s", "target": "ou-prod", "permissionSet": "AdministratorAccess"},
                                 {"group": "00000000-0000-0000-0000-000000000000", "target": "r-root",
                                  "permissionSet": "AdministratorAccess"}]}
                """.formatted(readers, prodPowerUsers, nobodyUses));
    }
}

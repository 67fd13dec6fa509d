package dev.fedbroker.sample.dev;

import dev.fedbroker.sample.AppUrls;
import dev.fedbroker.scim.ScimMembership;
import dev.fedbroker.scim.ScimQuery;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimResourceStore;
import dev.fedbroker.scim.ScimSchemas;
import dev.fedbroker.testing.AzureClaims;
import dev.fedbroker.testing.ReceivedAuthnRequest;
import dev.fedbroker.testing.ResponseBuilder;
import dev.fedbroker.testing.TestIdentityProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The development tenant: a {@link TestIdentityProvider} that plays Azure AD for the users provisioned in the SCIM
 * directory. As Azure does, it puts a user's groups (transitively, by object id) in the token, and above 150 groups
 * sends the {@code groups.link} overage claim instead, so the service provider must read them from the directory.
 * In a real deployment Azure is the source and SCIM the copy; here the SCIM store is both. Thread-safe.
 */
public final class DevTenant {

    /** Azure's limit of groups in a SAML token, above which it sends the overage claim. */
    public static final int GROUP_CLAIM_LIMIT = 150;
    private static final int MAX_LISTED_USERS = 100;

    private final TestIdentityProvider idp;
    private final String metadataXml;
    private final ScimResourceStore store;
    private final Map<String, DevSeed.User> seeded;

    DevTenant(DevSeed seed, ScimResourceStore store, AppUrls urls, Clock clock) {
        this.idp = TestIdentityProvider.azureAd(seed.tenantId()).withClock(clock)
                .withServiceProvider(urls.spEntityId(), urls.acs());
        this.metadataXml = MetadataEndpoints.relocate(idp.metadataXml(), urls.at("/dev/idp/login"),
                urls.at("/dev/idp/logout"));
        this.store = store;
        this.seeded = seed.users().stream()
                .collect(Collectors.toUnmodifiableMap(u -> key(u.userName()), Function.identity()));
    }

    /** The IdP (its signing key, and the IdP side of the SAML conversation). */
    public TestIdentityProvider identityProvider() {
        return idp;
    }

    /** Federation metadata as Azure publishes it, with the sign-in and logout URLs of this dev IdP. */
    public String metadataXml() {
        return metadataXml;
    }

    /** Every active provisioned user, seeded users first. */
    public List<DevUser> users() {
        List<DevUser> users = new ArrayList<>();
        for (ScimResource r : store.query(ScimSchemas.USER_TYPE, ScimQuery.all(MAX_LISTED_USERS)).resources()) {
            boolean active = r.attribute("active").map(Boolean.TRUE::equals).orElse(true);
            if (active && r.stringAttribute("userName").isPresent()) {
                users.add(toUser(r));
            }
        }
        users.sort(Comparator.comparing((DevUser u) -> u.about().isEmpty()).thenComparing(DevUser::userName));
        return List.copyOf(users);
    }

    /** The active user with this userName (case-insensitive). */
    public Optional<DevUser> user(String userName) {
        return users().stream().filter(u -> u.userName().equalsIgnoreCase(userName)).findFirst();
    }

    /** The object ids of the user's groups, direct and nested, as Azure puts them in a token. */
    public List<String> groupsOf(DevUser user) {
        List<String> ids = new ArrayList<>();
        for (ScimMembership m : store.memberships(user.scimId())) {
            ids.add(m.externalId().orElse(m.groupId()));
        }
        return ids;
    }

    /** A signed SAML response (base64) that answers {@code request} for {@code user}. */
    public String signIn(ReceivedAuthnRequest request, DevUser user) {
        ResponseBuilder response = idp.answer(request)
                .nameId(user.userName()).upn(user.userName()).email(user.userName())
                .objectId(user.objectId()).displayName(user.displayName())
                .authnMethods(user.mfa() ? List.of(AzureClaims.AMR_PASSWORD, AzureClaims.AMR_MFA)
                        : List.of(AzureClaims.AMR_PASSWORD));
        // ResponseBuilder is a mutable builder: each call changes it and returns it.
        user.givenName().ifPresentOrElse(response::givenName, () -> response.withoutAttribute(AzureClaims.GIVEN_NAME));
        user.surname().ifPresentOrElse(response::surname, () -> response.withoutAttribute(AzureClaims.SURNAME));
        List<String> groups = groupsOf(user);
        if (groups.size() > GROUP_CLAIM_LIMIT) {
            response.groupsOverage();
        } else {
            response.groups(groups);
        }
        return response.base64();
    }

    private DevUser toUser(ScimResource r) {
        String userName = r.stringAttribute("userName").orElseThrow();
        Optional<DevSeed.User> seed = Optional.ofNullable(seeded.get(key(userName)));
        Map<?, ?> name = r.attribute("name").filter(Map.class::isInstance).map(Map.class::cast).orElse(Map.of());
        Optional<String> given = text(name.get("givenName"));
        Optional<String> family = text(name.get("familyName"));
        String display = r.stringAttribute("displayName").orElse(userName);
        String objectId = seed.map(DevSeed.User::objectId).orElseGet(() -> UUID.nameUUIDFromBytes(
                ("fedbroker-dev-user:" + r.id()).getBytes(StandardCharsets.UTF_8)).toString());
        return new DevUser(r.id(), userName, display, given, family, objectId,
                seed.map(DevSeed.User::mfa).orElse(false), seed.map(DevSeed.User::about));
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static String key(String userName) {
        return userName.toLowerCase(Locale.ROOT);
    }
}

package dev.fedbroker.sample.dev;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.springframework.core.io.ClassPathResource;

/**
 * The development tenant as {@code dev/directory.json} describes it. Immutable.
 *
 * @param tenantId        the dev tenant id (the IdP issuer is {@code https://sts.windows.net/<tenantId>/})
 * @param users           the seeded users
 * @param groups          the seeded groups with their members
 * @param generatedGroups filler groups that push a user over Azure's 150-group limit
 */
public record DevSeed(String tenantId, List<User> users, List<Group> groups, Generated generatedGroups) {

    public DevSeed {
        Objects.requireNonNull(tenantId, "tenantId");
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        Objects.requireNonNull(generatedGroups, "generatedGroups");
    }

    /**
     * A seeded user.
     *
     * @param userName     the UPN (Azure's default mapping sends it as userName)
     * @param mailNickname sent as externalId, as Azure's default mapping does
     * @param givenName    first name
     * @param familyName   last name
     * @param objectId     the object id the dev IdP puts in the token (not provisioned, as with Azure's defaults)
     * @param mfa          whether the dev IdP reports a multi-factor sign-in for this user
     * @param about        what this user demonstrates, shown on the dev IdP page
     */
    public record User(String userName, String mailNickname, String givenName, String familyName, String objectId,
            boolean mfa, String about) {
    }

    /**
     * A seeded group.
     *
     * @param objectId    the group's object id (sent as externalId; policies and tokens name groups by it)
     * @param displayName the group's name
     * @param members     userNames of its members
     */
    public record Group(String objectId, String displayName, List<String> members) {
    }

    /**
     * Filler groups {@code displayNamePrefix + 001..count}.
     *
     * @param count             how many
     * @param displayNamePrefix their names' prefix
     * @param members           userNames of their members
     */
    public record Generated(int count, String displayNamePrefix, List<String> members) {
    }

    /** Reads {@code dev/directory.json} from the class path. */
    public static DevSeed load() {
        JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = new ClassPathResource("dev/directory.json").getInputStream()) {
            return json.readValue(in, DevSeed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read dev/directory.json", e);
        }
    }
}

package dev.fedbroker.scim;

import dev.fedbroker.core.Directory;
import dev.fedbroker.core.DirectoryGroup;
import dev.fedbroker.core.DirectoryUser;
import dev.fedbroker.scim.internal.SchemaIndex;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves core's {@link Directory} from a {@link ScimResourceStore}, following ARCHITECTURE.md's matching rules:
 * <ul>
 *   <li>a SAML user is found by userName (Azure's default mapping sends the UPN), case-insensitively;</li>
 *   <li>by object id only when the host names the attribute Azure's mapping sends it in (for example
 *       {@code externalId} when mapped from {@code objectId}); by default there is no object id lookup;</li>
 *   <li>a user's group ids are the groups' {@code externalId}s (Azure sends each group's object id there), over
 *       direct and nested provisioned memberships; a group without an externalId is reported by its SCIM id.</li>
 * </ul>
 * Thread-safe (as thread-safe as the store, which the port requires).
 */
public final class ScimDirectory implements Directory {
    private static final Logger LOG = LoggerFactory.getLogger(ScimDirectory.class);

    private final ScimResourceStore store;
    private final ScimSchemas schemas;
    private final Optional<AttributePath> objectIdAttribute;

    private ScimDirectory(Builder builder) {
        this.store = Objects.requireNonNull(builder.store, "store: call ScimDirectory.builder().store(...)");
        this.schemas = builder.schemas;
        this.objectIdAttribute = builder.objectIdAttribute;
        objectIdAttribute.ifPresent(path -> {
            ScimResourceType users = schemas.resourceType(ScimSchemas.USER_TYPE).orElseThrow();
            Optional<ScimAttribute> definition = SchemaIndex.resolve(users, path.parent()).definition();
            boolean string = definition.isPresent() && (path.subAttribute().isPresent()
                    ? definition.get().subAttribute(path.subAttribute().get()).map(s -> s.type()
                    == ScimAttribute.Type.STRING).orElse(false)
                    : definition.get().type() == ScimAttribute.Type.STRING && !definition.get().multiValued());
            if (!string) {
                throw new IllegalArgumentException("objectIdAttribute '" + path + "' is not a single-valued string "
                        + "attribute of User; use the attribute Azure's mapping sends objectId in, e.g. 'externalId'");
            }
        });
    }

    /** A builder. Not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@inheritDoc} A B2B guest's SAML UPN ({@code alias_theirdomain.com#EXT#@tenant.onmicrosoft.com}) that is not
     * provisioned as such is also looked up the way Azure strips it for SCIM ({@code alias@theirdomain.com}).
     */
    @Override
    public Optional<DirectoryUser> userByUserName(String userName) {
        Objects.requireNonNull(userName, "userName");
        Optional<ScimResource> user = single(AttributePath.of("userName"), userName);
        if (user.isEmpty()) {
            user = strippedGuestUpn(userName).flatMap(stripped -> single(AttributePath.of("userName"), stripped));
        }
        return user.map(this::toUser);
    }

    /** alias_theirdomain.com#EXT#@tenant -> alias@theirdomain.com (domains have no '_', so the last one is '@'). */
    static Optional<String> strippedGuestUpn(String upn) {
        int ext = upn.toUpperCase(java.util.Locale.ROOT).indexOf("#EXT#");
        if (ext <= 0) {
            return Optional.empty();
        }
        String local = upn.substring(0, ext);
        int underscore = local.lastIndexOf('_');
        if (underscore <= 0 || underscore == local.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(local.substring(0, underscore) + "@" + local.substring(underscore + 1));
    }

    @Override
    public Optional<DirectoryUser> userByObjectId(String objectId) {
        Objects.requireNonNull(objectId, "objectId");
        return objectIdAttribute.flatMap(path -> single(path, objectId)).map(this::toUser);
    }

    @Override
    public Set<String> groupIdsOf(DirectoryUser user) {
        Objects.requireNonNull(user, "user");
        Set<String> ids = new LinkedHashSet<>();
        for (ScimMembership membership : store.memberships(user.id())) {
            ids.add(membership.externalId().orElse(membership.groupId()));
        }
        return Collections.unmodifiableSet(ids);
    }

    @Override
    public Optional<DirectoryGroup> groupById(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        Optional<ScimResource> byExternalId = single(ScimSchemas.GROUP_TYPE, AttributePath.of("externalId"),
                groupId);
        Optional<ScimResource> group = byExternalId.isPresent() ? byExternalId
                : store.get(ScimSchemas.GROUP_TYPE, groupId).filter(g -> g.externalId().isEmpty());
        return group.map(g -> new DirectoryGroup(groupId, g.stringAttribute("displayName").orElse("")));
    }

    private Optional<ScimResource> single(AttributePath path, String value) {
        return single(ScimSchemas.USER_TYPE, path, value);
    }

    private Optional<ScimResource> single(String type, AttributePath path, String value) {
        ScimFilter filter = new ScimFilter.Comparison(path, ScimFilter.Operator.EQ, Optional.of(value));
        ScimPage page = store.query(type, ScimQuery.of(filter, 2));
        if (page.totalResults() > 1) {
            LOG.debug("{} lookup by {} is ambiguous ({} matches); treating as not found", type, path,
                    page.totalResults());
            return Optional.empty();
        }
        return page.resources().stream().findFirst();
    }

    private DirectoryUser toUser(ScimResource user) {
        Optional<String> objectId = objectIdAttribute.flatMap(path -> stringAt(user, path));
        boolean active = !(user.attribute("active").orElse(Boolean.TRUE) instanceof Boolean b) || b;
        return new DirectoryUser(user.id(), user.stringAttribute("userName").orElse(""), objectId, active);
    }

    private Optional<String> stringAt(ScimResource user, AttributePath path) {
        ScimResourceType users = schemas.resourceType(ScimSchemas.USER_TYPE).orElseThrow();
        SchemaIndex.Location location = SchemaIndex.resolve(users, path.parent());
        Map<String, Object> holder = user.attributes();
        if (location.container().isPresent()) {
            Object extension = user.attribute(location.container().get()).orElse(null);
            if (!(extension instanceof Map<?, ?>)) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) extension;
            holder = map;
        }
        Object value = holder.get(location.name());
        if (path.subAttribute().isPresent() && value instanceof Map<?, ?> complex) {
            value = complex.get(path.subAttribute().get());
        }
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }

    /** Builds a {@link ScimDirectory}. Not thread-safe. */
    public static final class Builder {
        private ScimResourceStore store;
        private ScimSchemas schemas = ScimSchemas.standard();
        private Optional<AttributePath> objectIdAttribute = Optional.empty();

        private Builder() {
        }

        /** The store the SCIM endpoint writes to (required). */
        public Builder store(ScimResourceStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /** The schemas the store follows (default: {@link ScimSchemas#standard()}). */
        public Builder schemas(ScimSchemas value) {
            this.schemas = Objects.requireNonNull(value, "schemas");
            return this;
        }

        /**
         * The User attribute that holds the Azure object id, when the provisioning mapping sends it (for example
         * {@code "externalId"} after mapping objectId to externalId). Default: none, so
         * {@link #userByObjectId(String)} finds nobody.
         */
        public Builder objectIdAttribute(String attributePath) {
            this.objectIdAttribute = Optional.of(AttributePath.parse(Objects.requireNonNull(attributePath,
                    "attributePath")));
            return this;
        }

        public ScimDirectory build() {
            return new ScimDirectory(this);
        }
    }
}

package dev.fedbroker.scim;

import dev.fedbroker.scim.internal.MembershipGraph;
import dev.fedbroker.scim.internal.QueryShortcuts;
import dev.fedbroker.scim.internal.ResourceSorter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The {@link ScimResourceStore} kept in memory, for one instance (several instances need a shared store). Every
 * write holds one lock, so each call is atomic; reads share a read lock. Thread-safe.
 */
public final class InMemoryScimResourceStore implements ScimResourceStore {
    private final Clock clock;
    private final ScimSchemas schemas;
    private final Supplier<String> ids;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    /** resource type (lower case) -> id -> resource, in creation order. */
    private final Map<String, LinkedHashMap<String, ScimResource>> resources = new HashMap<>();
    /** resource type (lower case) -> folded unique name -> id. */
    private final Map<String, Map<String, String>> uniqueNames = new HashMap<>();
    private final MembershipGraph graph = new MembershipGraph();

    private InMemoryScimResourceStore(Builder builder) {
        this.clock = builder.clock;
        this.schemas = builder.schemas;
        this.ids = builder.ids;
        for (ScimResourceType type : schemas.resourceTypes()) {
            resources.put(key(type.name()), new LinkedHashMap<>());
            uniqueNames.put(key(type.name()), new HashMap<>());
        }
    }

    /** A builder; defaults: the system UTC clock, standard schemas, random UUID ids. Not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<ScimResource> get(String resourceType, String id) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(table(resourceType).get(id)).map(this::withGroups);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public ScimResource create(String resourceType, Map<String, ?> attributes) {
        lock.writeLock().lock();
        try {
            Map<String, ScimResource> table = table(resourceType);
            Instant now = clock.instant();
            String id = ids.get();
            if (graph.knows(id) || findAnywhere(id).isPresent()) {
                throw new IllegalStateException("the id generator repeated id " + id);
            }
            ScimResource resource = new ScimResource(canonicalType(resourceType), id, 1, now, now,
                    withoutGroups(attributes));
            claimName(resource, null);
            table.put(id, resource);
            graph.update(resource);
            return withGroups(resource);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public ScimResource replace(String resourceType, String id, Map<String, ?> attributes,
                                OptionalLong expectedVersion) {
        lock.writeLock().lock();
        try {
            ScimResource current = existing(resourceType, id, expectedVersion);
            ScimResource updated = current.withAttributes(withoutGroups(attributes), current.version() + 1,
                    clock.instant());
            claimName(updated, current);
            table(resourceType).put(id, updated);
            graph.update(updated);
            return withGroups(updated);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void delete(String resourceType, String id, OptionalLong expectedVersion) {
        lock.writeLock().lock();
        try {
            ScimResource current = existing(resourceType, id, expectedVersion);
            table(resourceType).remove(id);
            uniqueNames.get(key(resourceType)).remove(uniqueName(current));
            graph.remove(current);
            removeFromGroups(id);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public ScimPage query(String resourceType, ScimQuery query) {
        ScimResourceType type = schemas.resourceType(resourceType).orElseThrow(() -> unknownType(resourceType));
        List<ScimResource> candidates;
        lock.readLock().lock();
        try {
            Map<String, ScimResource> table = table(resourceType);
            Optional<List<String>> shortcut = query.filter().flatMap(filter -> QueryShortcuts.candidateIds(filter,
                    type, uniqueNames.get(key(resourceType))));
            candidates = new ArrayList<>();
            for (String id : shortcut.orElseGet(() -> new ArrayList<>(table.keySet()))) {
                ScimResource resource = table.get(id);
                if (resource != null) {
                    candidates.add(withGroups(resource));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        List<ScimResource> matching = new ArrayList<>();
        for (ScimResource resource : candidates) {
            if (query.filter().isEmpty() || query.filter().get().matches(resource, schemas)) {
                matching.add(resource);
            }
        }
        if (query.sortBy().isPresent()) {
            matching = ResourceSorter.sort(matching, query.sortBy().get(), query.descending(), type);
        }
        int from = Math.min(matching.size(), query.startIndex() - 1);
        int to = (int) Math.min(matching.size(), (long) from + query.count());
        return new ScimPage(matching.size(), query.startIndex(), matching.subList(from, to));
    }

    @Override
    public List<ScimMembership> memberships(String memberId) {
        lock.readLock().lock();
        try {
            return graph.memberships(memberId, groupId -> table(ScimSchemas.GROUP_TYPE).get(groupId));
        } finally {
            lock.readLock().unlock();
        }
    }

    private ScimResource existing(String resourceType, String id, OptionalLong expectedVersion) {
        ScimResource current = table(resourceType).get(id);
        if (current == null) {
            throw new ScimException(ScimErrorType.NOT_FOUND, resourceType + " " + id + " not found.");
        }
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new ScimException(ScimErrorType.PRECONDITION_FAILED, resourceType + " " + id + " is at version "
                    + current.version() + ", not " + expectedVersion.getAsLong() + "; read it again and retry.");
        }
        return current;
    }

    private void removeFromGroups(String memberId) {
        for (String groupId : graph.directGroupIds(memberId)) {
            Map<String, ScimResource> groups = table(ScimSchemas.GROUP_TYPE);
            ScimResource group = groups.get(groupId);
            if (group == null) {
                continue;
            }
            Map<String, Object> attributes = new LinkedHashMap<>(group.attributes());
            List<Object> kept = new ArrayList<>();
            if (attributes.get("members") instanceof List<?> members) {
                for (Object member : members) {
                    if (!(member instanceof Map<?, ?> map && memberId.equals(map.get("value")))) {
                        kept.add(member);
                    }
                }
            }
            if (kept.isEmpty()) {
                attributes.remove("members");
            } else {
                attributes.put("members", kept);
            }
            ScimResource updated = group.withAttributes(attributes, group.version() + 1, clock.instant());
            groups.put(updated.id(), updated);
            graph.update(updated);
        }
    }

    private void claimName(ScimResource resource, ScimResource previous) {
        Map<String, String> names = uniqueNames.get(key(resource.resourceType()));
        String name = uniqueName(resource);
        String holder = names.get(name);
        if (holder != null && !holder.equals(resource.id())) {
            String attribute = resource.resourceType().equalsIgnoreCase(ScimSchemas.GROUP_TYPE) ? "displayName"
                    : "userName";
            throw new ScimException(ScimErrorType.UNIQUENESS, "A " + resource.resourceType() + " with this "
                    + attribute + " already exists (compared case-insensitively); " + attribute + " must be unique.");
        }
        if (previous != null) {
            names.remove(uniqueName(previous));
        }
        names.put(name, resource.id());
    }

    /** The folded userName (User) or displayName (Group), or the id when the type has no unique name. */
    static String uniqueName(ScimResource resource) {
        String attribute = resource.resourceType().equalsIgnoreCase(ScimSchemas.USER_TYPE) ? "userName"
                : resource.resourceType().equalsIgnoreCase(ScimSchemas.GROUP_TYPE) ? "displayName" : null;
        Optional<String> name = attribute == null ? Optional.empty() : resource.stringAttribute(attribute);
        return name.map(n -> n.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)).orElse("\u0000" + resource.id());
    }

    private ScimResource withGroups(ScimResource resource) {
        if (!resource.resourceType().equalsIgnoreCase(ScimSchemas.USER_TYPE)) {
            return resource;
        }
        List<ScimMembership> memberships = graph.memberships(resource.id(),
                groupId -> table(ScimSchemas.GROUP_TYPE).get(groupId));
        if (memberships.isEmpty()) {
            return resource;
        }
        List<Object> groups = new ArrayList<>();
        for (ScimMembership membership : memberships) {
            groups.add(Map.of("value", membership.groupId(), "display", membership.displayName(),
                    "type", membership.direct() ? "direct" : "indirect"));
        }
        Map<String, Object> attributes = new LinkedHashMap<>(resource.attributes());
        attributes.put("groups", groups);
        return new ScimResource(resource.resourceType(), resource.id(), resource.version(), resource.created(),
                resource.lastModified(), attributes);
    }

    private static Map<String, ?> withoutGroups(Map<String, ?> attributes) {
        Map<String, Object> copy = new LinkedHashMap<>(attributes);
        copy.keySet().removeIf(name -> name.equalsIgnoreCase("groups"));
        return copy;
    }

    private Optional<ScimResource> findAnywhere(String id) {
        for (Map<String, ScimResource> table : resources.values()) {
            if (table.containsKey(id)) {
                return Optional.of(table.get(id));
            }
        }
        return Optional.empty();
    }

    private Map<String, ScimResource> table(String resourceType) {
        Map<String, ScimResource> table = resources.get(key(resourceType));
        if (table == null) {
            throw unknownType(resourceType);
        }
        return table;
    }

    private String canonicalType(String resourceType) {
        return schemas.resourceType(resourceType).orElseThrow(() -> unknownType(resourceType)).name();
    }

    private static IllegalArgumentException unknownType(String resourceType) {
        return new IllegalArgumentException("unknown resource type '" + resourceType + "'");
    }

    private static String key(String resourceType) {
        return Objects.requireNonNull(resourceType, "resourceType").toLowerCase(Locale.ROOT);
    }

    /** Builds an {@link InMemoryScimResourceStore}. Not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private ScimSchemas schemas = ScimSchemas.standard();
        private Supplier<String> ids = () -> UUID.randomUUID().toString();

        private Builder() {
        }

        /** The clock for created/lastModified (default: system UTC). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** The schemas filters and sorting follow (default: {@link ScimSchemas#standard()}). */
        public Builder schemas(ScimSchemas value) {
            this.schemas = Objects.requireNonNull(value, "schemas");
            return this;
        }

        /** Where new ids come from (default: random UUIDs); must never repeat. */
        public Builder ids(Supplier<String> value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        public InMemoryScimResourceStore build() {
            return new InMemoryScimResourceStore(this);
        }
    }
}

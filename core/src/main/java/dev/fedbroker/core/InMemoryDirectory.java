package dev.fedbroker.core;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link Directory} held in memory, with mutators for users, groups and memberships (for tests, examples and
 * single-instance hosts; SCIM provisioning normally feeds the directory through scim-model's store). A group may be a
 * member of another group; {@link #groupIdsOf} follows such nesting transitively and is safe against cycles.
 * userNames and object ids are unique and looked up case-insensitively. Thread-safe (one read-write lock).
 */
public final class InMemoryDirectory implements Directory {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, DirectoryUser> users = new HashMap<>();
    private final Map<String, String> userIdByUserName = new HashMap<>();
    private final Map<String, String> userIdByObjectId = new HashMap<>();
    private final Map<String, DirectoryGroup> groups = new HashMap<>();
    private final Map<String, Set<String>> groupsOfUser = new HashMap<>();
    private final Map<String, Set<String>> parentsOfGroup = new HashMap<>();

    /**
     * Adds the user, or replaces the user with the same id.
     *
     * @throws IllegalStateException when another user already has this userName or object id (ignoring case)
     */
    public void putUser(DirectoryUser user) {
        Objects.requireNonNull(user, "user");
        write(() -> {
            String byName = userIdByUserName.get(key(user.userName()));
            if (byName != null && !byName.equals(user.id())) {
                throw new IllegalStateException("userName " + user.userName() + " already belongs to user " + byName
                        + "; remove or rename that user first.");
            }
            String byOid = user.objectId().map(o -> userIdByObjectId.get(key(o))).orElse(null);
            if (byOid != null && !byOid.equals(user.id())) {
                throw new IllegalStateException("object id " + user.objectId().get() + " already belongs to user "
                        + byOid + "; remove that user first.");
            }
            unindex(users.get(user.id()));
            users.put(user.id(), user);
            userIdByUserName.put(key(user.userName()), user.id());
            user.objectId().ifPresent(o -> userIdByObjectId.put(key(o), user.id()));
        });
    }

    /** Removes the user and its memberships; false when there was no such user. */
    public boolean removeUser(String userId) {
        Objects.requireNonNull(userId, "userId");
        return write(() -> {
            DirectoryUser removed = users.remove(userId);
            unindex(removed);
            groupsOfUser.remove(userId);
            return removed != null;
        });
    }

    /** Adds the group, or replaces the group with the same id (keeping its memberships). */
    public void putGroup(DirectoryGroup group) {
        Objects.requireNonNull(group, "group");
        write(() -> groups.put(group.id(), group));
    }

    /** Removes the group, its members and its own memberships; false when there was no such group. */
    public boolean removeGroup(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        return write(() -> {
            boolean existed = groups.remove(groupId) != null;
            groupsOfUser.values().forEach(s -> s.remove(groupId));
            parentsOfGroup.remove(groupId);
            parentsOfGroup.values().forEach(s -> s.remove(groupId));
            return existed;
        });
    }

    /**
     * Makes the user a direct member of the group.
     *
     * @throws IllegalArgumentException when the user or the group does not exist
     */
    public void addMember(String groupId, String userId) {
        write(() -> {
            requireGroup(groupId);
            if (!users.containsKey(userId)) {
                throw new IllegalArgumentException("no user with id " + userId + "; putUser it first.");
            }
            groupsOfUser.computeIfAbsent(userId, k -> new HashSet<>()).add(groupId);
        });
    }

    /** Ends the user's direct membership; false when it was not a member. */
    public boolean removeMember(String groupId, String userId) {
        return write(() -> groupsOfUser.getOrDefault(userId, new HashSet<>()).remove(groupId));
    }

    /**
     * Makes group {@code childGroupId} a member of group {@code parentGroupId}: the child's members are then also
     * in the parent. Cycles are allowed and harmless.
     *
     * @throws IllegalArgumentException when either group does not exist
     */
    public void addGroupMember(String parentGroupId, String childGroupId) {
        write(() -> {
            requireGroup(parentGroupId);
            requireGroup(childGroupId);
            parentsOfGroup.computeIfAbsent(childGroupId, k -> new HashSet<>()).add(parentGroupId);
        });
    }

    /** Ends a group's membership in another group; false when it was not a member. */
    public boolean removeGroupMember(String parentGroupId, String childGroupId) {
        return write(() -> parentsOfGroup.getOrDefault(childGroupId, new HashSet<>()).remove(parentGroupId));
    }

    @Override
    public Optional<DirectoryUser> userByUserName(String userName) {
        Objects.requireNonNull(userName, "userName");
        return read(() -> Optional.ofNullable(userIdByUserName.get(key(userName))).map(users::get));
    }

    @Override
    public Optional<DirectoryUser> userByObjectId(String objectId) {
        Objects.requireNonNull(objectId, "objectId");
        return read(() -> Optional.ofNullable(userIdByObjectId.get(key(objectId))).map(users::get));
    }

    @Override
    public Set<String> groupIdsOf(DirectoryUser user) {
        Objects.requireNonNull(user, "user");
        return read(() -> {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(groupsOfUser.getOrDefault(user.id(), Set.of()));
            while (!todo.isEmpty()) {
                String group = todo.pop();
                if (seen.add(group)) { // a group seen before is not expanded again: cycles end here
                    todo.addAll(parentsOfGroup.getOrDefault(group, Set.of()));
                }
            }
            return Set.copyOf(seen);
        });
    }

    @Override
    public Optional<DirectoryGroup> groupById(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        return read(() -> Optional.ofNullable(groups.get(groupId)));
    }

    private void requireGroup(String groupId) {
        if (!groups.containsKey(Objects.requireNonNull(groupId, "groupId"))) {
            throw new IllegalArgumentException("no group with id " + groupId + "; putGroup it first.");
        }
    }

    private void unindex(DirectoryUser old) {
        if (old != null) {
            userIdByUserName.remove(key(old.userName()));
            old.objectId().ifPresent(o -> userIdByObjectId.remove(key(o)));
        }
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private <T> T read(java.util.function.Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(java.util.function.Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }
}

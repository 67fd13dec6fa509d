package dev.fedbroker.scim.internal;

import dev.fedbroker.scim.ScimMembership;
import dev.fedbroker.scim.ScimResource;
import dev.fedbroker.scim.ScimSchemas;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Direct group memberships in both directions, and the transitive walk over them (breadth-first, each group once,
 * so cycles end). Not thread-safe: the owning store guards it with its lock.
 */
public final class MembershipGraph {
    private final Map<String, Set<String>> groupsOfMember = new HashMap<>();
    private final Map<String, Set<String>> membersOfGroup = new HashMap<>();

    /** Records a group's current members (no-op for other resources). */
    public void update(ScimResource resource) {
        if (!resource.resourceType().equalsIgnoreCase(ScimSchemas.GROUP_TYPE)) {
            return;
        }
        String groupId = resource.id();
        Set<String> now = new LinkedHashSet<>(resource.memberIds());
        Set<String> before = membersOfGroup.getOrDefault(groupId, Set.of());
        for (String gone : before) {
            if (!now.contains(gone)) {
                unlink(gone, groupId);
            }
        }
        for (String added : now) {
            groupsOfMember.computeIfAbsent(added, k -> new LinkedHashSet<>()).add(groupId);
        }
        membersOfGroup.put(groupId, now);
    }

    /** Forgets a deleted group's memberships (no-op for other resources). */
    public void remove(ScimResource resource) {
        Set<String> members = membersOfGroup.remove(resource.id());
        if (members != null) {
            members.forEach(member -> unlink(member, resource.id()));
        }
    }

    /** Whether the id appears as a group or a member. */
    public boolean knows(String id) {
        return membersOfGroup.containsKey(id);
    }

    /** The groups that list {@code memberId} directly. */
    public List<String> directGroupIds(String memberId) {
        return List.copyOf(groupsOfMember.getOrDefault(memberId, Set.of()));
    }

    /** Direct, then nested memberships, each group once; the member itself is never its own group. */
    public List<ScimMembership> memberships(String memberId, Function<String, ScimResource> groups) {
        List<ScimMembership> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(memberId);
        Deque<String> queue = new ArrayDeque<>();
        for (String groupId : groupsOfMember.getOrDefault(memberId, Set.of())) {
            if (seen.add(groupId)) {
                queue.add(groupId);
                add(out, groups.apply(groupId), true);
            }
        }
        while (!queue.isEmpty()) {
            String groupId = queue.poll();
            for (String parent : groupsOfMember.getOrDefault(groupId, Set.of())) {
                if (seen.add(parent)) {
                    queue.add(parent);
                    add(out, groups.apply(parent), false);
                }
            }
        }
        return out;
    }

    private static void add(List<ScimMembership> out, ScimResource group, boolean direct) {
        if (group != null) {
            out.add(new ScimMembership(group.id(), group.externalId(),
                    group.stringAttribute("displayName").orElse(""), direct));
        }
    }

    private void unlink(String member, String groupId) {
        Set<String> groups = groupsOfMember.get(member);
        if (groups != null) {
            groups.remove(groupId);
            if (groups.isEmpty()) {
                groupsOfMember.remove(member);
            }
        }
    }

}

package dev.fedbroker.core;

import java.util.Objects;

/**
 * A provisioned group as {@link Directory} sees it.
 *
 * @param id          the group's id as policies name it (the Azure object id; SCIM {@code externalId})
 * @param displayName the group's display name
 */
public record DirectoryGroup(String id, String displayName) {
    public DirectoryGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
    }
}

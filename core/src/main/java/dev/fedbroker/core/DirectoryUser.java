package dev.fedbroker.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A provisioned user as {@link Directory} sees it.
 *
 * @param id       the directory's own id for the user (the SCIM {@code id})
 * @param userName the user's userName (Azure sends the UPN, with a B2B guest's {@code #EXT#} part stripped)
 * @param objectId the Azure object id, when the provisioning mapping sends it
 * @param active   false when Azure soft-deleted or disabled the user
 */
public record DirectoryUser(String id, String userName, Optional<String> objectId, boolean active) {
    public DirectoryUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(objectId, "objectId");
    }
}

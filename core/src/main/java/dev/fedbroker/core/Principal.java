package dev.fedbroker.core;

import static dev.fedbroker.core.internal.PolicyRules.require;
import static dev.fedbroker.core.internal.PolicyRules.text;

import java.util.Objects;

/**
 * Who an assignment is for: a group (its Azure object id, or its name when the SAML group claim sends names), or a
 * user (object id, UPN or NameID). Matching is case-insensitive. Immutable and thread-safe.
 *
 * @param kind group or user
 * @param id   the group id, or the user's object id / UPN / NameID
 */
public record Principal(Kind kind, String id) {

    public Principal {
        Objects.requireNonNull(kind, "kind");
        require(text(id, "Principal.id"));
    }

    /** A group principal. */
    public static Principal group(String groupId) {
        return new Principal(Kind.GROUP, groupId);
    }

    /** A user principal. */
    public static Principal user(String user) {
        return new Principal(Kind.USER, user);
    }

    /** The kinds of principal. */
    public enum Kind {
        GROUP, USER
    }
}

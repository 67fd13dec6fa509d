package dev.fedbroker.scim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where SCIM resources live: the port that {@link ScimEndpoint} and {@link ScimDirectory} use, with
 * {@link InMemoryScimResourceStore} as the default and a JDBC implementation planned. Implementations are
 * thread-safe and every method is atomic (all-or-nothing): a failed call changes nothing.
 *
 * <p>Contract, so that every implementation answers alike:
 * <ul>
 *   <li>Ids are assigned by the store and unique across resource types. Versions start at 1 and grow by one with
 *       every change; {@code ScimResource.etag()} derives the ETag from them.</li>
 *   <li>Uniqueness: a User's {@code userName} and a Group's {@code displayName} are unique within their type,
 *       compared case-insensitively; a clash is {@link ScimErrorType#UNIQUENESS}.</li>
 *   <li>Conditional writes: when {@code expectedVersion} is given and differs from the stored version, the write is
 *       refused with {@link ScimErrorType#PRECONDITION_FAILED} (an optimistic lock: a PATCH computed on an old
 *       version never overwrites a newer one). Unknown ids are {@link ScimErrorType#NOT_FOUND}.</li>
 *   <li>A User's {@code groups} attribute is computed from group memberships (direct and nested, RFC 7643 4.1.2) on
 *       every read; values passed in are ignored.</li>
 *   <li>Deleting a resource also removes it from every group's {@code members} (those groups get a new version).</li>
 *   <li>Queries evaluate filters as {@link ScimFilter#matches(ScimResource, ScimSchemas)} does; without sortBy,
 *       results come in creation order.</li>
 *   <li>A store that cannot reach its backend throws {@link ScimErrorType#UNAVAILABLE}; the endpoint answers 503.</li>
 * </ul>
 */
public interface ScimResourceStore {

    /** The resource of this type with this id. */
    Optional<ScimResource> get(String resourceType, String id);

    /**
     * Stores a new resource with a fresh id and version 1.
     *
     * @param attributes every attribute except id and meta (see {@link ScimResource#attributes()})
     */
    ScimResource create(String resourceType, Map<String, ?> attributes);

    /** Replaces all attributes of a resource; the version grows by one. */
    ScimResource replace(String resourceType, String id, Map<String, ?> attributes, OptionalLong expectedVersion);

    /** Deletes a resource and removes it from every group's members. */
    void delete(String resourceType, String id, OptionalLong expectedVersion);

    /** One page of the resources of this type that match the query. */
    ScimPage query(String resourceType, ScimQuery query);

    /**
     * The groups {@code memberId} (a User's or Group's id) belongs to, directly or through groups that are members of
     * other groups; cycles are followed once. Empty when the id is unknown.
     */
    List<ScimMembership> memberships(String memberId);
}

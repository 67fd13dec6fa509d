package dev.fedbroker.scim;

import java.util.Optional;

/**
 * Why a SCIM request failed: the RFC 7644 section 3.12 {@code scimType} values (spelled as on the wire) plus the
 * failures that carry only an HTTP status. Each constant knows its default HTTP status. Immutable and thread-safe.
 */
public enum ScimErrorType {
    /** The filter syntax was invalid or the comparison is not supported for the attribute's type. */
    INVALID_FILTER("invalidFilter", 400),
    /** The filter yields more results than the server is willing to compute. */
    TOO_MANY("tooMany", 400),
    /** A unique attribute (userName, group displayName) is already taken. */
    UNIQUENESS("uniqueness", 409),
    /** The change conflicts with the attribute's mutability (readOnly, immutable). */
    MUTABILITY("mutability", 400),
    /** The request body structure is invalid (malformed JSON, missing or wrong {@code schemas}). */
    INVALID_SYNTAX("invalidSyntax", 400),
    /** A PATCH path is malformed or names no attribute of the resource. */
    INVALID_PATH("invalidPath", 400),
    /** A PATCH path with a value filter matched nothing (or a remove had no path). */
    NO_TARGET("noTarget", 400),
    /** A required value is missing or a value does not fit the attribute's type. */
    INVALID_VALUE("invalidValue", 400),
    /** The requested SCIM protocol version is not supported. */
    INVALID_VERS("invalidVers", 400),
    /** The request carried sensitive information (for example in the URI). */
    SENSITIVE("sensitive", 400),
    /** No resource with that id (or no such endpoint). */
    NOT_FOUND(null, 404),
    /** The HTTP method is not allowed on that endpoint. */
    METHOD_NOT_ALLOWED(null, 405),
    /** A write raced another one and could not be completed without overwriting it. */
    CONFLICT(null, 409),
    /** {@code If-Match} named another version than the current one. */
    PRECONDITION_FAILED(null, 412),
    /** The request body is larger than the configured limit. */
    PAYLOAD_TOO_LARGE(null, 413),
    /** Unexpected failure inside the server; the response never carries details. */
    INTERNAL(null, 500),
    /** The endpoint exists in SCIM but this server does not implement it (for example {@code /Me}). */
    NOT_IMPLEMENTED(null, 501),
    /** The store is temporarily unavailable (for example a lost database connection); retry later. */
    UNAVAILABLE(null, 503);

    private final String scimType;
    private final int status;

    ScimErrorType(String scimType, int status) {
        this.scimType = scimType;
        this.status = status;
    }

    /** The RFC 7644 {@code scimType} wire value, when this failure has one. */
    public Optional<String> scimType() {
        return Optional.ofNullable(scimType);
    }

    /** The HTTP status this failure is answered with. */
    public int status() {
        return status;
    }
}

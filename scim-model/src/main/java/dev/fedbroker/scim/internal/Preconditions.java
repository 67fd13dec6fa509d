package dev.fedbroker.scim.internal;

import dev.fedbroker.scim.ScimErrorType;
import dev.fedbroker.scim.ScimException;
import dev.fedbroker.scim.ScimRequest;
import dev.fedbroker.scim.ScimResource;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * If-Match / If-None-Match (RFC 7644 3.14, RFC 7232) against a resource's version. Entity tags are compared weakly:
 * {@code W/"3"} and {@code "3"} both name version 3; {@code *} matches any existing resource.
 */
public final class Preconditions {
    private Preconditions() {
    }

    /**
     * For a write: the version the store must still hold (empty when the client sent no If-Match).
     *
     * @throws ScimException PRECONDITION_FAILED when If-Match names no current version or If-None-Match matches
     */
    public static OptionalLong forWrite(ScimRequest request, ScimResource current) {
        Optional<String> ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch.isPresent() && matches(ifNoneMatch.get(), current)) {
            throw new ScimException(ScimErrorType.PRECONDITION_FAILED, "If-None-Match matches the current version "
                    + current.etag() + ".");
        }
        Optional<String> ifMatch = request.header("If-Match");
        if (ifMatch.isEmpty()) {
            return OptionalLong.empty();
        }
        if (!matches(ifMatch.get(), current)) {
            throw new ScimException(ScimErrorType.PRECONDITION_FAILED, "If-Match " + ifMatch.get() + " does not "
                    + "match the current version " + current.etag() + "; read the resource again.");
        }
        return OptionalLong.of(current.version());
    }

    /** For a read: whether If-None-Match matches, so the answer is 304 Not Modified. */
    public static boolean notModified(ScimRequest request, ScimResource current) {
        return request.header("If-None-Match").map(value -> matches(value, current)).orElse(false);
    }

    static boolean matches(String header, ScimResource current) {
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/") || t.startsWith("w/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.equals(Long.toString(current.version()))) {
                return true;
            }
        }
        return false;
    }
}

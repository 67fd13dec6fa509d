package dev.fedbroker.core;

import dev.fedbroker.core.PolicyProblem.Code;
import dev.fedbroker.core.internal.PolicyJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Loads a {@link Policy} from JSON, reporting every problem (not only the first) with its JSON path and line. The
 * format:
 * <pre>{@code
 * {"organization": {"id": "r-root", "name": "Root", "accounts": [{"id": "111111111111", "name": "management"}],
 *                   "units": [{"id": "ou-prod", "name": "Production", "accounts": [...], "units": [...]}]},
 *  "permissionSets": [{"name": "ReadOnlyAccess", "sessionDuration": "PT8H", "requireMfa": false, "description": "..."}],
 *  "assignments": [{"group": "<group object id or name>", "target": "ou-prod", "permissionSet": "ReadOnlyAccess"},
 *                  {"user": "alice@contoso.example", "target": "111111111111", "permissionSet": "ReadOnlyAccess"}],
 *  "acceptRoleClaims": false}
 * }</pre>
 * Unknown fields, repeated fields and wrong JSON types are errors. Input is limited in size (default
 * {@value #DEFAULT_MAX_BYTES} bytes), nesting depth and string length. Immutable and thread-safe.
 */
public final class PolicyLoader {

    /** Default input limit: 64 MiB, several times a policy of 200,000 assignments. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

    private static final PolicyLoader DEFAULTS = new PolicyLoader(DEFAULT_MAX_BYTES);

    private final PolicyJson json;

    private PolicyLoader(int maxBytes) {
        this.json = new PolicyJson(maxBytes);
    }

    /** A loader with the default limits. */
    public static PolicyLoader defaults() {
        return DEFAULTS;
    }

    /** A loader that refuses input larger than {@code maxBytes} bytes (characters, for a String). */
    public static PolicyLoader withMaxBytes(int maxBytes) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxBytes must be from 1 to " + (Integer.MAX_VALUE - 16) + ", was "
                    + maxBytes);
        }
        return new PolicyLoader(maxBytes);
    }

    /**
     * Parses a policy from a JSON text.
     *
     * @throws PolicyException with every problem found
     */
    public Policy parse(String jsonText) {
        Objects.requireNonNull(jsonText, "jsonText");
        if (jsonText.length() > json.maxBytes()) {
            throw tooLarge(jsonText.length() + " characters");
        }
        return json.parse(jsonText);
    }

    /**
     * Reads a policy from a stream of JSON (UTF-8, or UTF-16/32 with a byte-order mark), up to the size limit. The
     * stream is not closed.
     *
     * @throws PolicyException      with every problem found
     * @throws UncheckedIOException when the stream cannot be read
     */
    public Policy parse(InputStream in) {
        Objects.requireNonNull(in, "in");
        byte[] bytes;
        try {
            bytes = in.readNBytes(json.maxBytes() + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy stream", e);
        }
        if (bytes.length > json.maxBytes()) {
            throw tooLarge("more than " + json.maxBytes() + " bytes");
        }
        return json.parse(bytes, bytes.length);
    }

    /**
     * Reads a policy from a JSON file.
     *
     * @throws PolicyException      with every problem found
     * @throws UncheckedIOException when the file cannot be read
     */
    public Policy load(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            long size = Files.size(file);
            if (size > json.maxBytes()) {
                throw tooLarge(size + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy file " + file, e);
        }
    }

    private PolicyException tooLarge(String found) {
        return PolicyJson.single("$", Code.INPUT_TOO_LARGE, "expected at most " + json.maxBytes()
                + " bytes of policy JSON, found " + found + ". Split the policy or raise the limit with"
                + " PolicyLoader.withMaxBytes(...).", Optional.empty());
    }
}

package dev.fedbroker.saml;

import dev.fedbroker.saml.SamlValidationException.Reason;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a RelayState may be used as the post-login (or post-logout) redirect target, so that an attacker
 * cannot make the host an open redirector. By default only same-origin relative paths are allowed: a path that starts
 * with exactly one {@code /}, printable ASCII only (no whitespace, no control characters, no backslash), no
 * {@code //} and no dot segments in the path, checked again after percent-decoding (up to three rounds, so
 * {@code /%2F%2Fevil.example} and {@code /%255Cevil} are caught). Absolute {@code http(s)} URLs are allowed only when
 * their origin (scheme, host, port) is allow-listed, without user info. A RelayState is attacker-controlled: never
 * redirect to one that this class refused.
 *
 * <pre>{@code
 * RedirectTargets targets = RedirectTargets.builder().allowOrigin("https://app.example.com").build();
 * String target = targets.resolveOr(relayState, "/");      // or targets.resolve(relayState), which throws
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class RedirectTargets {

    private static final Logger LOG = LoggerFactory.getLogger(RedirectTargets.class);
    private static final int DECODE_ROUNDS = 3;

    private final Set<String> origins;
    private final int maxLength;

    private RedirectTargets(Set<String> origins, int maxLength) {
        this.origins = Set.copyOf(origins);
        this.maxLength = maxLength;
    }

    /** Relative paths only, at most 80 bytes (the SAML RelayState limit). */
    public static RedirectTargets relativeOnly() {
        return builder().build();
    }

    /** A builder: relative paths only and 80 bytes until told otherwise. Not thread-safe. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code relayState} itself when it is a safe redirect target; otherwise {@link SamlValidationException} with
     * OPEN_REDIRECT (or RELAY_STATE_TOO_LONG). The message names the rule broken, never echoes the value.
     */
    public String resolve(String relayState) {
        if (relayState == null || relayState.isEmpty()) {
            throw refuse("it is empty");
        }
        if (relayState.getBytes(StandardCharsets.UTF_8).length > maxLength) {
            throw new SamlValidationException(Reason.RELAY_STATE_TOO_LONG, "The RelayState is longer than "
                    + maxLength + " bytes, so it is not used as a redirect target.");
        }
        requirePrintableAscii(relayState, "it");
        if (relayState.startsWith("/")) {
            checkPath(relayState);
            return relayState;
        }
        checkAbsolute(relayState);
        return relayState;
    }

    /** {@link #resolve(String)}, or {@code fallback} when it refuses (the reason is logged at DEBUG). */
    public String resolveOr(String relayState, String fallback) {
        Objects.requireNonNull(fallback, "fallback");
        try {
            return resolve(relayState);
        } catch (SamlValidationException e) {
            LOG.debug("RelayState not used as redirect target: {}", e.reason());
            return fallback;
        }
    }

    private void checkPath(String target) {
        String current = target;
        for (int round = 0; round <= DECODE_ROUNDS; round++) {
            String path = pathPart(current);
            if (!path.startsWith("/") || path.startsWith("//")) {
                throw refuse("a relative target must start with exactly one '/' ('//' makes it another host)");
            }
            if (path.contains("//")) {
                throw refuse("its path contains '//'");
            }
            if (hasDotSegment(path)) {
                throw refuse("its path contains a '.' or '..' segment");
            }
            if (current.indexOf('%') < 0) {
                return;
            }
            String decoded = percentDecode(current);
            requireNoControlOrBackslash(decoded);
            current = decoded;
        }
        throw refuse("it is percent-encoded more than " + DECODE_ROUNDS + " times");
    }

    private void checkAbsolute(String target) {
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            throw refuse("it is neither a relative path nor a valid absolute URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refuse("it is not a relative path starting with '/' and not an http(s) URL");
        }
        if (uri.getRawUserInfo() != null || uri.getHost() == null || uri.getRawAuthority() == null
                || uri.getRawAuthority().contains("@")) {
            throw refuse("its authority is not a plain host[:port]");
        }
        String origin = origin(scheme, uri.getHost(), uri.getPort());
        if (!origins.contains(origin)) {
            throw refuse("its origin " + origin + " is not allow-listed (RedirectTargets.builder().allowOrigin)");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!path.isEmpty()) {
            checkPath(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        }
    }

    private static String pathPart(String target) {
        int end = target.length();
        for (char stop : new char[] {'?', '#'}) {
            int i = target.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return target.substring(0, end);
    }

    private static boolean hasDotSegment(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static String percentDecode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 2 >= s.length() || Character.digit(s.charAt(i + 1), 16) < 0
                    || Character.digit(s.charAt(i + 2), 16) < 0) {
                throw refuse("it contains a malformed %-escape");
            }
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
            i += 2;
        }
        return out.toString();
    }

    private static void requirePrintableAscii(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                throw refuse(what + " contains whitespace, a control or a non-ASCII character (percent-encode it)");
            }
            if (c == '\\') {
                throw refuse(what + " contains a backslash, which browsers read as '/'");
            }
        }
    }

    /** Percent-decoded text may hold encoded spaces and UTF-8 bytes, but never controls or backslashes. */
    private static void requireNoControlOrBackslash(String decoded) {
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '\\') {
                throw refuse("its percent-decoded form contains a control character or a backslash");
            }
        }
    }

    static String origin(String scheme, String host, int port) {
        int effective = port >= 0 ? port : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + effective;
    }

    private static SamlValidationException refuse(String why) {
        return new SamlValidationException(Reason.OPEN_REDIRECT, "The RelayState is not used as a redirect target: "
                + why + ". Only same-origin relative paths and allow-listed origins are followed.");
    }

    @Override
    public String toString() {
        return "RedirectTargets[relative paths" + (origins.isEmpty() ? "" : " + " + origins) + ", max " + maxLength
                + " bytes]";
    }

    /** Configures {@link RedirectTargets}. Not thread-safe. */
    public static final class Builder {
        private final Set<String> origins = new LinkedHashSet<>();
        private int maxLength = 80;

        private Builder() {
        }

        /** Also allow absolute URLs on this origin, e.g. {@code https://app.example.com} (no path, no user info). */
        public Builder allowOrigin(String origin) {
            URI uri;
            try {
                uri = new URI(Objects.requireNonNull(origin, "origin"));
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Not an origin: '" + origin + "'; expected e.g."
                        + " https://app.example.com", e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || !(path.isEmpty() || path.equals("/"))
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("Not an origin: '" + origin + "'; expected scheme://host[:port],"
                        + " e.g. https://app.example.com");
            }
            origins.add(origin(scheme, uri.getHost(), uri.getPort()));
            return this;
        }

        /** The longest RelayState accepted, in UTF-8 bytes (default 80). */
        public Builder maxLength(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxLength must be positive, was " + bytes);
            }
            this.maxLength = bytes;
            return this;
        }

        /** An immutable, thread-safe RedirectTargets. */
        public RedirectTargets build() {
            return new RedirectTargets(origins, maxLength);
        }
    }
}

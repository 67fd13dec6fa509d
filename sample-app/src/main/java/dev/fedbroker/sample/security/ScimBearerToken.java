package dev.fedbroker.sample.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The bearer token that Azure AD's provisioning service sends to the SCIM endpoint (the "Secret Token" of the
 * enterprise app). Only a SHA-256 digest is kept for comparison, and digests are compared with
 * {@link MessageDigest#isEqual}, which takes the same time whatever matches: neither the content nor the length of the
 * token leaks through response timing. Thread-safe.
 */
public final class ScimBearerToken {

    private static final int MIN_LENGTH = 16;

    private final byte[] digest;
    /** A generated token, kept only until it has been shown once. */
    private final AtomicReference<String> toShowOnce;

    private ScimBearerToken(String token, boolean generated) {
        this.digest = sha256(token);
        this.toShowOnce = new AtomicReference<>(generated ? token : null);
    }

    /** A configured token (FEDBROKER_SCIM_TOKEN). */
    public static ScimBearerToken of(String token) {
        if (Objects.requireNonNull(token, "token").length() < MIN_LENGTH) {
            throw new IllegalStateException("FEDBROKER_SCIM_TOKEN is too short: use at least " + MIN_LENGTH
                    + " random characters (e.g. openssl rand -base64 32).");
        }
        return new ScimBearerToken(token, false);
    }

    /** A random 256-bit token, for dev mode. */
    public static ScimBearerToken generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new ScimBearerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random), true);
    }

    /** Whether an {@code Authorization} header value carries this token ({@code Bearer <token>}). */
    public boolean matches(String authorizationHeader) {
        if (authorizationHeader == null) {
            return false;
        }
        String value = authorizationHeader.trim();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(value.substring(space + 1).trim()));
    }

    /**
     * The generated token, the first time only (so that it is printed once at start, then forgotten); empty for a
     * configured token.
     */
    public Optional<String> takeGeneratedToken() {
        return Optional.ofNullable(toShowOnce.getAndSet(null));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "ScimBearerToken[***]";
    }
}

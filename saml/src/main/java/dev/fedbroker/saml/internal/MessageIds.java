package dev.fedbroker.saml.internal;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * IDs for the messages the SP sends: {@code _} + 32 hex digits (128 random bits). Azure AD requires IDs that do not
 * start with a digit, and an unguessable ID binds the response to this request. Thread-safe (SecureRandom is).
 */
public final class MessageIds {

    private final SecureRandom random = new SecureRandom();

    public String next() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }
}

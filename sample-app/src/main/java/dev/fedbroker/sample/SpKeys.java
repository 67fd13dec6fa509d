package dev.fedbroker.sample;

import java.util.Objects;
import java.util.Optional;

/**
 * The keys of this app: the SP's (AuthnRequest signing, assertion decryption) and the broker's IdP key toward AWS.
 * Dev mode mints them in memory at start; azure mode reads PEM files. Immutable.
 *
 * @param spSigning    signs AuthnRequests and logout messages, when present
 * @param spDecryption decrypts encrypted assertions, when present
 * @param awsSigning   signs AWS sign-in responses ("Open console"), when present
 */
public record SpKeys(Optional<SigningKey> spSigning, Optional<SigningKey> spDecryption,
        Optional<SigningKey> awsSigning) {

    public SpKeys {
        Objects.requireNonNull(spSigning, "spSigning");
        Objects.requireNonNull(spDecryption, "spDecryption");
        Objects.requireNonNull(awsSigning, "awsSigning");
    }
}

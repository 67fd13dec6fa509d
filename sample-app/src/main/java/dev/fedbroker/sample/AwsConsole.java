package dev.fedbroker.sample;

import dev.fedbroker.aws.AwsSignIn;
import java.util.Objects;
import java.util.Optional;

/**
 * The portal's "Open console" button: the signer, when the broker has a key toward AWS, and where the browser posts
 * the signed response. In dev mode that is the local stand-in {@code /dev/aws-signin} (the response is still signed
 * for AWS's real endpoint, exactly as in production); otherwise the account's AWS sign-in endpoint. Immutable.
 *
 * @param signIn       the signer, when configured
 * @param devStandIn   the stand-in's path in dev mode
 */
public record AwsConsole(Optional<AwsSignIn> signIn, Optional<String> devStandIn) {

    public AwsConsole {
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(devStandIn, "devStandIn");
    }

    public boolean enabled() {
        return signIn.isPresent();
    }
}

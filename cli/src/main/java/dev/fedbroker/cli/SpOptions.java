package dev.fedbroker.cli;

import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.ServiceProvider;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import picocli.CommandLine.Option;

/** This service provider as the library would be configured at runtime, plus {@code --now}. */
final class SpOptions {

    @Option(names = "--sp-entity-id", paramLabel = "ID",
            description = "This SP's entity id: the Identifier of the Azure enterprise app, the expected Audience.")
    String entityId;

    @Option(names = "--acs", paramLabel = "URL",
            description = "The assertion consumer service (Reply URL): the expected Destination and Recipient.")
    String acs;

    @Option(names = "--in-response-to", paramLabel = "ID",
            description = "The ID of the AuthnRequest the response answers (SP-initiated sign-in).")
    String inResponseTo;

    @Option(names = "--allow-unsolicited",
            description = "Accept IdP-initiated responses (no InResponseTo), e.g. launched from My Apps.")
    boolean allowUnsolicited;

    @Option(names = "--now", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "The time to judge by, ISO-8601 (default: the system clock).")
    Instant now;

    @Option(names = "--clock-skew", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Allowed clock skew: PT60S, 60s, 3m (default: the library's, 3 minutes).")
    Duration clockSkew;

    @Option(names = "--sp-key", paramLabel = "PEM_FILE",
            description = "The SP's private key (unencrypted PKCS#8 PEM) for encrypted assertions; with --sp-cert.")
    Path spKey;

    @Option(names = "--sp-cert", paramLabel = "PEM_FILE",
            description = "The SP's certificate (PEM) uploaded for token encryption; with --sp-key.")
    Path spCert;

    @Option(names = "--allow-sha1", description = "Accept RSA-SHA1 signatures and SHA-1 digests (refused by default).")
    boolean allowSha1;

    Instant now(CliContext context) {
        return context.now(Optional.ofNullable(now));
    }

    /** True when everything validation needs, besides the IdP, is given. */
    boolean complete() {
        return entityId != null && acs != null;
    }

    /** The request id to expect; empty means the unsolicited path. */
    Optional<String> expectedRequestId() {
        return Optional.ofNullable(inResponseTo);
    }

    /** A hint appended to UNSOLICITED_NOT_ALLOWED when the user chose neither path. */
    Optional<String> pathHint() {
        if (inResponseTo == null && !allowUnsolicited) {
            return Optional.of(" (fedbroker: pass --in-response-to ID for an SP-initiated sign-in, or"
                    + " --allow-unsolicited for an IdP-initiated one)");
        }
        return Optional.empty();
    }

    /** One service provider, hence one replay cache, for the whole invocation; the clock is fixed at {@code now}. */
    ServiceProvider serviceProvider(CliContext context, IdentityProvider idp, Instant at) {
        if (entityId == null || entityId.isBlank()) {
            throw new UsageException("--sp-entity-id ID is required (the Identifier of the Azure enterprise app)");
        }
        if (acs == null || acs.isBlank()) {
            throw new UsageException("--acs URL is required (the Reply URL of the Azure enterprise app)");
        }
        if (inResponseTo != null && allowUnsolicited) {
            throw new UsageException("give --in-response-to ID or --allow-unsolicited, not both");
        }
        if (inResponseTo != null && inResponseTo.isBlank()) {
            throw new UsageException("--in-response-to must not be blank");
        }
        if ((spKey == null) != (spCert == null)) {
            throw new UsageException("--sp-key and --sp-cert go together: give both or neither");
        }
        ServiceProvider.Builder b = ServiceProvider.builder().entityId(entityId).assertionConsumerService(acs)
                .identityProvider(idp).clock(Clock.fixed(at, ZoneOffset.UTC)).allowUnsolicited(allowUnsolicited)
                .allowSha1(allowSha1);
        if (clockSkew != null) {
            b.clockSkew(clockSkew);
        }
        if (spKey != null) {
            PrivateKey key = PemFiles.privateKey(context, spKey, "--sp-key");
            X509Certificate cert = PemFiles.certificates(context, spCert, "--sp-cert").get(0);
            b.decryption(key, cert);
        }
        try {
            return b.build();
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}

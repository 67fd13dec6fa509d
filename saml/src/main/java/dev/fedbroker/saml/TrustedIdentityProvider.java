package dev.fedbroker.saml;

import dev.fedbroker.saml.internal.ResponseValidator;
import dev.fedbroker.saml.internal.ValidatorSettings;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The IdP a {@link ServiceProvider} trusts right now: a fixed {@link IdentityProvider}, or the current snapshot of a
 * {@link MetadataSource} (refreshed when due). The response validator is rebuilt only when the snapshot changes, so a
 * certificate rollover takes effect at the next validation after the refresh. Thread-safe (one atomic reference to an
 * immutable pair).
 */
final class TrustedIdentityProvider {

    private record Snapshot(IdentityProvider idp, ResponseValidator validator) { }

    private final MetadataSource source;
    private final ValidatorSettings base;
    private final AtomicReference<Snapshot> snapshot;

    /** {@code base} was built from {@code initial}; {@code source} may be null for a fixed IdP. */
    TrustedIdentityProvider(IdentityProvider initial, MetadataSource source, ValidatorSettings base) {
        this.source = source;
        this.base = base;
        this.snapshot = new AtomicReference<>(new Snapshot(initial, new ResponseValidator(base)));
    }

    /** The trusted IdP, refreshing the source first when due. */
    IdentityProvider current() {
        return source == null ? snapshot.get().idp() : source.currentForValidation();
    }

    /** The trusted IdP without triggering a refresh. */
    IdentityProvider peek() {
        return source == null ? snapshot.get().idp() : source.current();
    }

    /** The validator for the current IdP. */
    ResponseValidator validator() {
        IdentityProvider idp = current();
        Snapshot s = snapshot.get();
        if (s.idp() == idp) {
            return s.validator();
        }
        Snapshot next = new Snapshot(idp, new ResponseValidator(withIdp(base, idp)));
        snapshot.compareAndSet(s, next); // a lost race just means another thread installed an equivalent validator
        return next.validator();
    }

    private static ValidatorSettings withIdp(ValidatorSettings b, IdentityProvider idp) {
        return new ValidatorSettings(b.spEntityId(), b.assertionConsumerService(), idp.entityId(),
                idp.signingCertificates(), b.decryptionKeys(), b.clockSkew(), b.maxResponseAge(), b.clock(),
                b.replayCache(), b.allowUnsolicited(), b.allowSha1(), b.limits(), b.requireSignedResponse(),
                b.requireSignedAssertion());
    }
}

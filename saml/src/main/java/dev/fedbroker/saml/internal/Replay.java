package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Step 8: remember issuer + assertion ID until the assertion can no longer be used. The checks accept it up to and
 * including the latest NotOnOrAfter + skew, while a cache forgets a key once {@code now >= expiresAt}: one second
 * more closes that last instant.
 */
final class Replay {

    private Replay() {
    }

    static void remember(Element assertion, ValidatorSettings s) {
        String issuer = Dom.child(assertion, Names.ASSERTION, "Issuer").map(Dom::simpleText).orElse("");
        String id = Dom.attribute(assertion, "ID").orElse("");
        if (id.isEmpty()) {
            throw new SamlValidationException(Reason.MALFORMED, "The assertion has no ID.");
        }
        Instant until = s.clock().instant();
        Optional<Instant> conditions = Dom.child(assertion, Names.ASSERTION, "Conditions")
                .flatMap(c -> Dom.instant(c, "NotOnOrAfter"));
        if (conditions.isPresent() && conditions.get().isAfter(until)) {
            until = conditions.get();
        }
        for (Element sc : Dom.children(Dom.child(assertion, Names.ASSERTION, "Subject").orElseThrow(),
                Names.ASSERTION, "SubjectConfirmation")) {
            Optional<Instant> data = Dom.child(sc, Names.ASSERTION, "SubjectConfirmationData")
                    .flatMap(d -> Dom.instant(d, "NotOnOrAfter"));
            if (data.isPresent() && data.get().isAfter(until)) {
                until = data.get();
            }
        }
        boolean fresh;
        try {
            fresh = s.replayCache().putIfAbsent(issuer + "|" + id,
                    Times.plus(Times.plus(until, s.clockSkew()), Duration.ofSeconds(1)));
        } catch (RuntimeException e) {
            throw new SamlValidationException(Reason.REPLAY_CACHE_UNAVAILABLE, "The replay cache could not record"
                    + " the assertion, so it is refused rather than risk a replay. Check the replay cache ("
                    + e.getClass().getSimpleName() + ").", e);
        }
        if (!fresh) {
            throw new SamlValidationException(Reason.REPLAYED, "This assertion (same issuer and ID) was already"
                    + " used. A browser back button or a replay: start sign-in again.");
        }
    }
}

package dev.fedbroker.cli;

import dev.fedbroker.core.Identity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything inspect found about one file, rendered as text or JSON. Immutable.
 *
 * @param file       the file as named
 * @param format     how the file held the response
 * @param now        the instant times are judged at
 * @param skew       the clock skew applied to the time judgements
 * @param error      why the file could not be decoded or parsed (then the other parts are empty)
 * @param facts      header fields, times and claims
 * @param signatures one report per ds:Signature
 * @param encrypted  the EncryptedAssertions and whether they were decrypted
 * @param xml        the document, indented
 * @param decrypted  the decrypted assertion, indented, when there was one
 * @param verdict    what validate says with the same options
 */
record Inspection(String file, String format, Instant now, Duration skew, Optional<String> error,
        Optional<SamlFacts> facts, List<SignatureReport> signatures, List<EncryptedAssertions.Found> encrypted,
        Optional<String> xml, Optional<String> decrypted, Outcome verdict) {

    /**
     * What {@code validate} says.
     *
     * @param ran      false when the options do not configure a service provider
     * @param why      when not run: which options are missing
     * @param reason   the rejection reason, when rejected
     * @param message  the library's message
     * @param identity the identity, when valid
     */
    record Outcome(boolean ran, String why, Optional<String> reason, String message, Optional<Identity> identity) {

        static Outcome notRun(String why) {
            return new Outcome(false, why, Optional.empty(), "", Optional.empty());
        }

        boolean valid() {
            return ran && reason.isEmpty();
        }
    }

    /** "ok", "NOT YET VALID", "EXPIRED" or "" for a time, judged at now with the skew. */
    String judge(SamlFacts.Time t) {
        if (t.instant().isEmpty()) {
            return "not an ISO-8601 instant";
        }
        Instant at = t.instant().get();
        return switch (t.kind()) {
            case NOT_BEFORE -> now.plus(skew).isBefore(at) ? "NOT YET VALID" : "ok";
            case NOT_ON_OR_AFTER -> now.minus(skew).isBefore(at) ? "ok" : "EXPIRED";
            case ISSUED -> now.plus(skew).isBefore(at) ? "IN THE FUTURE" : "";
        };
    }
}

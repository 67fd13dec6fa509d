package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Problem;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a rejection from the metadata parser (whose reasons speak of responses: MALFORMED, UNTRUSTED_KEY...) into a
 * metadata reason, keeping the parser's problems after it so nothing is lost. Stateless.
 */
public final class MetadataFailures {

    private static final Set<Reason> SIGNATURE = EnumSet.of(Reason.SIGNATURE_MISSING, Reason.SIGNATURE_INVALID,
            Reason.SIGNATURE_WRAPPING, Reason.UNTRUSTED_KEY, Reason.WEAK_ALGORITHM, Reason.UNSUPPORTED_TRANSFORM);

    private MetadataFailures() {
    }

    public static SamlValidationException wrap(SamlValidationException e, String what) {
        if (e.reason().name().startsWith("METADATA_")) {
            return e;
        }
        boolean signature = SIGNATURE.contains(e.reason());
        Reason reason = signature ? Reason.METADATA_SIGNATURE_INVALID : Reason.METADATA_MALFORMED;
        String message = signature
                ? what + " is not signed by the pinned certificate: " + e.problems().get(0).message()
                : what + " is not usable metadata: " + e.problems().get(0).message();
        List<Problem> problems = new ArrayList<>();
        problems.add(new Problem(reason, message));
        problems.addAll(e.problems());
        SamlValidationException wrapped = new SamlValidationException(problems);
        wrapped.initCause(e);
        return wrapped;
    }
}

package dev.fedbroker.cli;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.ServiceProvider;

/** Runs one captured response through a configured {@link ServiceProvider}, as a host app would. Stateless. */
final class Verdict {

    /** validate's message for a valid response. */
    static final String ACCEPTED = "accepted: signed by a trusted IdP certificate, conditions and subject"
            + " confirmation met, assertion not seen before in this invocation";

    private Verdict() {
    }

    /**
     * The validated identity; throws {@link SamlValidationException} when rejected. Base64 goes through the same
     * entry point as a posted form field; raw XML through {@link ServiceProvider#validateXml}.
     */
    static Identity validate(ServiceProvider serviceProvider, SpOptions sp, ResponseInput input) {
        if (input.format() == ResponseInput.Format.XML) {
            return serviceProvider.validateXml(input.xml(), sp.expectedRequestId());
        }
        return sp.expectedRequestId().map(id -> serviceProvider.validate(input.text(), id))
                .orElseGet(() -> serviceProvider.validateUnsolicited(input.text()));
    }

    /** The problem's message, with a hint on which flag to add when the user chose neither sign-in path. */
    static String message(SamlValidationException e, SpOptions sp) {
        String message = e.problems().get(0).message();
        if (e.problems().size() > 1) {
            message += " Also: " + String.join("; ", e.problems().subList(1, e.problems().size()).stream()
                    .map(p -> p.reason() + ": " + p.message()).toList());
        }
        if (e.reason() == SamlValidationException.Reason.UNSOLICITED_NOT_ALLOWED) {
            message += sp.pathHint().orElse("");
        }
        if (e.reason() == SamlValidationException.Reason.DECRYPTION_FAILED && sp.spKey == null) {
            message += " (fedbroker: give --sp-key and --sp-cert)";
        }
        return message;
    }
}

package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException.Problem;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Step 6: the Response element itself (Status, Destination, Issuer, InResponseTo, IssueInstant). */
final class ProtocolCheck {

    private ProtocolCheck() {
    }

    /** The Status problem, if the status is not Success; checked first so that Azure's error text reaches the host. */
    static Optional<Problem> status(Element response) {
        Optional<Element> status = Dom.child(response, Names.PROTOCOL, "Status");
        Optional<Element> code = status.flatMap(s -> Dom.child(s, Names.PROTOCOL, "StatusCode"));
        String value = code.flatMap(c -> Dom.attribute(c, "Value")).orElse("");
        if (Names.STATUS_SUCCESS.equals(value)) {
            return Optional.empty();
        }
        String sub = code.flatMap(c -> Dom.child(c, Names.PROTOCOL, "StatusCode"))
                .flatMap(c -> Dom.attribute(c, "Value")).map(v -> ", sub-status " + v).orElse("");
        String message = status.flatMap(s -> Dom.child(s, Names.PROTOCOL, "StatusMessage"))
                .map(m -> " and message '" + Log.clip(Dom.text(m), 300) + "'").orElse("");
        return Optional.of(new Problem(Reason.STATUS_NOT_SUCCESS, "Azure AD answered with status "
                + (value.isEmpty() ? "(none)" : value) + sub + message + " instead of Success; no sign-in happened."
                + " The AADSTS code in the message names the cause in the Azure enterprise app."));
    }

    static List<Problem> check(Element response, ValidatorSettings s, Optional<String> expectedRequestId, Instant now) {
        List<Problem> problems = new ArrayList<>();
        status(response).ifPresent(problems::add);
        if (!"2.0".equals(Dom.attribute(response, "Version").orElse(""))) {
            problems.add(new Problem(Reason.MALFORMED, "Response Version must be 2.0."));
        }
        Optional<String> destination = Dom.attribute(response, "Destination");
        if (destination.isEmpty() || !destination.get().equals(s.assertionConsumerService())) {
            problems.add(new Problem(Reason.WRONG_DESTINATION, "Response Destination "
                    + (destination.isEmpty() ? "is missing" : "'" + Log.clip(destination.get(), 200) + "' differs")
                    + "; expected '" + s.assertionConsumerService() + "'. Set the Reply URL (Assertion Consumer"
                    + " Service URL) of the Azure enterprise app to exactly this value, or fix"
                    + " ServiceProvider.builder().assertionConsumerService(...)."));
        }
        Dom.atMostOne(response, Names.ASSERTION, "Issuer")
                .flatMap(i -> AssertionCheck.issuerProblem(i, "Response", s)).ifPresent(problems::add);
        inResponseTo(Dom.attribute(response, "InResponseTo"), expectedRequestId, "Response").ifPresent(problems::add);
        AssertionCheck.issueInstant(response, "Response", s, now).ifPresent(problems::add);
        return problems;
    }

    static Optional<Problem> inResponseTo(Optional<String> found, Optional<String> expected, String where) {
        if (expected.isPresent()) {
            if (found.isEmpty()) {
                return Optional.of(new Problem(Reason.IN_RESPONSE_TO_MISMATCH, where + " has no InResponseTo but"
                        + " request '" + expected.get() + "' was expected: this is an IdP-initiated (unsolicited)"
                        + " response. Validate it with validateUnsolicited(...) if IdP-initiated sign-in is allowed."));
            }
            if (!found.get().equals(expected.get())) {
                return Optional.of(new Problem(Reason.IN_RESPONSE_TO_MISMATCH, where + " InResponseTo '"
                        + Log.clip(found.get(), 100) + "' differs from the expected request id '" + expected.get()
                        + "'. The response answers another AuthnRequest (another browser tab, or a replay)."));
            }
            return Optional.empty();
        }
        if (found.isPresent()) {
            return Optional.of(new Problem(Reason.IN_RESPONSE_TO_MISMATCH, where + " InResponseTo '"
                    + Log.clip(found.get(), 100) + "' answers an AuthnRequest, but it was validated as unsolicited:"
                    + " pass the request id the host remembered to validate(...)."));
        }
        return Optional.empty();
    }
}

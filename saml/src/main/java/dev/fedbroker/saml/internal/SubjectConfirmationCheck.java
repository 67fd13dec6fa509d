package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException.Problem;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The bearer SubjectConfirmation rule of the Web Browser SSO profile: at least one bearer confirmation whose data has
 * Recipient = ACS, a NotOnOrAfter not passed, no NotBefore, and the expected InResponseTo. When none qualifies, the
 * problems of the first bearer confirmation are reported.
 */
final class SubjectConfirmationCheck {

    private SubjectConfirmationCheck() {
    }

    static List<Problem> check(Element subject, ValidatorSettings s, Optional<String> expectedRequestId, Instant now) {
        List<Problem> firstProblems = null;
        for (Element sc : Dom.children(subject, Names.ASSERTION, "SubjectConfirmation")) {
            if (!Names.BEARER.equals(Dom.attribute(sc, "Method").orElse(""))) {
                continue;
            }
            List<Problem> problems = one(sc, s, expectedRequestId, now);
            if (problems.isEmpty()) {
                return problems;
            }
            if (firstProblems == null) {
                firstProblems = problems;
            }
        }
        if (firstProblems != null) {
            return firstProblems;
        }
        return List.of(new Problem(Reason.NO_BEARER_CONFIRMATION, "The Subject has no SubjectConfirmation with"
                + " Method " + Names.BEARER + "."));
    }

    private static List<Problem> one(Element sc, ValidatorSettings s, Optional<String> expectedRequestId, Instant now) {
        List<Problem> problems = new ArrayList<>();
        Optional<Element> data = Dom.atMostOne(sc, Names.ASSERTION, "SubjectConfirmationData");
        if (data.isEmpty()) {
            problems.add(new Problem(Reason.NO_BEARER_CONFIRMATION, "The bearer SubjectConfirmation has no"
                    + " SubjectConfirmationData (Recipient, NotOnOrAfter)."));
            return problems;
        }
        Element d = data.get();
        if (Dom.attribute(d, "NotBefore").isPresent()) {
            problems.add(new Problem(Reason.NO_BEARER_CONFIRMATION, "Bearer SubjectConfirmationData must not carry"
                    + " NotBefore (SAML profiles 4.1.4.2)."));
        }
        Optional<String> recipient = Dom.attribute(d, "Recipient");
        if (recipient.isEmpty() || !recipient.get().equals(s.assertionConsumerService())) {
            problems.add(new Problem(Reason.WRONG_RECIPIENT, "SubjectConfirmationData Recipient "
                    + (recipient.isEmpty() ? "is missing" : "'" + Log.clip(recipient.get(), 200) + "' differs")
                    + "; expected '" + s.assertionConsumerService() + "'. Set the Reply URL of the Azure"
                    + " enterprise app to exactly this value, or fix assertionConsumerService(...)."));
        }
        Optional<Instant> notOnOrAfter = Dom.instant(d, "NotOnOrAfter");
        if (notOnOrAfter.isEmpty()) {
            problems.add(new Problem(Reason.NO_BEARER_CONFIRMATION, "Bearer SubjectConfirmationData has no"
                    + " NotOnOrAfter."));
        } else if (Times.passed(now, notOnOrAfter.get(), s.clockSkew())) {
            problems.add(new Problem(Reason.EXPIRED, "SubjectConfirmationData NotOnOrAfter " + notOnOrAfter.get()
                    + " has passed (now " + now + ", skew " + s.clockSkew() + "). Sign in again."));
        }
        ProtocolCheck.inResponseTo(Dom.attribute(d, "InResponseTo"), expectedRequestId, "SubjectConfirmationData")
                .ifPresent(problems::add);
        return problems;
    }
}

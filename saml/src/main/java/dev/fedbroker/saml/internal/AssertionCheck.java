package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException.Problem;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Step 7: the assertion (Issuer, Subject, bearer confirmation, Conditions and audience, AuthnStatement). */
final class AssertionCheck {

    private AssertionCheck() {
    }

    static List<Problem> check(Element assertion, ValidatorSettings s, Optional<String> expectedRequestId, Instant now) {
        List<Problem> problems = new ArrayList<>();
        if (!"2.0".equals(Dom.attribute(assertion, "Version").orElse(""))) {
            problems.add(new Problem(Reason.MALFORMED, "Assertion Version must be 2.0."));
        }
        Optional<Element> issuer = Dom.atMostOne(assertion, Names.ASSERTION, "Issuer");
        if (issuer.isEmpty()) {
            problems.add(new Problem(Reason.WRONG_ISSUER, "The assertion has no Issuer; expected '"
                    + s.idpEntityId() + "'."));
        } else {
            issuerProblem(issuer.get(), "Assertion", s).ifPresent(problems::add);
        }
        issueInstant(assertion, "Assertion", s, now).ifPresent(problems::add);
        Optional<Element> subject = Dom.atMostOne(assertion, Names.ASSERTION, "Subject");
        Optional<Element> nameId = subject.flatMap(x -> Dom.atMostOne(x, Names.ASSERTION, "NameID"));
        if (nameId.isEmpty() || Dom.simpleText(nameId.get()).isBlank()) {
            problems.add(new Problem(Reason.NO_SUBJECT, "The assertion has no Subject with a non-empty NameID"
                    + " (an EncryptedID is not supported). Check the Unique User Identifier claim of the Azure"
                    + " enterprise app."));
        }
        nameId.flatMap(n -> Dom.attribute(n, "SPNameQualifier")).filter(q -> !q.equals(s.spEntityId()))
                .ifPresent(q -> problems.add(new Problem(Reason.WRONG_AUDIENCE, "NameID SPNameQualifier '"
                        + Log.clip(q, 200) + "' names another SP; expected '" + s.spEntityId() + "'.")));
        subject.ifPresent(x -> problems.addAll(SubjectConfirmationCheck.check(x, s, expectedRequestId, now)));
        if (subject.isEmpty()) {
            problems.add(new Problem(Reason.NO_BEARER_CONFIRMATION, "No Subject, hence no bearer SubjectConfirmation."));
        }
        problems.addAll(conditions(assertion, s, now));
        List<Element> authn = Dom.children(assertion, Names.ASSERTION, "AuthnStatement");
        if (authn.isEmpty()) {
            problems.add(new Problem(Reason.NO_AUTHN_STATEMENT, "The assertion has no AuthnStatement: it does not"
                    + " say that the user signed in."));
        }
        for (Element a : authn) {
            Optional<Instant> sessionEnd = Dom.instant(a, "SessionNotOnOrAfter");
            if (sessionEnd.isPresent() && Times.passed(now, sessionEnd.get(), s.clockSkew())) {
                problems.add(new Problem(Reason.EXPIRED, "AuthnStatement SessionNotOnOrAfter " + sessionEnd.get()
                        + " has passed (now " + now + ", skew " + s.clockSkew() + ")."));
            }
        }
        return problems;
    }

    private static List<Problem> conditions(Element assertion, ValidatorSettings s, Instant now) {
        List<Problem> problems = new ArrayList<>();
        Optional<Element> conditions = Dom.atMostOne(assertion, Names.ASSERTION, "Conditions");
        if (conditions.isEmpty()) {
            problems.add(new Problem(Reason.WRONG_AUDIENCE, "The assertion has no Conditions, hence no"
                    + " AudienceRestriction naming '" + s.spEntityId() + "'."));
            return problems;
        }
        Element c = conditions.get();
        Optional<Instant> notBefore = Dom.instant(c, "NotBefore");
        Optional<Instant> notOnOrAfter = Dom.instant(c, "NotOnOrAfter");
        if (notBefore.isPresent() && Times.notYet(now, notBefore.get(), s.clockSkew())) {
            problems.add(new Problem(Reason.NOT_YET_VALID, "Conditions NotBefore " + notBefore.get()
                    + " is later than now (" + now + ") plus the clock skew " + s.clockSkew()
                    + ". Check the clocks of this host (NTP), or raise clockSkew."));
        }
        if (notOnOrAfter.isEmpty()) {
            problems.add(new Problem(Reason.EXPIRED, "Conditions has no NotOnOrAfter: an assertion without an end"
                    + " of validity is refused (Azure AD always sends one)."));
        } else if (Times.passed(now, notOnOrAfter.get(), s.clockSkew())) {
            problems.add(new Problem(Reason.EXPIRED, "Conditions NotOnOrAfter " + notOnOrAfter.get()
                    + " has passed (now " + now + ", skew " + s.clockSkew() + "). Sign in again; if it keeps"
                    + " happening, check this host's clock."));
        }
        int restrictions = 0;
        for (Element condition : Dom.elements(c)) {
            if (Dom.is(condition, Names.ASSERTION, "AudienceRestriction")) {
                restrictions++;
                boolean ours = Dom.children(condition, Names.ASSERTION, "Audience").stream()
                        .anyMatch(a -> Dom.simpleText(a).equals(s.spEntityId()));
                if (!ours) {
                    problems.add(new Problem(Reason.WRONG_AUDIENCE, "An AudienceRestriction does not name this"
                            + " SP's entity id '" + s.spEntityId() + "' (compared exactly). Set the Identifier"
                            + " (Entity ID) of the Azure enterprise app to this value, or fix"
                            + " ServiceProvider.builder().entityId(...)."));
                }
            } else if (!Dom.is(condition, Names.ASSERTION, "OneTimeUse")
                    && !Dom.is(condition, Names.ASSERTION, "ProxyRestriction")) {
                problems.add(new Problem(Reason.UNSUPPORTED_CONDITION, "Condition "
                        + Log.clip(condition.getLocalName(), 100) + " is not understood; SAML requires refusing an"
                        + " assertion with unknown conditions."));
            }
        }
        if (restrictions == 0) {
            problems.add(new Problem(Reason.WRONG_AUDIENCE, "The assertion has no AudienceRestriction; expected one"
                    + " naming '" + s.spEntityId() + "'."));
        }
        return problems;
    }

    static Optional<Problem> issuerProblem(Element issuer, String where, ValidatorSettings s) {
        String value = Dom.simpleText(issuer);
        Optional<String> format = Dom.attribute(issuer, "Format");
        if (format.isPresent() && !format.get().equals(Names.ENTITY_FORMAT)) {
            return Optional.of(new Problem(Reason.WRONG_ISSUER, where + " Issuer Format must be the entity format."));
        }
        if (!value.equals(s.idpEntityId())) {
            return Optional.of(new Problem(Reason.WRONG_ISSUER, where + " Issuer '" + Log.clip(value, 200)
                    + "' differs from the IdP entity id '" + s.idpEntityId() + "' (compared exactly; a trailing"
                    + " slash matters). Use the Azure AD Identifier of the enterprise app (metadata entityID)."));
        }
        return Optional.empty();
    }

    static Optional<Problem> issueInstant(Element e, String where, ValidatorSettings s, Instant now) {
        Optional<Instant> at = Dom.instant(e, "IssueInstant");
        if (at.isEmpty()) {
            return Optional.of(new Problem(Reason.MALFORMED, where + " has no IssueInstant."));
        }
        Instant earliest = Times.minus(Times.minus(now, s.maxResponseAge()), s.clockSkew());
        Instant latest = Times.plus(now, s.clockSkew());
        if (at.get().isBefore(earliest) || at.get().isAfter(latest)) {
            return Optional.of(new Problem(Reason.ISSUE_INSTANT_OUT_OF_WINDOW, where + " IssueInstant " + at.get()
                    + " is outside [" + earliest + ", " + latest + "] (now " + now + ", max age "
                    + s.maxResponseAge() + ", skew " + s.clockSkew() + "). Check this host's clock."));
        }
        return Optional.empty();
    }
}

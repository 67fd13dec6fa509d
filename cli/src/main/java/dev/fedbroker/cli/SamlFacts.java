package dev.fedbroker.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a SAML response says, read without trusting it: header fields, time windows and claims of the first
 * Assertion. Immutable after construction.
 */
final class SamlFacts {

    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = EncryptedAssertions.SAML;

    /** A value with a label for people and a key for JSON ({@code audience} may repeat). */
    record Field(String key, String label, String value) {
    }

    /** A time value; {@code instant} is empty when the text is not an ISO-8601 instant. */
    record Time(String label, String text, Optional<Instant> instant, Kind kind) {
        /** How the time bounds validity. */
        enum Kind { ISSUED, NOT_BEFORE, NOT_ON_OR_AFTER }
    }

    /** An Attribute and its values, in document order. */
    record Claim(String name, List<String> values) {
    }

    private final String root;
    private final boolean isResponse;
    private final List<Field> fields = new ArrayList<>();
    private final List<Time> times = new ArrayList<>();
    private final List<Claim> claims = new ArrayList<>();

    SamlFacts(Document doc) {
        Element response = doc.getDocumentElement();
        root = (response.getNamespaceURI() == null ? "" : "{" + response.getNamespaceURI() + "}")
                + response.getLocalName();
        isResponse = PROTOCOL.equals(response.getNamespaceURI()) && "Response".equals(response.getLocalName());
        attribute(response, "ID").ifPresent(v -> field("responseId", "Response ID", v));
        child(response, SAML, "Issuer").ifPresent(e -> field("responseIssuer", "Response Issuer", e.getTextContent()));
        attribute(response, "Destination").ifPresent(v -> field("destination", "Destination", v));
        attribute(response, "InResponseTo").ifPresent(v -> field("inResponseTo", "InResponseTo", v));
        child(response, PROTOCOL, "Status").ifPresent(this::status);
        time("Response IssueInstant", attribute(response, "IssueInstant"), Time.Kind.ISSUED);
        child(response, SAML, "Assertion").ifPresent(this::assertion);
        if (child(response, SAML, "EncryptedAssertion").isPresent()) {
            field("assertion", "Assertion", "encrypted (not decrypted)");
        }
    }

    private void status(Element status) {
        child(status, PROTOCOL, "StatusCode").ifPresent(code -> {
            field("status", "Status", code.getAttribute("Value"));
            child(code, PROTOCOL, "StatusCode").ifPresent(sub -> field("subStatus", "Sub-status", sub.getAttribute("Value")));
        });
        child(status, PROTOCOL, "StatusMessage").ifPresent(m -> field("statusMessage", "Status message", m.getTextContent()));
    }

    private void assertion(Element a) {
        attribute(a, "ID").ifPresent(v -> field("assertionId", "Assertion ID", v));
        child(a, SAML, "Issuer").ifPresent(e -> field("assertionIssuer", "Assertion Issuer", e.getTextContent()));
        time("Assertion IssueInstant", attribute(a, "IssueInstant"), Time.Kind.ISSUED);
        child(a, SAML, "Subject").ifPresent(subject -> {
            child(subject, SAML, "NameID").ifPresent(n -> {
                field("nameId", "NameID", n.getTextContent());
                attribute(n, "Format").ifPresent(f -> field("nameIdFormat", "NameID Format", f));
            });
            child(subject, SAML, "SubjectConfirmation").ifPresent(sc -> {
                attribute(sc, "Method").ifPresent(m -> field("confirmationMethod", "Confirmation", m));
                child(sc, SAML, "SubjectConfirmationData").ifPresent(d -> {
                    attribute(d, "Recipient").ifPresent(v -> field("recipient", "Recipient", v));
                    attribute(d, "InResponseTo").ifPresent(v -> field("confirmationInResponseTo", "Confirmation InResponseTo", v));
                    time("Confirmation NotBefore", attribute(d, "NotBefore"), Time.Kind.NOT_BEFORE);
                    time("Confirmation NotOnOrAfter", attribute(d, "NotOnOrAfter"), Time.Kind.NOT_ON_OR_AFTER);
                });
            });
        });
        child(a, SAML, "Conditions").ifPresent(c -> {
            time("Conditions NotBefore", attribute(c, "NotBefore"), Time.Kind.NOT_BEFORE);
            time("Conditions NotOnOrAfter", attribute(c, "NotOnOrAfter"), Time.Kind.NOT_ON_OR_AFTER);
            for (Element r : children(c, SAML, "AudienceRestriction")) {
                children(r, SAML, "Audience").forEach(au -> field("audience", "Audience", au.getTextContent()));
            }
        });
        child(a, SAML, "AuthnStatement").ifPresent(s -> {
            time("AuthnInstant", attribute(s, "AuthnInstant"), Time.Kind.ISSUED);
            time("SessionNotOnOrAfter", attribute(s, "SessionNotOnOrAfter"), Time.Kind.NOT_ON_OR_AFTER);
            attribute(s, "SessionIndex").ifPresent(v -> field("sessionIndex", "SessionIndex", v));
            child(s, SAML, "AuthnContext").flatMap(ac -> child(ac, SAML, "AuthnContextClassRef"))
                    .ifPresent(r -> field("authnContextClassRef", "AuthnContextClassRef", r.getTextContent()));
        });
        child(a, SAML, "AttributeStatement").ifPresent(st -> {
            for (Element attr : children(st, SAML, "Attribute")) {
                List<String> values = new ArrayList<>();
                children(attr, SAML, "AttributeValue").forEach(v -> values.add(v.getTextContent()));
                claims.add(new Claim(attr.getAttribute("Name"), List.copyOf(values)));
            }
        });
    }

    String root() {
        return root;
    }

    /** Whether the root is a SAML 2.0 protocol Response. */
    boolean isResponse() {
        return isResponse;
    }

    List<Field> fields() {
        return List.copyOf(fields);
    }

    List<Time> times() {
        return List.copyOf(times);
    }

    List<Claim> claims() {
        return List.copyOf(claims);
    }

    private void field(String key, String label, String value) {
        fields.add(new Field(key, label, value));
    }

    private void time(String label, Optional<String> text, Time.Kind kind) {
        text.ifPresent(t -> {
            Optional<Instant> instant;
            try {
                instant = Optional.of(Instant.parse(t.strip()));
            } catch (DateTimeParseException e) {
                instant = Optional.empty();
            }
            times.add(new Time(label, t, instant, kind));
        });
    }

    private static Optional<String> attribute(Element e, String name) {
        return e.hasAttributeNS(null, name) ? Optional.of(e.getAttributeNS(null, name)) : Optional.empty();
    }

    static Optional<Element> child(Element parent, String ns, String localName) {
        List<Element> all = children(parent, ns, localName);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}

package dev.fedbroker.aws.internal;

import static dev.fedbroker.aws.internal.SamlXml.ASSERTION_NS;
import static dev.fedbroker.aws.internal.SamlXml.PROTOCOL_NS;
import static dev.fedbroker.aws.internal.SamlXml.appendText;
import static dev.fedbroker.aws.internal.SamlXml.dateTime;
import static dev.fedbroker.aws.internal.SamlXml.element;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Writes the SAML 2.0 Response that AWS's sign-in endpoint accepts, and has its assertion signed. Element order
 * follows the SAML schema (the Signature goes right after the assertion's Issuer). Thread-safe: it holds only the
 * immutable signer.
 */
public final class SamlResponseWriter {

    static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    static final String URI_NAME_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
    static final String UNSPECIFIED_CONTEXT = "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified";

    private final AssertionSigner signer;

    public SamlResponseWriter(AssertionSigner signer) {
        this.signer = signer;
    }

    /** The signed response, serialized (UTF-8 XML text). */
    public String write(AssertionContent content) {
        Document document = SamlXml.newDocument();
        Element response = element(document, PROTOCOL_NS, "samlp", "Response");
        SamlXml.declareNamespace(response, "samlp", PROTOCOL_NS);
        SamlXml.declareNamespace(response, "saml", ASSERTION_NS);
        response.setAttributeNS(null, "ID", content.responseId());
        response.setAttributeNS(null, "Version", "2.0");
        response.setAttributeNS(null, "IssueInstant", dateTime(content.issueInstant()));
        response.setAttributeNS(null, "Destination", content.destination());
        document.appendChild(response);

        appendText(response, ASSERTION_NS, "saml", "Issuer", content.issuer());
        Element status = element(document, PROTOCOL_NS, "samlp", "Status");
        Element statusCode = element(document, PROTOCOL_NS, "samlp", "StatusCode");
        statusCode.setAttributeNS(null, "Value", SUCCESS);
        status.appendChild(statusCode);
        response.appendChild(status);

        Element assertion = assertion(document, content);
        response.appendChild(assertion);
        signer.signEnveloped(assertion, content.assertionId());
        return SamlXml.serialize(document);
    }

    private static Element assertion(Document document, AssertionContent content) {
        Element assertion = element(document, ASSERTION_NS, "saml", "Assertion");
        // Exclusive c14n of the assertion alone needs the prefix declared on (or inside) the signed element.
        SamlXml.declareNamespace(assertion, "saml", ASSERTION_NS);
        assertion.setAttributeNS(null, "ID", content.assertionId());
        assertion.setAttributeNS(null, "Version", "2.0");
        assertion.setAttributeNS(null, "IssueInstant", dateTime(content.issueInstant()));
        appendText(assertion, ASSERTION_NS, "saml", "Issuer", content.issuer());
        assertion.appendChild(subject(document, content));
        assertion.appendChild(conditions(document, content));
        // Azure's order (attributes, then authentication); the schema allows statements in any order.
        if (!content.attributes().isEmpty()) {
            assertion.appendChild(attributeStatement(document, content));
        }
        assertion.appendChild(authnStatement(document, content));
        return assertion;
    }

    private static Element subject(Document document, AssertionContent content) {
        Element subject = element(document, ASSERTION_NS, "saml", "Subject");
        Element nameId = appendText(subject, ASSERTION_NS, "saml", "NameID", content.nameId());
        nameId.setAttributeNS(null, "Format", PERSISTENT);
        Element confirmation = element(document, ASSERTION_NS, "saml", "SubjectConfirmation");
        confirmation.setAttributeNS(null, "Method", BEARER);
        Element data = element(document, ASSERTION_NS, "saml", "SubjectConfirmationData");
        data.setAttributeNS(null, "NotOnOrAfter", dateTime(content.notOnOrAfter()));
        data.setAttributeNS(null, "Recipient", content.destination());
        confirmation.appendChild(data);
        subject.appendChild(confirmation);
        return subject;
    }

    private static Element conditions(Document document, AssertionContent content) {
        Element conditions = element(document, ASSERTION_NS, "saml", "Conditions");
        conditions.setAttributeNS(null, "NotBefore", dateTime(content.issueInstant()));
        conditions.setAttributeNS(null, "NotOnOrAfter", dateTime(content.notOnOrAfter()));
        Element restriction = element(document, ASSERTION_NS, "saml", "AudienceRestriction");
        appendText(restriction, ASSERTION_NS, "saml", "Audience", content.audience());
        conditions.appendChild(restriction);
        return conditions;
    }

    private static Element authnStatement(Document document, AssertionContent content) {
        Element statement = element(document, ASSERTION_NS, "saml", "AuthnStatement");
        statement.setAttributeNS(null, "AuthnInstant", dateTime(content.issueInstant()));
        statement.setAttributeNS(null, "SessionIndex", content.assertionId());
        Element context = element(document, ASSERTION_NS, "saml", "AuthnContext");
        appendText(context, ASSERTION_NS, "saml", "AuthnContextClassRef", UNSPECIFIED_CONTEXT);
        statement.appendChild(context);
        return statement;
    }

    private static Element attributeStatement(Document document, AssertionContent content) {
        Element statement = element(document, ASSERTION_NS, "saml", "AttributeStatement");
        for (SamlAttribute attribute : content.attributes()) {
            Element element = element(document, ASSERTION_NS, "saml", "Attribute");
            element.setAttributeNS(null, "Name", attribute.name());
            element.setAttributeNS(null, "NameFormat", URI_NAME_FORMAT);
            for (String value : attribute.values()) {
                appendText(element, ASSERTION_NS, "saml", "AttributeValue", value);
            }
            statement.appendChild(element);
        }
        return statement;
    }
}

package dev.fedbroker.aws;

import static dev.fedbroker.aws.SignInFixtures.builder;
import static dev.fedbroker.aws.SignInFixtures.reader;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the signed response as XML and checks each field AWS's sign-in endpoint looks at. */
class SignedResponseShapeTest {

    private static final String P = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String A = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static AwsSignInResponse response;
    private static Document document;

    @BeforeAll
    static void signOnce() {
        response = builder().build().signIn(reader().build(), Policies.PAYMENTS_PROD, "ReadOnlyAccess");
        document = JdkSignatureVerifier.parse(response.samlResponseXml());
    }

    private static List<Element> all(String ns, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(ns, localName);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Element one(String ns, String localName) {
        List<Element> elements = all(ns, localName);
        assertThat(elements).as(localName).hasSize(1);
        return elements.get(0);
    }

    private static Map<String, List<String>> attributes() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Element attribute : all(A, "Attribute")) {
            List<String> values = new ArrayList<>();
            NodeList nodes = attribute.getElementsByTagNameNS(A, "AttributeValue");
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent());
            }
            attributes.put(attribute.getAttribute("Name"), values);
        }
        return attributes;
    }

    @Test
    void responseWhenSignedThenIssuerDestinationAndStatusAreAwsReady() {
        Element root = document.getDocumentElement();

        assertThat(root.getNamespaceURI()).isEqualTo(P);
        assertThat(root.getLocalName()).isEqualTo("Response");
        assertThat(root.getAttribute("Destination")).isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(root.getAttribute("ID")).startsWith("_").isNotEqualTo(response.assertionId());
        assertThat(all(A, "Issuer")).extracting(Element::getTextContent)
                .containsExactly(SignInFixtures.ENTITY_ID, SignInFixtures.ENTITY_ID);
        assertThat(one(P, "StatusCode").getAttribute("Value"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:status:Success");
    }

    @Test
    void assertionWhenSignedThenAudienceSubjectAndValidityAreAwsReady() {
        Element nameId = one(A, "NameID");
        Element confirmation = one(A, "SubjectConfirmation");
        Element data = one(A, "SubjectConfirmationData");
        Element conditions = one(A, "Conditions");

        assertThat(one(A, "Audience").getTextContent()).isEqualTo("urn:amazon:webservices");
        assertThat(nameId.getTextContent()).isEqualTo(SignInFixtures.OBJECT_ID);
        assertThat(nameId.getAttribute("Format")).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
        assertThat(confirmation.getAttribute("Method")).isEqualTo("urn:oasis:names:tc:SAML:2.0:cm:bearer");
        assertThat(data.getAttribute("Recipient")).isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(data.getAttribute("NotOnOrAfter")).isEqualTo("2026-03-01T10:05:00Z");
        assertThat(conditions.getAttribute("NotBefore")).isEqualTo("2026-03-01T10:00:00Z");
        assertThat(conditions.getAttribute("NotOnOrAfter")).isEqualTo("2026-03-01T10:05:00Z");
        assertThat(one(A, "AuthnStatement").getAttribute("AuthnInstant")).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void assertionWhenSignedThenAwsAttributesInAwsOrder() {
        assertThat(attributes()).containsExactly(
                Map.entry("https://aws.amazon.com/SAML/Attributes/Role", List.of(
                        "arn:aws:iam::222222222222:role/fedbroker/ReadOnlyAccess,"
                                + "arn:aws:iam::222222222222:saml-provider/fedbroker")),
                Map.entry("https://aws.amazon.com/SAML/Attributes/RoleSessionName", List.of("reader@contoso.example")),
                Map.entry("https://aws.amazon.com/SAML/Attributes/SessionDuration", List.of("28800")));
    }

    @Test
    void identityWithoutObjectIdWhenSignedThenNameIdIsTheIdentitysNameId() {
        AwsSignInResponse noObjectId = builder().build().signIn(
                dev.fedbroker.core.Identity.builder("reader@contoso.example")
                        .groups(List.of(Policies.READERS)).build(), Policies.SANDBOX, "Billing");

        Document parsed = JdkSignatureVerifier.parse(noObjectId.samlResponseXml());
        assertThat(parsed.getElementsByTagNameNS(A, "NameID").item(0).getTextContent())
                .isEqualTo("reader@contoso.example");
    }
}

package dev.fedbroker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ResponseShapeTest {

    private static final String TENANT = "2f277f1e-e5f1-4f62-b595-79c2d13afda4";
    private static final MutableClock CLOCK = MutableClock.at("2024-05-01T10:00:00.123456Z");
    private static final TestIdentityProvider IDP = TestIdentityProvider.azureAd(TENANT)
            .withServiceProvider("urn:amazon:webservices", "https://signin.aws.amazon.com/saml")
            .withClock(CLOCK);

    @Test
    void responseWhenDefaultsThenClaimsAreAzureUrisInAzureOrder() throws Exception {
        ResponseBuilder builder = IDP.response();
        Map<String, List<String>> claims = claims(JdkXml.parse(builder.xml()));

        assertThat(claims.keySet()).containsExactly(
                "http://schemas.microsoft.com/identity/claims/tenantid",
                "http://schemas.microsoft.com/identity/claims/objectidentifier",
                "http://schemas.microsoft.com/identity/claims/displayname",
                "http://schemas.microsoft.com/identity/claims/identityprovider",
                "http://schemas.microsoft.com/claims/authnmethodsreferences",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
                "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name");
        assertThat(claims.get(AzureClaims.TENANT_ID)).containsExactly(TENANT);
        assertThat(claims.get(AzureClaims.OBJECT_ID)).containsExactly(builder.objectId());
        assertThat(claims.get(AzureClaims.IDENTITY_PROVIDER)).containsExactly(IDP.entityId());
        assertThat(claims.get(AzureClaims.AUTHN_METHODS)).containsExactly(
                "http://schemas.microsoft.com/ws/2008/06/identity/authenticationmethod/password");
    }

    @Test
    void responseWhenRolesGroupsAndAwsRolesThenTheyTakeAzurePlaces() throws Exception {
        Map<String, List<String>> claims = claims(JdkXml.parse(IDP.response().roles(List.of("Admin"))
                .groups(List.of("g1", "g2")).awsRoles(List.of("arn:aws:iam::111111111111:role/R,"
                        + "arn:aws:iam::111111111111:saml-provider/AzureAD"))
                .attribute("urn:custom", "a", "b").xml()));

        assertThat(claims.keySet()).containsSubsequence(AzureClaims.AUTHN_METHODS, AzureClaims.ROLE,
                AzureClaims.GIVEN_NAME, AzureClaims.NAME, AzureClaims.GROUPS, AzureClaims.AWS_ROLE, "urn:custom");
        assertThat(claims.get(AzureClaims.GROUPS)).containsExactly("g1", "g2");
        assertThat(claims.get("urn:custom")).containsExactly("a", "b");
    }

    @Test
    void responseWhenGroupsOverageThenGroupsLinkReplacesGroups() throws Exception {
        ResponseBuilder builder = IDP.response().groups(List.of("g1")).groupsOverage();
        Map<String, List<String>> claims = claims(JdkXml.parse(builder.xml()));

        assertThat(claims).doesNotContainKey(AzureClaims.GROUPS);
        assertThat(claims.get(AzureClaims.GROUPS_LINK)).containsExactly(
                "https://graph.windows.net/" + TENANT + "/users/" + builder.objectId() + "/getMemberObjects");
    }

    @Test
    void responseWhenStandardAttributeOverriddenOrRemovedThenOrderIsKept() throws Exception {
        Map<String, List<String>> claims = claims(JdkXml.parse(IDP.response()
                .attribute(AzureClaims.DISPLAY_NAME, "Doe, John").withoutAttribute(AzureClaims.SURNAME).xml()));

        assertThat(claims.keySet()).doesNotContain(AzureClaims.SURNAME)
                .containsSubsequence(AzureClaims.OBJECT_ID, AzureClaims.DISPLAY_NAME, AzureClaims.IDENTITY_PROVIDER);
        assertThat(claims.get(AzureClaims.DISPLAY_NAME)).containsExactly("Doe, John");
    }

    @Test
    void responseWhenDefaultsThenTimesComeFromClockWithMillisecondPrecision() throws Exception {
        Document doc = JdkXml.parse(IDP.response().inResponseTo("_req1").xml());
        Element response = doc.getDocumentElement();
        Element conditions = JdkXml.only(doc, JdkXml.SAML, "Conditions");
        Element data = JdkXml.only(doc, JdkXml.SAML, "SubjectConfirmationData");

        assertThat(response.getAttribute("IssueInstant")).isEqualTo("2024-05-01T10:00:00.123Z");
        assertThat(conditions.getAttribute("NotBefore")).isEqualTo("2024-05-01T09:55:00.123Z");
        assertThat(conditions.getAttribute("NotOnOrAfter")).isEqualTo("2024-05-01T11:10:00.123Z");
        assertThat(data.getAttribute("NotOnOrAfter")).isEqualTo("2024-05-01T10:05:00.123Z");
        assertThat(data.getAttribute("InResponseTo")).isEqualTo("_req1");
        assertThat(response.getAttribute("InResponseTo")).isEqualTo("_req1");
        assertThat(JdkXml.only(doc, JdkXml.SAML, "AuthnStatement").getAttribute("AuthnInstant"))
                .isEqualTo("2024-05-01T09:59:00.123Z");
    }

    @Test
    void responseWhenClockAdvancedThenNextBuildUsesNewTime() throws Exception {
        MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");
        ResponseBuilder builder = IDP.withClock(clock).response();
        String first = builder.xml();
        clock.advance(Duration.ofHours(1));

        assertThat(builder.xml()).isSameAs(first);
        assertThat(JdkXml.parse(builder.nameId("bob@contoso.example").xml()).getDocumentElement()
                .getAttribute("IssueInstant")).isEqualTo("2024-05-01T11:00:00.000Z");
    }

    @Test
    void responseWhenDefaultsThenLayoutMatchesAzure() throws Exception {
        ResponseBuilder builder = IDP.response();
        String xml = builder.xml();
        Document doc = JdkXml.parse(xml);
        Element assertion = JdkXml.only(doc, JdkXml.SAML, "Assertion");

        assertThat(xml).startsWith("<samlp:Response ID=\"" + builder.responseId() + "\" Version=\"2.0\" IssueInstant=")
                .contains("<Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + IDP.entityId() + "</Issuer>"
                        + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/>"
                        + "</samlp:Status><Assertion ID=\"" + builder.assertionId() + "\"")
                .contains("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><SignedInfo>")
                .doesNotContain("\n", "ds:", "<?xml");
        assertThat(children(assertion)).containsExactly("Issuer", "Signature", "Subject", "Conditions",
                "AttributeStatement", "AuthnStatement");
        assertThat(children(doc.getDocumentElement())).containsExactly("Issuer", "Status", "Assertion");
        assertThat(JdkXml.only(doc, JdkXml.SAML, "Audience").getTextContent()).isEqualTo("urn:amazon:webservices");
        assertThat(JdkXml.only(doc, JdkXml.SAML, "SubjectConfirmationData").getAttribute("Recipient"))
                .isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(JdkXml.only(doc, JdkXml.SAML, "AuthnStatement").getAttribute("SessionIndex"))
                .isEqualTo(builder.assertionId());
        assertThat(new String(Base64.getDecoder().decode(builder.base64()), StandardCharsets.UTF_8)).isEqualTo(xml);
    }

    @Test
    void responseWhenErrorStatusWithoutAssertionThenOnlyStatusIsSent() throws Exception {
        Document doc = JdkXml.parse(IDP.response().status(AzureClaims.STATUS_REQUESTER)
                .statusMessage("AADSTS50105: not assigned").withoutAssertion().xml());

        assertThat(JdkXml.elements(doc, JdkXml.SAML, "Assertion")).isEmpty();
        assertThat(JdkXml.only(doc, JdkXml.SAMLP, "StatusCode").getAttribute("Value"))
                .isEqualTo(AzureClaims.STATUS_REQUESTER);
        assertThat(JdkXml.only(doc, JdkXml.SAMLP, "StatusMessage").getTextContent()).startsWith("AADSTS50105");
    }

    private static List<String> children(Element parent) {
        List<String> names = new java.util.ArrayList<>();
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            names.add(n.getLocalName());
        }
        return names;
    }

    private static Map<String, List<String>> claims(Document doc) {
        Map<String, List<String>> claims = new LinkedHashMap<>();
        for (Element attribute : JdkXml.elements(doc, JdkXml.SAML, "Attribute")) {
            claims.put(attribute.getAttribute("Name"), JdkXml.elementsUnder(attribute, JdkXml.SAML, "AttributeValue")
                    .stream().map(Element::getTextContent).toList());
        }
        return claims;
    }
}

package dev.fedbroker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;

/** The non-XSW hostile variants are what they claim, checked with the JDK's parser and XML-DSig. */
class HostileTest {

    private static final TestIdentityProvider IDP = TestIdentityProvider.azureAd("507beeb6-7b23-4537-9307-2845b83ee65a");
    private static final PublicKey KEY = IDP.signingCredential().publicKey();

    @Test
    void commentInNameIdWhenBuiltThenSignatureStillVerifiesAndFirstTextNodeIsTruncated() throws Exception {
        ResponseBuilder builder = IDP.response();
        Document doc = JdkXml.parse(Hostile.commentInNameId(builder, "admin@contoso.example", ".evil.test"));
        Element nameId = JdkXml.only(doc, JdkXml.SAML, "NameID");

        assertThat(nameId.getFirstChild().getNodeValue()).isEqualTo("admin@contoso.example");
        assertThat(nameId.getFirstChild().getNextSibling().getNodeType()).isEqualTo(Node.COMMENT_NODE);
        assertThat(nameId.getTextContent()).isEqualTo("admin@contoso.example.evil.test");
        assertThat(JdkXml.verify(JdkXml.only(doc, JdkXml.DS, "Signature"), KEY)).isTrue();
        assertThat(builder.xml()).contains(">alice@contoso.example</NameID>");
    }

    @Test
    void keyInfoSubstitutionWhenBuiltThenVerifiesOnlyWithAttackerKeyFromKeyInfo() throws Exception {
        ResponseBuilder builder = IDP.response();
        Document doc = JdkXml.parse(Hostile.keyInfoSubstitution(builder));
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");
        TestCredential attacker = Hostile.attackerCredential();

        assertThat(JdkXml.verify(signature, attacker.publicKey())).isTrue();
        assertThat(JdkXml.verify(signature, KEY)).isFalse();
        assertThat(JdkXml.only(doc, JdkXml.DS, "X509Certificate").getTextContent())
                .isEqualTo(attacker.certificateBase64());
        assertThat(attacker.certificate().getSubjectX500Principal().getName())
                .isEqualTo("CN=Microsoft Azure Federated SSO Certificate");
        assertThat(JdkXml.verify(JdkXml.only(JdkXml.parse(builder.xml()), JdkXml.DS, "Signature"), KEY)).isTrue();
    }

    @Test
    void duplicateAssertionWhenAppliedThenSignedAssertionIsFollowedByUnsignedEvilOne() throws Exception {
        ResponseBuilder builder = IDP.response();
        Document doc = JdkXml.parse(Hostile.duplicateAssertion(builder.xml()));
        List<Element> assertions = JdkXml.elements(doc, JdkXml.SAML, "Assertion");

        assertThat(assertions).hasSize(2);
        assertThat(assertions.get(0).getAttribute("ID")).isEqualTo(builder.assertionId());
        assertThat(assertions.get(1).getAttribute("ID")).isNotEqualTo(builder.assertionId());
        assertThat(JdkXml.elementsUnder(assertions.get(1), JdkXml.DS, "Signature")).isEmpty();
        assertThat(JdkXml.elementsUnder(assertions.get(1), JdkXml.SAML, "NameID").get(0).getTextContent())
                .isEqualTo(Hostile.ATTACKER_NAME_ID);
        assertThat(JdkXml.verify(JdkXml.only(doc, JdkXml.DS, "Signature"), KEY)).isTrue();
    }

    @Test
    void duplicateIdsWhenAppliedThenStatusCarriesAssertionId() throws Exception {
        ResponseBuilder builder = IDP.response();
        Document doc = JdkXml.parse(Hostile.duplicateIds(builder.xml()));

        assertThat(JdkXml.elements(doc, "*", "*")).filteredOn(e -> builder.assertionId().equals(e.getAttribute("ID")))
                .extracting(Element::getLocalName).containsExactly("Status", "Assertion");
    }

    @Test
    void parserAttacksWhenParsedSecurelyThenRejectedForTheirDoctype() throws Exception {
        String signed = IDP.response().xml();
        for (String hostile : List.of(Hostile.xxeExternalEntity(), Hostile.xxeExternalEntity(signed),
                Hostile.billionLaughs(), Hostile.billionLaughs(signed), Hostile.doctypeOnly(signed))) {
            assertThatThrownBy(() -> JdkXml.parse(hostile)).isInstanceOf(SAXParseException.class)
                    .hasMessageContaining("DOCTYPE");
        }
        assertThat(Hostile.xxeExternalEntity(signed)).contains("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">")
                .contains(">&xxe;</NameID>");
        assertThat(Hostile.billionLaughs()).contains("<!ENTITY lol9 \"&lol8;&lol8;").contains(">&lol9;</NameID>");
        assertThat(Hostile.doctypeOnly(signed)).isEqualTo("<!DOCTYPE samlp:Response>" + signed);
    }

    @Test
    void xpathTransformWhenBuiltThenReferenceUsesXpathAndSignatureVerifies() throws Exception {
        ResponseBuilder builder = IDP.response().signResponse();
        Document doc = JdkXml.parse(Hostile.xpathTransform(builder));
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");

        assertThat(JdkXml.elementsUnder(signature, JdkXml.DS, "Transform")).extracting(t -> t.getAttribute("Algorithm"))
                .containsExactly("http://www.w3.org/TR/1999/REC-xpath-19991116", "http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(signature.getParentNode().getLocalName()).isEqualTo("Assertion");
        assertThat(JdkXml.verify(signature, KEY)).isTrue();
        assertThat(JdkXml.parse(builder.xml()).getDocumentElement().getFirstChild().getNextSibling().getLocalName())
                .as("builder keeps its response signing").isEqualTo("Signature");
    }

    @Test
    void extraReferenceWhenBuiltThenTwoValidReferences() throws Exception {
        ResponseBuilder builder = IDP.response();
        Document doc = JdkXml.parse(Hostile.extraReference(builder));
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");

        assertThat(JdkXml.referenceUris(signature, KEY))
                .containsExactly("#" + builder.assertionId(), "#" + builder.responseId());
        assertThat(JdkXml.verify(signature, KEY)).isTrue();
    }

    @Test
    void emptyReferenceUriWhenBuiltThenWholeDocumentIsSignedValidly() throws Exception {
        Document doc = JdkXml.parse(Hostile.emptyReferenceUri(IDP.response()));
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");

        assertThat(JdkXml.referenceUris(signature, KEY)).containsExactly("");
        assertThat(JdkXml.verify(signature, KEY)).isTrue();
    }

    @Test
    void referenceToOtherIdWhenBuiltThenAssertionSignatureValidlyCoversResponse() throws Exception {
        ResponseBuilder builder = IDP.response();
        Document doc = JdkXml.parse(Hostile.referenceToOtherId(builder));
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");

        assertThat(signature.getParentNode().getLocalName()).isEqualTo("Assertion");
        assertThat(JdkXml.referenceUris(signature, KEY)).containsExactly("#" + builder.responseId());
        assertThat(JdkXml.verify(signature, KEY)).isTrue();
    }

    @Test
    void referenceToOtherIdWhenAppliedToSignedXmlThenUriRetargetedAndSignatureBroken() throws Exception {
        ResponseBuilder builder = IDP.response();
        Document doc = JdkXml.parse(Hostile.referenceToOtherId(builder.xml()));
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");

        assertThat(JdkXml.referenceUris(signature, KEY)).containsExactly("#" + builder.responseId());
        assertThat(JdkXml.verify(signature, KEY)).isFalse();
    }

    @Test
    void strippedSignatureAndTamperingWhenAppliedThenNoValidSignatureRemains() throws Exception {
        String signed = IDP.response().signBoth().xml();
        Document stripped = JdkXml.parse(Hostile.strippedSignature(signed));
        Document tampered = JdkXml.parse(Hostile.tamperedAfterSigning(IDP.response().xml()));

        assertThat(JdkXml.elements(stripped, JdkXml.DS, "Signature")).isEmpty();
        assertThat(JdkXml.only(stripped, JdkXml.SAML, "NameID").getTextContent()).isEqualTo("alice@contoso.example");
        assertThat(JdkXml.only(tampered, JdkXml.SAML, "NameID").getTextContent()).isEqualTo(Hostile.ATTACKER_NAME_ID);
        assertThat(JdkXml.verify(JdkXml.only(tampered, JdkXml.DS, "Signature"), KEY)).isFalse();
    }

    @Test
    void sizeAttacksWhenAppliedToSignedResponseThenOnlyTheSizeIsWrong() throws Exception {
        String signed = IDP.response().xml();
        // 90 levels and 150 attributes: JDK 24+ refuses deeper than 100 and more than 200 attributes per element
        Document deep = JdkXml.parse(Hostile.deepNesting(signed, 90));
        Document wide = JdkXml.parse(Hostile.manyAttributes(signed, 150));
        String big = Hostile.oversized(signed, 200_000);

        assertThat(depth(deep.getDocumentElement())).isGreaterThan(90);
        assertThat(JdkXml.verify(JdkXml.only(deep, JdkXml.DS, "Signature"), KEY)).isTrue();
        assertThat(wide.getDocumentElement().getAttributes().getLength()).isGreaterThanOrEqualTo(150);
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThanOrEqualTo(200_000);
        assertThat(JdkXml.verify(JdkXml.only(JdkXml.parse(big), JdkXml.DS, "Signature"), KEY)).isTrue();
        assertThat(Hostile.deepNesting(10_000)).contains("<e><e><e>");
        assertThat(Hostile.oversized(1_000)).startsWith("<samlp:Response");
    }

    @Test
    void base64WhenEncodedThenDecodesToUtf8Xml() {
        String xml = Hostile.manyAttributes(3);

        assertThat(new String(Base64.getDecoder().decode(Hostile.base64(xml)), StandardCharsets.UTF_8)).isEqualTo(xml);
    }

    private static int depth(Node node) {
        int max = 0;
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            max = Math.max(max, depth(n));
        }
        return max + 1;
    }
}

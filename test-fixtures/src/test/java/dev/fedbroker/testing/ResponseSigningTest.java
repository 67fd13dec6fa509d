package dev.fedbroker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ResponseSigningTest {

    private static final TestIdentityProvider IDP = TestIdentityProvider.azureAd("3b530360-95d8-439e-bd69-3a8c331a2358");
    private static final TestCredential OTHER = TestCredential.shared("fixtures-test-other");

    @Test
    void responseWhenDefaultsThenAssertionSignatureVerifiesWithJdkAndResponseIsUnsigned() throws Exception {
        ResponseBuilder builder = IDP.response();
        Document doc = JdkXml.parse(builder.xml());

        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");
        Element assertion = JdkXml.only(doc, JdkXml.SAML, "Assertion");
        assertThat(signature.getParentNode()).isSameAs(assertion);
        assertThat(signature.getPreviousSibling().getLocalName()).isEqualTo("Issuer");
        assertThat(JdkXml.referenceUris(signature, IDP.signingCredential().publicKey()))
                .containsExactly("#" + builder.assertionId());
        assertThat(JdkXml.verify(signature, IDP.signingCredential().publicKey())).isTrue();
        assertThat(JdkXml.verify(signature, OTHER.publicKey())).isFalse();
    }

    @Test
    void responseWhenSignResponseThenOnlyResponseSignatureVerifies() throws Exception {
        ResponseBuilder builder = IDP.response().signResponse();
        Document doc = JdkXml.parse(builder.xml());

        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");
        assertThat(signature.getParentNode()).isSameAs(doc.getDocumentElement());
        assertThat(signature.getPreviousSibling().getLocalName()).isEqualTo("Issuer");
        assertThat(JdkXml.referenceUris(signature, IDP.signingCredential().publicKey()))
                .containsExactly("#" + builder.responseId());
        assertThat(JdkXml.verify(signature, IDP.signingCredential().publicKey())).isTrue();
    }

    @Test
    void responseWhenSignBothThenBothSignaturesVerify() throws Exception {
        Document doc = JdkXml.parse(IDP.response().signBoth().xml());

        List<Element> signatures = JdkXml.elements(doc, JdkXml.DS, "Signature");
        assertThat(signatures).hasSize(2);
        assertThat(signatures).extracting(s -> s.getParentNode().getLocalName()).containsExactly("Response", "Assertion");
        for (Element signature : signatures) {
            assertThat(JdkXml.verify(signature, IDP.signingCredential().publicKey())).isTrue();
        }
    }

    @Test
    void responseWhenUnsignedThenHasNoSignature() throws Exception {
        Document doc = JdkXml.parse(IDP.response().unsigned().xml());

        assertThat(JdkXml.elements(doc, JdkXml.DS, "Signature")).isEmpty();
    }

    @Test
    void responseWhenNameIdChangedAfterSigningThenJdkRejectsSignature() throws Exception {
        Document doc = JdkXml.parse(IDP.response().xml());
        JdkXml.only(doc, JdkXml.SAML, "NameID").setTextContent("mallory@contoso.example");

        assertThat(JdkXml.verify(JdkXml.only(doc, JdkXml.DS, "Signature"), IDP.signingCredential().publicKey()))
                .isFalse();
    }

    @Test
    void responseWhenSignWithOtherCredentialThenVerifiesOnlyWithThatKey() throws Exception {
        Document doc = JdkXml.parse(IDP.response().signWith(OTHER).xml());
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");

        assertThat(JdkXml.verify(signature, OTHER.publicKey())).isTrue();
        assertThat(JdkXml.verify(signature, IDP.signingCredential().publicKey())).isFalse();
        assertThat(JdkXml.only(doc, JdkXml.DS, "X509Certificate").getTextContent())
                .isEqualTo(OTHER.certificateBase64());
    }

    @Test
    void responseWhenIncludeKeyInfoFalseThenSignatureHasNoKeyInfoAndStillVerifies() throws Exception {
        Document doc = JdkXml.parse(IDP.response().includeKeyInfo(false).signBoth().xml());

        assertThat(JdkXml.elements(doc, JdkXml.DS, "KeyInfo")).isEmpty();
        for (Element signature : JdkXml.elements(doc, JdkXml.DS, "Signature")) {
            assertThat(JdkXml.verify(signature, IDP.signingCredential().publicKey())).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({
        "http://www.w3.org/2000/09/xmldsig#rsa-sha1, http://www.w3.org/2000/09/xmldsig#sha1",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256, http://www.w3.org/2001/04/xmlenc#sha256",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384, http://www.w3.org/2001/04/xmldsig-more#sha384",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512, http://www.w3.org/2001/04/xmlenc#sha512",
        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256, http://www.w3.org/2000/09/xmldsig#sha1",
    })
    void responseWhenAlgorithmsChosenThenSignatureUsesThemAndVerifiesWithJdk(String signatureUri, String digestUri)
            throws Exception {
        Document doc = JdkXml.parse(IDP.response().signBoth().signatureAlgorithm(signatureUri)
                .digestAlgorithm(digestUri).xml());

        for (Element signature : JdkXml.elements(doc, JdkXml.DS, "Signature")) {
            assertThat(((Element) signature.getElementsByTagNameNS(JdkXml.DS, "SignatureMethod").item(0))
                    .getAttribute("Algorithm")).isEqualTo(signatureUri);
            assertThat(((Element) signature.getElementsByTagNameNS(JdkXml.DS, "DigestMethod").item(0))
                    .getAttribute("Algorithm")).isEqualTo(digestUri);
            assertThat(JdkXml.verify(signature, IDP.signingCredential().publicKey())).isTrue();
        }
    }
}

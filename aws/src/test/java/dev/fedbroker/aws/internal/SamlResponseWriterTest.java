package dev.fedbroker.aws.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.fedbroker.aws.JdkSignatureVerifier;
import dev.fedbroker.aws.TestKeys;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SamlResponseWriterTest {

    private static final String ROLE = "https://aws.amazon.com/SAML/Attributes/Role";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    private static AssertionContent content() {
        return new AssertionContent("_r1", "_a1", T0, T0.plusSeconds(300), "https://broker.example/saml",
                "https://signin.aws.amazon.com/saml", "urn:amazon:webservices", "obj-1",
                List.of(SamlAttribute.of(ROLE, "arn:aws:iam::111111111111:role/fedbroker/ReadOnly,"
                        + "arn:aws:iam::111111111111:saml-provider/fedbroker"),
                        new SamlAttribute("multi", List.of("a", "b & <c>"))));
    }

    private static String write() {
        TestKeys.Signer broker = TestKeys.broker();
        return new SamlResponseWriter(new AssertionSigner(broker.privateKey(), broker.certificate())).write(content());
    }

    @Test
    void writeWhenSignedThenJdkVerifiesAssertionSignatureWithExpectedAlgorithms() {
        JdkSignatureVerifier.Result result = JdkSignatureVerifier.verifyAssertion(write(),
                TestKeys.broker().certificate().getPublicKey());

        assertThat(result.valid()).isTrue();
        assertThat(result.referenceUri()).isEqualTo("#_a1");
        assertThat(result.signatureMethod()).isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(result.digestMethod()).isEqualTo("http://www.w3.org/2001/04/xmlenc#sha256");
        assertThat(result.canonicalizationMethod()).isEqualTo("http://www.w3.org/2001/10/xml-exc-c14n#");
        assertThat(result.transforms()).containsExactly("http://www.w3.org/2000/09/xmldsig#enveloped-signature",
                "http://www.w3.org/2001/10/xml-exc-c14n#");
    }

    @Test
    void writeWhenVerifiedWithAnotherKeyThenSignatureIsInvalid() {
        assertThat(JdkSignatureVerifier.verifyAssertion(write(), TestKeys.other().certificate().getPublicKey())
                .valid()).isFalse();
    }

    @Test
    void writeWhenRoleTamperedThenSignatureIsInvalid() {
        String tampered = write().replace("role/fedbroker/ReadOnly", "role/fedbroker/AdminAccess");

        assertThat(tampered).contains("AdminAccess");
        assertThat(JdkSignatureVerifier.verifyAssertion(tampered, TestKeys.broker().certificate().getPublicKey())
                .valid()).isFalse();
    }

    @Test
    void writeWhenSignedThenSignatureFollowsAssertionIssuerAndResponseIsUnsigned() {
        Document document = JdkSignatureVerifier.parse(write());
        Element response = document.getDocumentElement();
        Element assertion = (Element) response.getElementsByTagNameNS(SamlXml.ASSERTION_NS, "Assertion").item(0);
        Element issuer = firstElementChild(assertion);
        Element afterIssuer = nextElement(issuer);

        assertThat(response.getLocalName()).isEqualTo("Response");
        assertThat(response.getAttribute("Destination")).isEqualTo("https://signin.aws.amazon.com/saml");
        assertThat(issuer.getLocalName()).isEqualTo("Issuer");
        assertThat(afterIssuer.getNamespaceURI()).isEqualTo(SamlXml.DSIG_NS);
        assertThat(afterIssuer.getLocalName()).isEqualTo("Signature");
        assertThat(response.getElementsByTagNameNS(SamlXml.DSIG_NS, "Signature").getLength()).isEqualTo(1);
        assertThat(assertion.getAttribute("IssueInstant")).isEqualTo("2026-03-01T10:00:00.123Z");
    }

    @Test
    void writeWhenValueHasMarkupThenItIsTextNotStructure() {
        Document document = JdkSignatureVerifier.parse(write());

        assertThat(document.getElementsByTagNameNS(SamlXml.ASSERTION_NS, "AttributeValue").item(2).getTextContent())
                .isEqualTo("b & <c>");
    }

    @Test
    void contentWhenNotOnOrAfterNotAfterIssueInstantThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AssertionContent("_r", "_a", T0, T0, "i", "d", "a",
                "n", List.of()));
    }

    @Test
    void signerWhenKeyDoesNotMatchCertificateThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AssertionSigner(TestKeys.other().privateKey(),
                TestKeys.broker().certificate()));
    }

    private static Element firstElementChild(Element parent) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no child element");
    }

    private static Element nextElement(Element element) {
        for (var n = element.getNextSibling(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no next element");
    }
}

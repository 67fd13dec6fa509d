package dev.fedbroker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class MetadataTest {

    private static final String TENANT = "8b966979-910b-487c-a604-69229b1ac75c";
    private static final TestCredential CURRENT = TestCredential.shared("fixtures-test-metadata-current");
    private static final TestCredential NEXT = TestCredential.shared("fixtures-test-metadata-next");
    private static final TestIdentityProvider IDP = TestIdentityProvider.azureAd(TENANT, CURRENT);

    @Test
    void metadataWhenUnsignedThenHasAzureEntityIdEndpointsAndNoSignature() throws Exception {
        String xml = IDP.metadataXml();
        Document doc = JdkXml.parse(xml);
        Element root = doc.getDocumentElement();

        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><EntityDescriptor ");
        assertThat(root.getNamespaceURI()).isEqualTo(JdkXml.MD);
        assertThat(root.getAttribute("entityID")).isEqualTo("https://sts.windows.net/" + TENANT + "/");
        assertThat(root.getAttribute("ID")).startsWith("_");
        assertThat(JdkXml.elements(doc, JdkXml.DS, "Signature")).isEmpty();
        assertThat(JdkXml.elements(doc, JdkXml.MD, "RoleDescriptor"))
                .extracting(e -> e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                .containsExactly("fed:SecurityTokenServiceType", "fed:ApplicationServiceType");
        Element idpDescriptor = JdkXml.only(doc, JdkXml.MD, "IDPSSODescriptor");
        assertThat(idpDescriptor.getAttribute("protocolSupportEnumeration"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:protocol");
        assertThat(JdkXml.elements(doc, JdkXml.MD, "SingleSignOnService"))
                .extracting(e -> e.getAttribute("Binding") + " " + e.getAttribute("Location"))
                .containsExactly("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect " + IDP.ssoUrl(),
                        "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST " + IDP.ssoUrl());
        assertThat(JdkXml.elements(doc, JdkXml.MD, "SingleLogoutService")).hasSize(1);
        assertThat(IDP.ssoUrl()).isEqualTo("https://login.microsoftonline.com/" + TENANT + "/saml2");
    }

    @Test
    void metadataWhenAdditionalCredentialThenEveryDescriptorListsBothCertificatesAndSigningStaysWithFirst()
            throws Exception {
        TestIdentityProvider rollover = IDP.withAdditionalSigningCredential(NEXT);
        Document doc = JdkXml.parse(rollover.metadataXml());

        for (Element descriptor : List.of(JdkXml.only(doc, JdkXml.MD, "IDPSSODescriptor"),
                JdkXml.elements(doc, JdkXml.MD, "RoleDescriptor").get(0))) {
            assertThat(JdkXml.elements(doc, JdkXml.MD, "KeyDescriptor")).allMatch(k -> "signing".equals(
                    k.getAttribute("use")));
            List<String> certificates = JdkXml.elements(doc, JdkXml.DS, "X509Certificate").stream()
                    .filter(c -> descriptor.isSameNode(c.getParentNode().getParentNode().getParentNode()
                            .getParentNode()))
                    .map(Element::getTextContent).toList();
            assertThat(certificates).containsExactly(CURRENT.certificateBase64(), NEXT.certificateBase64());
        }
        assertThat(rollover.signingCredential()).isSameAs(CURRENT);
        Document response = JdkXml.parse(rollover.response().xml());
        assertThat(JdkXml.verify(JdkXml.only(response, JdkXml.DS, "Signature"), CURRENT.publicKey())).isTrue();
    }

    @Test
    void metadataWhenSigningCredentialReplacedThenNewOneIsFirstAndSigns() throws Exception {
        TestIdentityProvider rolled = IDP.withAdditionalSigningCredential(NEXT).withSigningCredential(NEXT);
        Document doc = JdkXml.parse(rolled.metadataXml());
        Element idpDescriptor = JdkXml.only(doc, JdkXml.MD, "IDPSSODescriptor");

        assertThat(rolled.signingCredentials()).containsExactly(NEXT, CURRENT);
        assertThat(idpDescriptor.getElementsByTagNameNS(JdkXml.DS, "X509Certificate").item(0).getTextContent())
                .isEqualTo(NEXT.certificateBase64());
        Document response = JdkXml.parse(rolled.response().xml());
        assertThat(JdkXml.verify(JdkXml.only(response, JdkXml.DS, "Signature"), NEXT.publicKey())).isTrue();
    }

    @Test
    void metadataWhenSignedThenEnvelopedSignatureIsFirstChildAndVerifiesWithJdk() throws Exception {
        Document doc = JdkXml.parse(IDP.withAdditionalSigningCredential(NEXT).metadataXml(CURRENT));
        Element root = doc.getDocumentElement();
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");

        assertThat(root.getFirstChild()).isSameAs(signature);
        assertThat(JdkXml.referenceUris(signature, CURRENT.publicKey()))
                .containsExactly("#" + root.getAttribute("ID"));
        assertThat(JdkXml.verify(signature, CURRENT.publicKey())).isTrue();
        assertThat(JdkXml.verify(signature, NEXT.publicKey())).isFalse();
    }

    @Test
    void metadataWhenSignedThenChangingEntityIdBreaksSignature() throws Exception {
        Document doc = JdkXml.parse(IDP.metadataXml(CURRENT));
        doc.getDocumentElement().setAttribute("entityID", "https://sts.windows.net/attacker/");

        assertThat(JdkXml.verify(JdkXml.only(doc, JdkXml.DS, "Signature"), CURRENT.publicKey())).isFalse();
    }
}

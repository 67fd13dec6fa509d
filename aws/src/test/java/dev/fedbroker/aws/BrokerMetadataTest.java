package dev.fedbroker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BrokerMetadataTest {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private static BrokerMetadata metadata(List<java.security.cert.X509Certificate> certificates) {
        return new BrokerMetadata("https://broker.example.com/saml", URI.create("https://broker.example.com/portal"),
                certificates);
    }

    @Test
    void xmlWhenParsedThenIdpDescriptorListsTheSigningCertificate() throws Exception {
        Document document = JdkSignatureVerifier.parse(metadata(List.of(TestKeys.broker().certificate())).xml());
        Element root = document.getDocumentElement();
        Element idp = (Element) document.getElementsByTagNameNS(MD, "IDPSSODescriptor").item(0);
        Element key = (Element) document.getElementsByTagNameNS(MD, "KeyDescriptor").item(0);
        String certificate = document.getElementsByTagNameNS(DS, "X509Certificate").item(0).getTextContent();

        assertThat(root.getLocalName()).isEqualTo("EntityDescriptor");
        assertThat(root.getAttribute("entityID")).isEqualTo("https://broker.example.com/saml");
        assertThat(idp.getAttribute("WantAuthnRequestsSigned")).isEqualTo("false");
        assertThat(idp.getAttribute("protocolSupportEnumeration")).isEqualTo("urn:oasis:names:tc:SAML:2.0:protocol");
        assertThat(key.getAttribute("use")).isEqualTo("signing");
        assertThat(Base64.getDecoder().decode(certificate)).isEqualTo(TestKeys.broker().certificate().getEncoded());
    }

    @Test
    void xmlWhenParsedThenSingleSignOnServiceAtThePortal() {
        Document document = JdkSignatureVerifier.parse(metadata(List.of(TestKeys.broker().certificate())).xml());
        NodeList services = document.getElementsByTagNameNS(MD, "SingleSignOnService");

        assertThat(services.getLength()).isEqualTo(2);
        assertThat(((Element) services.item(0)).getAttribute("Location")).isEqualTo("https://broker.example.com/portal");
        assertThat(((Element) services.item(0)).getAttribute("Binding"))
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
    }

    @Test
    void xmlWhenTwoCertificatesThenTwoSigningKeyDescriptors() {
        Document document = JdkSignatureVerifier.parse(metadata(List.of(TestKeys.broker().certificate(),
                TestKeys.other().certificate())).xml());

        assertThat(document.getElementsByTagNameNS(MD, "KeyDescriptor").getLength()).isEqualTo(2);
    }

    @Test
    void certificatesFromPemWhenPemGivenThenSameCertificate() throws Exception {
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(TestKeys.broker().certificate()
                .getEncoded()) + "\n-----END CERTIFICATE-----\n";

        assertThat(BrokerMetadata.certificatesFromPem(pem)).containsExactly(TestKeys.broker().certificate());
        assertThatIllegalArgumentException().isThrownBy(() -> BrokerMetadata.certificatesFromPem("no pem here"));
    }

    @Test
    void constructorWhenNoCertificateThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> metadata(List.of()));
    }
}

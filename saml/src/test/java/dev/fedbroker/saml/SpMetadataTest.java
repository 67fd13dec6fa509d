package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.testing.TestCredential;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The SP's metadata: what Azure AD (or any IdP) is given, read back, and its signature checked by the JDK. */
class SpMetadataTest {

    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private final SpSide f = new SpSide();

    private static TestCredential nextSigning() {
        return TestCredential.shared("fedbroker-sp-signing-next");
    }

    private static TestCredential encryption() {
        return TestCredential.shared("fedbroker-sp-encryption");
    }

    private static TestCredential nextEncryption() {
        return TestCredential.shared("fedbroker-sp-encryption-next");
    }

    private ServiceProvider fullSp() {
        return f.builder()
                .additionalSigningCertificate(nextSigning().certificate())
                .decryption(encryption().privateKey(), encryption().certificate())
                .decryption(nextEncryption().privateKey(), nextEncryption().certificate())
                .metadataNameIdFormats(NameIdFormat.EMAIL_ADDRESS, NameIdFormat.PERSISTENT)
                .requireSignedAssertion(true)
                .build();
    }

    @Test
    void metadataXmlWhenParsedBackThenEveryPublishedFieldRoundTrips() {
        ServiceProvider sp = fullSp();

        ServiceProviderMetadata m = ServiceProviderMetadata.parse(sp.metadataXml());

        assertThat(m.entityId()).isEqualTo(SpSide.SP_ENTITY_ID);
        assertThat(m.assertionConsumerService()).isEqualTo(SpSide.ACS);
        assertThat(m.singleLogoutService()).contains(SpSide.SLO);
        assertThat(m.signingCertificates()).containsExactly(SpSide.spSigning().certificate(),
                nextSigning().certificate());
        assertThat(m.encryptionCertificates()).containsExactly(encryption().certificate(),
                nextEncryption().certificate());
        assertThat(m.nameIdFormats()).containsExactly(NameIdFormat.EMAIL_ADDRESS.uri(), NameIdFormat.PERSISTENT.uri());
        assertThat(m.authnRequestsSigned()).isTrue();
        assertThat(m.wantAssertionsSigned()).isTrue();
        assertThat(m).isEqualTo(sp.metadata());
    }

    @Test
    void metadataXmlWhenMinimalSpThenNoSloNoKeysAndFlagsFalse() {
        ServiceProvider sp = ServiceProvider.builder().entityId("spn:6d3c0f8e-1111-2222-3333-444455556666")
                .assertionConsumerService(SpSide.ACS)
                .identityProvider(IdentityProvider.fromMetadata(f.idp.metadataXml())).clock(f.clock).build();

        ServiceProviderMetadata m = ServiceProviderMetadata.parse(sp.metadataXml());

        assertThat(m.entityId()).isEqualTo("spn:6d3c0f8e-1111-2222-3333-444455556666");
        assertThat(m.singleLogoutService()).isEmpty();
        assertThat(m.signingCertificates()).isEmpty();
        assertThat(m.encryptionCertificates()).isEmpty();
        assertThat(m.authnRequestsSigned()).isFalse();
        assertThat(m.wantAssertionsSigned()).isFalse();
    }

    @Test
    void metadataXmlWhenWrittenThenSchemaOrderAndBindings() throws Exception {
        Element sp = (Element) parse(fullSp().metadataXml()).getDocumentElement().getFirstChild();

        assertThat(sp.getLocalName()).isEqualTo("SPSSODescriptor");
        assertThat(childNames(sp)).containsExactly("KeyDescriptor", "KeyDescriptor", "KeyDescriptor", "KeyDescriptor",
                "SingleLogoutService", "NameIDFormat", "NameIDFormat", "AssertionConsumerService");
        assertThat(sp.getAttribute("protocolSupportEnumeration")).isEqualTo("urn:oasis:names:tc:SAML:2.0:protocol");
        Element acs = (Element) sp.getLastChild();
        assertThat(acs.getAttribute("Binding")).isEqualTo(IdentityProvider.HTTP_POST);
        Element slo = (Element) sp.getElementsByTagNameNS("*", "SingleLogoutService").item(0);
        assertThat(slo.getAttribute("Binding")).isEqualTo(IdentityProvider.HTTP_REDIRECT);
    }

    @Test
    void signedMetadataXmlWhenVerifiedWithJdkXmlDsigThenValid() throws Exception {
        Document doc = parse(fullSp().signedMetadataXml());
        Element root = doc.getDocumentElement();
        root.setIdAttributeNS(null, "ID", true);
        Element signature = (Element) root.getElementsByTagNameNS(DS, "Signature").item(0);

        DOMValidateContext context = new DOMValidateContext(SpSide.spSigning().publicKey(), signature);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        XMLSignature xmlSignature = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);

        assertThat(xmlSignature.validate(context)).isTrue();
        assertThat(signature.getParentNode()).isSameAs(root);
        assertThat(root.getFirstChild()).isSameAs(signature);
        assertThat(((Reference) xmlSignature.getSignedInfo().getReferences().get(0)).getURI())
                .isEqualTo("#" + root.getAttribute("ID"));
        assertThat(xmlSignature.getSignedInfo().getSignatureMethod().getAlgorithm())
                .isEqualTo("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256");
        assertThat(xmlSignature.getSignedInfo().getCanonicalizationMethod().getAlgorithm())
                .isEqualTo("http://www.w3.org/2001/10/xml-exc-c14n#");
    }

    @Test
    void parseWhenSignedAndPinnedThenReadsBack() {
        ServiceProvider sp = fullSp();

        assertThat(ServiceProviderMetadata.parse(sp.signedMetadataXml(), SpSide.spSigning().certificate()))
                .isEqualTo(sp.metadata());
    }

    @Test
    void parseWhenPinnedToAnotherCertificateThenMetadataSignatureInvalid() {
        String signed = fullSp().signedMetadataXml();

        assertThat(SpSide.reasonOf(() -> ServiceProviderMetadata.parse(signed, SpSide.attacker().certificate())))
                .isEqualTo(Reason.METADATA_SIGNATURE_INVALID);
    }

    @Test
    void parseWhenTamperedAfterSigningThenMetadataSignatureInvalid() {
        String tampered = fullSp().signedMetadataXml().replace(SpSide.ACS, "https://evil.example/acs");

        assertThat(SpSide.reasonOf(() -> ServiceProviderMetadata.parse(tampered, SpSide.spSigning().certificate())))
                .isEqualTo(Reason.METADATA_SIGNATURE_INVALID);
    }

    @Test
    void parseWhenUnsignedButPinnedThenMetadataSignatureInvalid() {
        String unsigned = fullSp().metadataXml();

        SamlValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(SamlValidationException.class,
                () -> ServiceProviderMetadata.parse(unsigned, SpSide.spSigning().certificate()));

        assertThat(e.reason()).isEqualTo(Reason.METADATA_SIGNATURE_INVALID);
        assertThat(e.problems()).extracting(SamlValidationException.Problem::reason)
                .contains(Reason.SIGNATURE_MISSING);
    }

    @Test
    void parseWhenGarbageThenMetadataMalformed() {
        for (String garbage : List.of("not xml", "<html><body>502 Bad Gateway</body></html>",
                f.idp.metadataXml(), "<!DOCTYPE x><x/>")) {
            assertThat(SpSide.reasonOf(() -> ServiceProviderMetadata.parse(garbage)))
                    .isEqualTo(Reason.METADATA_MALFORMED);
        }
    }

    @Test
    void idpMetadataParserWhenGivenSpMetadataThenRefuses() {
        String spMetadata = fullSp().metadataXml();

        assertThat(SpSide.reasonOf(() -> IdentityProvider.fromMetadata(spMetadata))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void signedMetadataXmlWhenNoSigningKeyThenIllegalState() {
        ServiceProvider sp = ServiceProvider.builder().entityId(SpSide.SP_ENTITY_ID).assertionConsumerService(SpSide.ACS)
                .identityProvider(IdentityProvider.fromMetadata(f.idp.metadataXml())).clock(f.clock).build();

        org.assertj.core.api.Assertions.assertThatThrownBy(sp::signedMetadataXml)
                .isInstanceOf(IllegalStateException.class);
        assertThat(ServiceProviderMetadata.parse(sp.metadataXml()).authnRequestsSigned()).isFalse();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> childNames(Element e) {
        List<String> out = new java.util.ArrayList<>();
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c.getLocalName());
            }
        }
        return out;
    }
}

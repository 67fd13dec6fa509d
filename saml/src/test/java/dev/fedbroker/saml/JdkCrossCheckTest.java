package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ARCHITECTURE "Independent checks": whatever fedbroker accepts must also verify with a second implementation, the
 * JDK's javax.xml.crypto.dsig (JSR 105), using only the trusted key, so that a canonicalization or namespace bug
 * shared by Santuario-based signing and our verifier cannot pass on both sides.
 */
class JdkCrossCheckTest {

    private final Fixture f = new Fixture();

    @ParameterizedTest
    @ValueSource(strings = {"assertion", "response", "both"})
    void validateWhenAcceptedThenJdkXmlDsigAlsoVerifiesEverySignature(String signing) throws Exception {
        var r = f.response();
        switch (signing) {
            case "assertion" -> r.signAssertion();
            case "response" -> r.signResponse();
            default -> r.signBoth();
        }
        String xml = r.xml();
        f.sp().validateXml(xml.getBytes(StandardCharsets.UTF_8), Optional.of(Fixture.REQUEST_ID));

        assertThat(jdkVerifiesAll(xml.getBytes(StandardCharsets.UTF_8), f.idp.signingCredential().publicKey()))
                .isEqualTo(signing.equals("both") ? 2 : 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mscherer-badgr-server-2021", "derricksmith-phpsaml-2023", "strivedi16-job-portal-2023"})
    void validateWhenGenuineAzureResponseAcceptedThenJdkXmlDsigAgrees(String folder) throws Exception {
        var c = AzureConformanceTest.load(folder, AzureConformanceTest.now(folder));
        byte[] xml = Resources.bytes("conformance/" + folder + "/response.xml");
        c.sp().validateXml(xml, Optional.of(c.context().get("inResponseTo").asText()));
        PublicKey key = c.sp().identityProvider().signingCertificates().get(0).getPublicKey();

        assertThat(jdkVerifiesAll(xml, key)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"assertion", "response"})
    void validateWhenFedbrokerRejectsTamperingThenJdkXmlDsigRejectsToo(String signing) throws Exception {
        var r = f.response();
        if (signing.equals("response")) {
            r.signResponse();
        }
        String xml = r.xml().replace("alice@contoso.example</NameID>", "admin@contoso.example</NameID>");
        assertThat(f.rejectXml(f.sp(), xml)).isEqualTo(SamlValidationException.Reason.SIGNATURE_INVALID);
        assertThat(jdkVerifiesAll(xml.getBytes(StandardCharsets.UTF_8), f.idp.signingCredential().publicKey()))
                .isZero();
    }

    /** Number of ds:Signature elements in the document that the JDK validates (core validity) with {@code key}. */
    static int jdkVerifiesAll(byte[] xml, PublicKey key) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        List<Element> signed = new ArrayList<>();
        signed.add(doc.getDocumentElement());
        signed.addAll(Xml.all(doc, Xml.SAML, "Assertion"));
        for (Element e : signed) {
            e.setIdAttributeNS(null, "ID", true);
        }
        int valid = 0;
        XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
        for (Element sigElement : Xml.all(doc, Xml.DS, "Signature")) {
            DOMValidateContext ctx = new DOMValidateContext(key, sigElement);
            ctx.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature sig = factory.unmarshalXMLSignature(ctx);
            String uri = sig.getSignedInfo().getReferences().get(0).getURI();
            String parentId = ((Element) sigElement.getParentNode()).getAttribute("ID");
            if (sig.validate(ctx) && uri.equals("#" + parentId)) {
                valid++;
            }
        }
        return valid;
    }

}

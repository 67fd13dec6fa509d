package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.regex.Matcher;
import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.transforms.params.InclusiveNamespaces;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The syntax of ds:Signature as an attacker may write it: algorithm URIs with whitespace or case changes, parameters
 * such as HMACOutputLength, InclusiveNamespaces PrefixLists, KeyInfo that points elsewhere, and base64 that decodes
 * the same from many texts. Key and canonicalization choices never come from the message.
 */
class SignatureSyntaxTest {

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private static final String EXC = "http://www.w3.org/2001/10/xml-exc-c14n#";

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    @ParameterizedTest
    @ValueSource(strings = {" " + RSA_SHA256, RSA_SHA256 + " ", "HTTP://WWW.W3.ORG/2001/04/xmldsig-more#rsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#RSA-SHA256", "http://www.w3.org/2001/04/xmldsig-more#hmac-sha256"})
    void validateWhenSignatureMethodUriVariesInWhitespaceOrCaseThenRejectsWithWeakAlgorithm(String uri) {
        String xml = f.response().xml().replace("Algorithm=\"" + RSA_SHA256 + "\"", "Algorithm=\"" + uri + "\"");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WEAK_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {" " + SHA256, SHA256 + "\t", "http://www.w3.org/2001/04/XMLENC#sha256"})
    void validateWhenDigestMethodUriVariesThenRejectsWithWeakAlgorithm(String uri) {
        String xml = f.response().xml().replace("Algorithm=\"" + SHA256 + "\"", "Algorithm=\"" + uri + "\"");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WEAK_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {EXC + " ", "http://www.w3.org/2001/10/XML-EXC-C14N#", "http://www.w3.org/2001/10/xml-exc-c14n"})
    void validateWhenCanonicalizationUriVariesThenRejectsWithUnsupportedTransform(String uri) {
        String xml = f.response().xml().replace("Algorithm=\"" + EXC + "\"", "Algorithm=\"" + uri + "\"");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.UNSUPPORTED_TRANSFORM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<HMACOutputLength>0</HMACOutputLength>", "<HMACOutputLength>160</HMACOutputLength>",
            "<x:Param xmlns:x=\"urn:x\"/>"})
    void validateWhenSignatureMethodCarriesParametersThenRejectsWithWeakAlgorithm(String parameter) {
        String xml = f.response().xml().replace("Algorithm=\"" + RSA_SHA256 + "\"/>",
                "Algorithm=\"" + RSA_SHA256 + "\">" + parameter + "</SignatureMethod>");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WEAK_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xmlns", "xml", "#default xml xmlns", "a:b 1a", "  ", ""})
    void validateWhenAttackerWritesAnyPrefixListThenRejectsBeforeTrustingAnything(String prefixList) {
        String inclusive = "<InclusiveNamespaces xmlns=\"" + EXC + "\" PrefixList=\"" + prefixList + "\"/>";
        String xml = f.response().xml().replaceFirst("(<CanonicalizationMethod Algorithm=\"" + Matcher.quoteReplacement(EXC)
                + "\")/>", "$1>" + Matcher.quoteReplacement(inclusive) + "</CanonicalizationMethod>");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    /** The assertion signed with an InclusiveNamespaces PrefixList "xs", its AttributeValue typed xs:string. */
    private Document signedWithPrefixList() {
        Init.init();
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element response = doc.getDocumentElement();
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xs", "http://www.w3.org/2001/XMLSchema");
        Element assertion = Xml.assertion(doc);
        assertion.setIdAttributeNS(null, "ID", true);
        try {
            XMLSignature sig = new XMLSignature(doc, "", RSA_SHA256, EXC);
            assertion.insertBefore(sig.getElement(), assertion.getFirstChild().getNextSibling());
            Transforms t = new Transforms(doc);
            t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS, new InclusiveNamespaces(doc, "xs").getElement());
            sig.addDocument("#" + assertion.getAttribute("ID"), t, SHA256);
            sig.sign(f.idp.signingCredential().privateKey());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return doc;
    }

    @Test
    void validateWhenPrefixListCoversANamespaceDeclaredOnlyOnTheUnsignedResponseThenRebindingItBreaksTheSignature() {
        Document doc = signedWithPrefixList();
        assertThat(f.sp().validate(Fixture.b64(Xml.serialize(doc)), Fixture.REQUEST_ID).nameId())
                .isEqualTo("alice@contoso.example");
        doc.getDocumentElement().setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xs", "urn:evil");
        assertThat(f.rejectXml(f.sp(), Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void validateWhenKeyInfoPointsElsewhereThenAcceptsWithoutFetchingAnything() throws IOException {
        try (ServerSocket trap = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/key";
            String xml = f.response().xml().replaceFirst("<KeyInfo>", Matcher.quoteReplacement("<KeyInfo>"
                    + "<RetrievalMethod URI=\"" + url + "\" Type=\"http://www.w3.org/2000/09/xmldsig#X509Data\"/>"
                    + "<KeyName>" + url + "</KeyName>"));
            Identity who = sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID);
            assertThat(who.nameId()).isEqualTo("alice@contoso.example");
            trap.setSoTimeout(200);
            boolean connected;
            try (var ignored = trap.accept()) {
                connected = true;
            } catch (SocketTimeoutException e) {
                connected = false;
            }
            assertThat(connected).as("the validator fetched a key from KeyInfo").isFalse();
        }
    }

    @Test
    void validateWhenAttackerSignsAndListsTheIdpCertificateFirstInKeyInfoThenRejectsWithoutTrustingIt() {
        String attackerSigned = f.response().signWith(Fixture.attacker()).nameId("admin@contoso.example").xml();
        String chain = attackerSigned.replaceFirst("<X509Certificate>", "<X509Certificate>"
                + f.idp.signingCredential().certificateBase64() + "</X509Certificate><X509Certificate>");
        assertThat(f.rejectXml(sp, chain)).isIn(Reason.SIGNATURE_INVALID, Reason.UNTRUSTED_KEY);
    }

    @Test
    void validateWhenSignatureValueIsReflowedWithWhitespaceThenAcceptsTheSameBytes() {
        String xml = f.response().xml();
        int start = xml.indexOf("<SignatureValue>") + "<SignatureValue>".length();
        String value = xml.substring(start, xml.indexOf("</SignatureValue>"));
        String reflowed = value.replaceAll("(.{64})", "$1&#13;\n ");
        Identity who = sp.validate(Fixture.b64(xml.replace(value, "\n\t" + reflowed + "\n")), Fixture.REQUEST_ID);
        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", "*", "-_", "%3D", "\u00e9"})
    void validateWhenSignatureValueCarriesCharactersOutsideBase64ThenRejectsWithSignatureInvalid(String junk) {
        String xml = f.response().xml().replace("<SignatureValue>", "<SignatureValue>" + junk);
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void validateWhenReferenceHasAThirdTransformThenRejectsWithUnsupportedTransform() {
        String exc = "<Transform Algorithm=\"" + EXC + "\"/>";
        String xml = f.response().xml().replace(exc, exc + exc);
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.UNSUPPORTED_TRANSFORM);
    }

    /** The response with the assertion's DigestValue text replaced, SignedInfo then re-signed with the IdP's key. */
    private String withDigestTextSignedByIdp(java.util.function.UnaryOperator<String> digestText) throws Exception {
        Init.init();
        Document doc = Xml.parse(f.response().xml());
        Element digest = Xml.first(doc, Xml.DS, "DigestValue");
        digest.setTextContent(digestText.apply(digest.getTextContent()));
        Element signedInfo = Xml.first(doc, Xml.DS, "SignedInfo");
        java.io.ByteArrayOutputStream c14n = new java.io.ByteArrayOutputStream();
        org.apache.xml.security.c14n.Canonicalizer.getInstance(EXC).canonicalizeSubtree(signedInfo, c14n);
        java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
        rsa.initSign(f.idp.signingCredential().privateKey());
        rsa.update(c14n.toByteArray());
        Xml.first(doc, Xml.DS, "SignatureValue").setTextContent(java.util.Base64.getEncoder().encodeToString(rsa.sign()));
        return Xml.serialize(doc);
    }

    @Test
    void validateWhenIdpLineWrapsTheDigestValueThenAccepts() throws Exception {
        String xml = withDigestTextSignedByIdp(d -> "\n  " + d.substring(0, 20) + "\r\n  " + d.substring(20) + "\n");
        assertThat(sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID).nameId()).isEqualTo("alice@contoso.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!", "-", "."})
    void validateWhenSignedDigestValueCarriesCharactersOutsideBase64ThenRejectsWithSignatureInvalid(String junk)
            throws Exception {
        String xml = withDigestTextSignedByIdp(d -> d.substring(0, 10) + junk + d.substring(10));
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!---->", "<!-- x -->", "<?pi?>"})
    void validateWhenSignatureValueTextIsSplitByMarkupThenRejectsLikeTheJdkVerifierWould(String markup) {
        String xml = f.response().xml();
        int at = xml.indexOf("<SignatureValue>") + "<SignatureValue>".length() + 20;
        assertThat(f.rejectXml(sp, xml.substring(0, at) + markup + xml.substring(at))).isEqualTo(Reason.SIGNATURE_INVALID);
        String cdata = xml.substring(0, at) + "<![CDATA[" + xml.substring(at, at + 8) + "]]>" + xml.substring(at + 8);
        assertThat(f.rejectXml(sp, cdata)).isEqualTo(Reason.SIGNATURE_INVALID);
    }

    @Test
    void validateWhenIdpSignedDigestValueIsSplitByACommentThenRejectsWithSignatureInvalid() throws Exception {
        // the comment is invisible to SignedInfo's canonical form, so the SignatureValue still verifies
        String xml = withDigestTextSignedByIdp(d -> d).replaceFirst("<DigestValue>(.{10})", "<DigestValue>$1<!---->");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.SIGNATURE_INVALID);
    }
}

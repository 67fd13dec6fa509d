package dev.fedbroker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.PublicKey;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Each XSW variant keeps the IdP's valid signature over the original and adds an unsigned evil element. */
class SignatureWrappingTest {

    private static final TestIdentityProvider IDP = TestIdentityProvider.azureAd("a15b04fc-6ff1-42a7-bb24-2e762259f5da");
    private static final PublicKey KEY = IDP.signingCredential().publicKey();
    private static final String VICTIM = "alice@contoso.example";
    private static final String ATTACKER = "mallory@contoso.example";

    @Test
    void xsw3WhenAppliedThenEvilAssertionPrecedesIntactSignedOne() throws Exception {
        ResponseBuilder b = IDP.response();
        Document doc = JdkXml.parse(Hostile.xsw3(b.xml(), ATTACKER));

        List<Element> assertions = JdkXml.elementsUnder(doc.getDocumentElement(), JdkXml.SAML, "Assertion");
        assertThat(assertions).hasSize(2);
        assertEvilAndUnsigned(assertions.get(0), b.assertionId());
        assertThat(assertions.get(1).getAttribute("ID")).isEqualTo(b.assertionId());
        assertOriginalSignatureStillVerifies(doc, b.assertionId(), VICTIM);
    }

    @Test
    void xsw4WhenAppliedThenSignedAssertionIsInsideEvilOne() throws Exception {
        ResponseBuilder b = IDP.response();
        Document doc = JdkXml.parse(Hostile.xsw4(b.xml(), ATTACKER));

        Element evil = JdkXml.elementsUnder(doc.getDocumentElement(), JdkXml.SAML, "Assertion").get(0);
        Element original = (Element) evil.getLastChild();
        assertEvilAndUnsigned(evil, b.assertionId());
        assertThat(original.getLocalName()).isEqualTo("Assertion");
        assertThat(original.getAttribute("ID")).isEqualTo(b.assertionId());
        assertOriginalSignatureStillVerifies(doc, b.assertionId(), VICTIM);
    }

    @Test
    void xsw5WhenAppliedThenEvilKeepsSignatureAndOriginalCopyIsLastChildOfResponse() throws Exception {
        ResponseBuilder b = IDP.response();
        Document doc = JdkXml.parse(Hostile.xsw5(b.xml(), ATTACKER));

        Element evil = JdkXml.elementsUnder(doc.getDocumentElement(), JdkXml.SAML, "Assertion").get(0);
        Element last = (Element) doc.getDocumentElement().getLastChild();
        assertThat(nameId(evil)).isEqualTo(ATTACKER);
        assertThat(evil.getAttribute("ID")).isNotEqualTo(b.assertionId());
        assertThat(evil.getElementsByTagNameNS(JdkXml.DS, "Signature").getLength()).isEqualTo(1);
        assertThat(last.getAttribute("ID")).isEqualTo(b.assertionId());
        assertOriginalSignatureStillVerifies(doc, b.assertionId(), VICTIM);
    }

    @Test
    void xsw6WhenAppliedThenOriginalCopyIsInsideEvilAssertionsSignature() throws Exception {
        ResponseBuilder b = IDP.response();
        Document doc = JdkXml.parse(Hostile.xsw6(b.xml(), ATTACKER));

        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");
        Element copy = (Element) signature.getLastChild();
        assertThat(copy.getLocalName()).isEqualTo("Assertion");
        assertThat(copy.getAttribute("ID")).isEqualTo(b.assertionId());
        assertThat(nameId((Element) signature.getParentNode())).isEqualTo(ATTACKER);
        assertOriginalSignatureStillVerifies(doc, b.assertionId(), VICTIM);
    }

    @Test
    void xsw7WhenAppliedThenExtensionsHoldEvilCopyWithSameId() throws Exception {
        ResponseBuilder b = IDP.response();
        Document doc = JdkXml.parse(Hostile.xsw7(b.xml(), ATTACKER));

        Element extensions = JdkXml.only(doc, JdkXml.SAMLP, "Extensions");
        Element evil = (Element) extensions.getFirstChild();
        assertThat(extensions.getPreviousSibling().getLocalName()).isEqualTo("Issuer");
        assertThat(evil.getAttribute("ID")).isEqualTo(b.assertionId());
        assertThat(nameId(evil)).isEqualTo(ATTACKER);
        assertThat(evil.getElementsByTagNameNS(JdkXml.DS, "Signature").getLength()).isZero();
        assertOriginalSignatureStillVerifies(doc, b.assertionId(), VICTIM);
    }

    @Test
    void xsw8WhenAppliedThenOriginalCopyIsInObjectInsideSignature() throws Exception {
        ResponseBuilder b = IDP.response();
        Document doc = JdkXml.parse(Hostile.xsw8(b.xml(), ATTACKER));

        Element object = JdkXml.only(doc, JdkXml.DS, "Object");
        assertThat(object.getParentNode().getLocalName()).isEqualTo("Signature");
        assertThat(((Element) object.getFirstChild()).getAttribute("ID")).isEqualTo(b.assertionId());
        assertThat(nameId((Element) object.getParentNode().getParentNode())).isEqualTo(ATTACKER);
        assertOriginalSignatureStillVerifies(doc, b.assertionId(), VICTIM);
    }

    @Test
    void xsw1WhenResponseSignedThenOriginalResponseCopyIsInsideRootSignature() throws Exception {
        ResponseBuilder b = IDP.response().signResponse();
        Document doc = JdkXml.parse(Hostile.xsw1(b.xml(), ATTACKER));

        Element root = doc.getDocumentElement();
        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");
        assertThat(signature.getParentNode()).isSameAs(root);
        assertThat(root.getAttribute("ID")).isNotEqualTo(b.responseId());
        assertThat(((Element) signature.getLastChild()).getAttribute("ID")).isEqualTo(b.responseId());
        assertThat(nameId(root)).isEqualTo(ATTACKER);
        assertOriginalSignatureStillVerifies(doc, b.responseId(), VICTIM);
    }

    @Test
    void xsw2WhenResponseSignedThenOriginalResponseCopyPrecedesSignature() throws Exception {
        ResponseBuilder b = IDP.response().signResponse();
        Document doc = JdkXml.parse(Hostile.xsw2(b.xml(), ATTACKER));

        Element signature = JdkXml.only(doc, JdkXml.DS, "Signature");
        Element copy = (Element) signature.getPreviousSibling();
        assertThat(copy.getLocalName()).isEqualTo("Response");
        assertThat(copy.getAttribute("ID")).isEqualTo(b.responseId());
        assertOriginalSignatureStillVerifies(doc, b.responseId(), VICTIM);
    }

    @Test
    void xsw1WhenOnlyAssertionSignedThenRefusesWithExplanation() {
        String assertionSigned = IDP.response().xml();

        assertThatIllegalArgumentException().isThrownBy(() -> Hostile.xsw1(assertionSigned))
                .withMessageContaining("signResponse()");
    }

    @Test
    void xswWhenInputUnsignedThenRefuses() {
        String unsigned = IDP.response().unsigned().xml();

        for (UnaryOperator<String> attack : List.<UnaryOperator<String>>of(Hostile::xsw3, Hostile::xsw4,
                Hostile::xsw5, Hostile::xsw6, Hostile::xsw7, Hostile::xsw8)) {
            assertThatIllegalArgumentException().isThrownBy(() -> attack.apply(unsigned));
        }
    }

    @Test
    void wrappedResponseWhenAppliedThenSignedOriginalSitsInExtensionsOfUnsignedEvilRoot() throws Exception {
        ResponseBuilder b = IDP.response().signResponse();
        Document doc = JdkXml.parse(Hostile.wrappedResponse(b.xml()));

        Element root = doc.getDocumentElement();
        Element original = (Element) JdkXml.only(doc, JdkXml.SAMLP, "Extensions").getFirstChild();
        assertThat(root.getAttribute("ID")).isNotEqualTo(b.responseId());
        assertThat(nameId(root)).isEqualTo(Hostile.ATTACKER_NAME_ID);
        assertThat(original.getAttribute("ID")).isEqualTo(b.responseId());
        assertOriginalSignatureStillVerifies(doc, b.responseId(), VICTIM);
    }

    private static void assertEvilAndUnsigned(Element evil, String originalId) {
        assertThat(evil.getAttribute("ID")).isNotEqualTo(originalId);
        assertThat(nameId(evil)).isEqualTo(ATTACKER);
        assertThat(JdkXml.elementsUnder(evil, JdkXml.SAML, "Attribute").stream()
                .filter(a -> a.getAttribute("Name").equals(AzureClaims.NAME)).findFirst().orElseThrow()
                .getTextContent()).isEqualTo(ATTACKER);
        assertThat(evil.getFirstChild().getNextSibling().getLocalName()).isNotEqualTo("Signature");
    }

    /**
     * The signature referencing {@code id} verifies over the element with that ID, which names the victim. The JDK
     * refuses to even unmarshal a Signature holding anything but KeyInfo/Object after SignatureValue (XSW1, XSW6),
     * so such a copy is first moved out of the Signature; exclusive C14N makes its digest independent of where it is.
     */
    private static void assertOriginalSignatureStillVerifies(Document doc, String id, String victim) throws Exception {
        Element target = JdkXml.elements(doc, "*", "*").stream()
                .filter(e -> id.equals(e.getAttribute("ID")) && !nameId(e).equals(ATTACKER)
                        && !nameId(e).equals(Hostile.ATTACKER_NAME_ID))
                .findFirst().orElseThrow();
        if ("Signature".equals(target.getParentNode().getLocalName())) {
            doc.getDocumentElement().appendChild(target);
        }
        Element signature = JdkXml.elements(doc, JdkXml.DS, "Signature").stream()
                .filter(s -> referencesId(s, id)).findFirst().orElseThrow();
        assertThat(nameId(target)).isEqualTo(victim);
        assertThat(JdkXml.verifyOver(signature, target, KEY)).isTrue();
    }

    private static boolean referencesId(Element signature, String id) {
        try {
            return JdkXml.referenceUris(signature, KEY).contains("#" + id);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The NameID of this Assertion, or of this Response's first direct Assertion; "" if none. */
    private static String nameId(Element scope) {
        Element assertion = "Response".equals(scope.getLocalName()) ? child(scope, "Assertion") : scope;
        Element subject = assertion == null ? null : child(assertion, "Subject");
        Element nameId = subject == null ? null : child(subject, "NameID");
        return nameId == null ? "" : nameId.getTextContent();
    }

    private static Element child(Element parent, String localName) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && JdkXml.SAML.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}

package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.TestSigner.TransformSet;
import dev.fedbroker.testing.AzureClaims;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * How values are read (child elements, xsi:nil, xsi:type), which element and attribute names count (look-alike and
 * redefined namespaces, foreign attributes), and which ID a signature may name (ID vs Id, id, xml:id, namespaced
 * ID, case and whitespace variants). The IdP's key signs every hostile assertion here, so only the reading is tested.
 */
class TextAndNamespaceTest {

    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    private String signedWithChildIn(String element) {
        return f.edited(f.response(), d -> {
            Element e = Xml.first(d, Xml.SAML, element);
            e.appendChild(d.createElementNS(Xml.SAML, "b")).setTextContent(".evil.example");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"NameID", "Issuer", "Audience"})
    void validateWhenSignedStringElementHoldsAChildElementThenRejectsWithMalformed(String element) {
        assertThat(f.rejectXml(sp, signedWithChildIn(element))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void validateWhenSignedAttributeValueNestsAnElementThenTheClaimIsItsWholeTextAsSigned() {
        String xml = f.edited(f.response().groups(List.of("g")), d -> {
            Element value = Xml.all(d, Xml.SAML, "AttributeValue").stream()
                    .filter(v -> v.getTextContent().equals("g")).findFirst().orElseThrow();
            value.appendChild(d.createElementNS(Xml.SAML, "x")).setTextContent("-1");
        });
        assertThat(sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID).groups()).containsExactly("g-1");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true|", "1|", " true |", "false|g-nil", "0|g-nil"})
    void validateWhenGroupValueCarriesXsiNilThenOnlyTheXsBooleanTrueFormsDropIt(String nil, String expected) {
        String xml = f.edited(f.response().groups(List.of("g-1", "g-nil")), d -> {
            Element value = Xml.all(d, Xml.SAML, "AttributeValue").stream()
                    .filter(v -> v.getTextContent().equals("g-nil")).findFirst().orElseThrow();
            value.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
            value.setAttributeNS(XSI, "xsi:nil", nil);
        });
        List<String> groups = sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID).groups();
        assertThat(groups).isEqualTo(expected == null ? List.of("g-1") : List.of("g-1", expected));
    }

    @Test
    void validateWhenGroupValueDeclaresXsiTypeBase64ThenTheTextIsReadLiterallyNotDecoded() {
        String xml = f.edited(f.response().groups(List.of("YWRtaW5z")), d -> {
            Element value = Xml.all(d, Xml.SAML, "AttributeValue").stream()
                    .filter(v -> v.getTextContent().equals("YWRtaW5z")).findFirst().orElseThrow();
            value.setAttributeNS(XMLNS, "xmlns:xsi", XSI);
            value.setAttributeNS(XMLNS, "xmlns:xs", "http://www.w3.org/2001/XMLSchema");
            value.setAttributeNS(XSI, "xsi:type", "xs:base64Binary");
        });
        assertThat(sp.validate(Fixture.b64(xml), Fixture.REQUEST_ID).groups()).containsExactly("YWRtaW5z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:oasis:names:tc:SAML:2.0:protocol ", "urn:oasis:names:tc:saml:2.0:protocol",
            "urn:oasis:names:tc:SAML:1.0:protocol", "urn:oasis:names:tc:SAML:2.0:assertion", ""})
    void validateWhenResponseRootIsInALookalikeNamespaceThenRejectsWithMalformed(String namespace) {
        String xml = f.response().xml().replaceFirst("xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"",
                "xmlns:samlp=\"" + namespace + "\"");
        assertThat(f.rejectXml(sp, xml)).isIn(Reason.MALFORMED);
    }

    @Test
    void validateWhenEvilAssertionResetsToNoNamespaceThenRejectsWithMultipleAssertions() {
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element assertion = Xml.assertion(doc);
        Element reset = doc.createElementNS(null, "Assertion");
        reset.setAttributeNS(XMLNS, "xmlns", "");
        while (assertion.getFirstChild() != null) {
            reset.appendChild(assertion.getFirstChild());
        }
        reset.setAttribute("ID", "_reset");
        assertion.getParentNode().replaceChild(reset, assertion);
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenStatusPrefixIsRedeclaredToAnotherNamespaceThenRejectsWithStatusNotSuccess() {
        String xml = f.response().xml().replace("<samlp:Status>", "<samlp:Status xmlns:samlp=\"urn:evil\">");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.STATUS_NOT_SUCCESS);
    }

    @Test
    void validateWhenDestinationOnlyInAForeignNamespaceThenRejectsWithWrongDestination() {
        String xml = f.response().xml().replaceFirst(" Destination=\"", " xmlns:x=\"urn:x\" x:Destination=\"");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.WRONG_DESTINATION);
    }

    @Test
    void validateWhenSubjectConfirmationMethodIsInAForeignNamespaceThenRejectsWithNoBearerConfirmation() {
        String xml = f.edited(f.response(), d -> {
            Element sc = Xml.first(d, Xml.SAML, "SubjectConfirmation");
            sc.removeAttribute("Method");
            sc.setAttributeNS(XMLNS, "xmlns:x", "urn:x");
            sc.setAttributeNS("urn:x", "x:Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
        });
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.NO_BEARER_CONFIRMATION);
    }

    /** A signature on the Assertion whose Reference names the value of {@code attribute}, not its ID. */
    private String signedByOtherIdAttribute(String namespace, String qualifiedName) {
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element assertion = Xml.assertion(doc);
        if (namespace != null && qualifiedName.contains(":") && !qualifiedName.startsWith("xml:")) {
            assertion.setAttributeNS(XMLNS, "xmlns:" + qualifiedName.substring(0, qualifiedName.indexOf(':')),
                    namespace);
        }
        assertion.setAttributeNS(namespace, qualifiedName, "_other-id");
        assertion.setIdAttributeNS(namespace, qualifiedName.substring(qualifiedName.indexOf(':') + 1), true);
        TestSigner.sign(assertion, assertion, "#_other-id", TransformSet.STANDARD, TestSigner.EXC_C14N, List.of(),
                f.idp.signingCredential());
        return Xml.serialize(doc);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", value = {"none, Id", "none, id", "http://www.w3.org/XML/1998/namespace, xml:id",
            "urn:x, x:ID", "urn:oasis:names:tc:SAML:2.0:assertion, saml:ID"})
    void validateWhenSignatureReferencesAnIdAttributeOtherThanIdThenRejectsWithSignatureWrapping(String namespace,
                                                                                                String name) {
        assertThat(f.rejectXml(sp, signedByOtherIdAttribute(namespace, name))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void validateWhenSignedAssertionIdIsPaddedOrRecasedAfterSigningThenRejectsWithSignatureWrapping() {
        var r = f.response().assertionId("_abc");
        assertThat(f.rejectXml(sp, r.xml().replace("ID=\"_abc\"", "ID=\" _abc \""))).isEqualTo(Reason.SIGNATURE_WRAPPING);
        assertThat(f.rejectXml(sp, r.xml().replace("ID=\"_abc\"", "ID=\"_ABC\""))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void validateWhenAnotherElementCarriesTheAssertionIdInOtherCaseOrAsXmlIdThenOnlyTheSignedAssertionCounts() {
        var r = f.response().assertionId("_abc");
        String recased = r.xml().replace("<samlp:Status>", "<samlp:Extensions><x ID=\"_ABC\">"
                + "<NameID xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">admin@contoso.example</NameID></x>"
                + "</samlp:Extensions><samlp:Status>");
        Identity who = sp.validate(Fixture.b64(recased), Fixture.REQUEST_ID);
        assertThat(who.nameId()).isEqualTo("alice@contoso.example");
        String xmlId = f.response().assertionId("_abd").xml().replace("<samlp:Status>",
                "<samlp:Extensions><x xml:id=\"_abd\"/></samlp:Extensions><samlp:Status>");
        assertThat(f.rejectXml(sp, xmlId)).isEqualTo(Reason.DUPLICATE_ID);
    }

    @Test
    void validateWhenRequesterStatusNestsASuccessSubStatusThenRejectsWithStatusNotSuccess() {
        // a sub-status that says Success does not turn a Requester error into a success
        String xml = f.response().status(AzureClaims.STATUS_REQUESTER).xml().replace("/></samlp:Status>",
                "><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/></samlp:StatusCode>"
                        + "</samlp:Status>");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.STATUS_NOT_SUCCESS);
    }

    @Test
    void validateWhenAssertionSignatureIsMovedToALookalikeDsigNamespaceThenRejectsWithSignatureMissing() {
        String xml = f.response().xml().replace("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">",
                "<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#x\">");
        assertThat(f.rejectXml(sp, xml)).isEqualTo(Reason.SIGNATURE_MISSING);
    }
}

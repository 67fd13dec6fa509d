package dev.fedbroker.saml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedbroker.saml.SamlValidationException.Reason;
import dev.fedbroker.saml.TestSigner.TransformSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * XML Signature Wrapping (Somorovsky et al., "On Breaking SAML", 2012: XSW1-8) and the reference tricks behind it.
 * Each variant moves genuinely signed content so that a naive SP verifies one element and consumes another.
 */
class SignatureWrappingTest {

    private final Fixture f = new Fixture();
    private final ServiceProvider sp = f.sp();

    private Document responseSigned() {
        return Xml.parse(f.response().signResponse().nameId("victim@contoso.example").xml());
    }

    private Document assertionSigned() {
        return Xml.parse(f.response().nameId("victim@contoso.example").xml());
    }

    /** An evil copy of {@code original}: fresh ID, attacker NameID, signature removed. */
    private static Element evilCopy(Element original, String id) {
        Element evil = (Element) original.cloneNode(true);
        evil.setAttribute("ID", id);
        Xml.all(evil.getOwnerDocument(), Xml.DS, "Signature").stream().filter(s -> s.getParentNode() == evil)
                .forEach(evil::removeChild);
        for (var n : Xml.all(original.getOwnerDocument(), Xml.SAML, "NameID")) {
            if (isInside(n, evil)) {
                n.setTextContent("attacker@evil.example");
            }
        }
        return evil;
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (var n = e.getParentNode(); n != null; n = n.getParentNode()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @Test
    void validateWhenXsw1SignedResponseCopiedIntoSignatureObjectThenRejectsWithDuplicateId() {
        Document doc = responseSigned();
        Element response = doc.getDocumentElement();
        Element original = (Element) response.cloneNode(true);
        Element sig = Xml.signatureOf(response);
        Element object = Xml.create(doc, Xml.DS, "ds:Object");
        object.appendChild(original);
        sig.appendChild(object);
        response.setAttribute("ID", "_evil-response");
        Xml.first(doc, Xml.SAML, "NameID").setTextContent("attacker@evil.example");
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.DUPLICATE_ID);
    }

    @Test
    void validateWhenXsw2SignedResponseCopiedBeforeSignatureThenRejectsWithDuplicateId() {
        Document doc = responseSigned();
        Element response = doc.getDocumentElement();
        Element original = (Element) response.cloneNode(true);
        Element sig = Xml.signatureOf(response);
        response.insertBefore(original, sig);
        response.setAttribute("ID", "_evil-response");
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.DUPLICATE_ID);
    }

    @Test
    void validateWhenXsw3EvilAssertionBeforeSignedOneThenRejectsWithMultipleAssertions() {
        Document doc = assertionSigned();
        Element original = Xml.assertion(doc);
        doc.getDocumentElement().insertBefore(evilCopy(original, "_evil"), original);
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenXsw3EvilAssertionReusesSignedIdThenRejectsWithDuplicateId() {
        Document doc = assertionSigned();
        Element original = Xml.assertion(doc);
        doc.getDocumentElement().insertBefore(evilCopy(original, original.getAttribute("ID")), original);
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.DUPLICATE_ID);
    }

    @Test
    void validateWhenXsw4SignedAssertionWrappedInsideEvilOneThenRejectsWithMultipleAssertions() {
        Document doc = assertionSigned();
        Element original = Xml.assertion(doc);
        Element evil = evilCopy(original, "_evil");
        doc.getDocumentElement().replaceChild(evil, original);
        evil.appendChild(original);
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenXsw5EvilAssertionKeepsSignatureAndOriginalAppendedThenRejectsWithMultipleAssertions() {
        Document doc = assertionSigned();
        Element original = Xml.assertion(doc);
        Element evil = (Element) original.cloneNode(true);
        evil.setAttribute("ID", "_evil");
        doc.getDocumentElement().replaceChild(evil, original);
        original.removeChild(Xml.signatureOf(original));
        doc.getDocumentElement().appendChild(original);
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenXsw6OriginalHiddenInEvilSignatureObjectThenRejectsWithMultipleAssertions() {
        Document doc = assertionSigned();
        Element original = Xml.assertion(doc);
        Element evil = (Element) original.cloneNode(true);
        evil.setAttribute("ID", "_evil");
        doc.getDocumentElement().replaceChild(evil, original);
        Element object = Xml.create(doc, Xml.DS, "ds:Object");
        original.removeChild(Xml.signatureOf(original));
        object.appendChild(original);
        Xml.signatureOf(evil).appendChild(object);
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenXsw7OriginalInExtensionsThenRejectsWithMultipleAssertions() {
        Document doc = assertionSigned();
        Element original = Xml.assertion(doc);
        Element extensions = Xml.create(doc, Xml.SAMLP, "samlp:Extensions");
        doc.getDocumentElement().insertBefore(extensions, doc.getDocumentElement().getFirstChild().getNextSibling());
        doc.getDocumentElement().replaceChild(evilCopy(original, "_evil"), original);
        extensions.appendChild(original);
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenXsw8OriginalInObjectOfEvilSignatureWithoutItsSignatureThenRejectsWithMultipleAssertions() {
        Document doc = assertionSigned();
        Element original = Xml.assertion(doc);
        Element evil = (Element) original.cloneNode(true);
        evil.setAttribute("ID", "_evil");
        doc.getDocumentElement().replaceChild(evil, original);
        Element object = Xml.create(doc, Xml.DS, "ds:Object");
        object.appendChild(original);
        Element sig = Xml.signatureOf(original);
        original.removeChild(sig);
        Xml.signatureOf(evil).appendChild(object);
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenSignedResponseWrappedInEvilResponseExtensionsThenRejectsWithMultipleAssertions() {
        Document doc = responseSigned();
        Element original = doc.getDocumentElement();
        Document evilDoc = Xml.parse(f.response().unsigned().nameId("attacker@evil.example").xml());
        Element evil = evilDoc.getDocumentElement();
        Element extensions = Xml.create(evilDoc, Xml.SAMLP, "samlp:Extensions");
        extensions.appendChild(evilDoc.importNode(original, true));
        evil.insertBefore(extensions, evil.getFirstChild().getNextSibling());
        assertThat(f.rejectXml(sp, Xml.serialize(evilDoc))).isEqualTo(Reason.MULTIPLE_ASSERTIONS);
    }

    @Test
    void validateWhenSignatureReferencesAnotherElementThenRejectsWithSignatureWrapping() {
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element assertion = Xml.assertion(doc);
        String responseId = doc.getDocumentElement().getAttribute("ID");
        TestSigner.sign(assertion, assertion, "#" + responseId, TransformSet.STANDARD, TestSigner.EXC_C14N, List.of(),
                f.idp.signingCredential());
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void validateWhenResponseSignatureCoversOnlyTheAssertionThenRejectsWithSignatureWrapping() {
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element response = doc.getDocumentElement();
        TestSigner.sign(response, response, "#" + Xml.assertion(doc).getAttribute("ID"), TransformSet.STANDARD,
                TestSigner.EXC_C14N, List.of(), f.idp.signingCredential());
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void validateWhenReferenceUriEmptyThenRejectsWithSignatureWrapping() {
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element assertion = Xml.assertion(doc);
        TestSigner.sign(assertion, assertion, "", TransformSet.STANDARD, TestSigner.EXC_C14N, List.of(),
                f.idp.signingCredential());
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void validateWhenSignedInfoHasExtraReferenceThenRejectsWithSignatureWrapping() {
        Document doc = Xml.parse(f.response().unsigned().xml());
        Element assertion = Xml.assertion(doc);
        TestSigner.sign(assertion, assertion, "#" + assertion.getAttribute("ID"), TransformSet.STANDARD,
                TestSigner.EXC_C14N, List.of("#" + doc.getDocumentElement().getAttribute("ID")),
                f.idp.signingCredential());
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void validateWhenSignatureHiddenInExtensionsThenRejectsWithSignatureWrapping() {
        Document doc = assertionSigned();
        Element extensions = Xml.create(doc, Xml.SAMLP, "samlp:Extensions");
        Element fake = Xml.create(doc, Xml.SAMLP, "samlp:Response");
        fake.appendChild(Xml.signatureOf(Xml.assertion(doc)).cloneNode(true));
        extensions.appendChild(fake);
        doc.getDocumentElement().insertBefore(extensions, doc.getDocumentElement().getFirstChild().getNextSibling());
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void validateWhenAssertionCarriesTwoSignaturesThenRejectsWithSignatureWrapping() {
        Document doc = assertionSigned();
        Element assertion = Xml.assertion(doc);
        Element sig = Xml.signatureOf(assertion);
        assertion.insertBefore(sig.cloneNode(true), sig);
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void validateWhenSignatureCarriesObjectThenRejectsWithSignatureWrapping() {
        Document doc = assertionSigned();
        Element sig = Xml.signatureOf(Xml.assertion(doc));
        sig.appendChild(Xml.create(doc, Xml.DS, "ds:Object"));
        assertThat(f.rejectXml(sp, Xml.serialize(doc))).isEqualTo(Reason.SIGNATURE_WRAPPING);
    }
}

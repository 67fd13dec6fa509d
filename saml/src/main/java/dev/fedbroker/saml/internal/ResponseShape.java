package dev.fedbroker.saml.internal;

import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/** Step 3: exactly one Assertion or EncryptedAssertion, directly under the Response; signatures only where expected. */
final class ResponseShape {

    private ResponseShape() {
    }

    static Element theAssertion(Element response, DocumentScan scan) {
        requireId(response);
        List<Element> found = scan.assertions;
        if (found.isEmpty()) {
            ProtocolCheck.status(response).ifPresent(p -> {
                throw new SamlValidationException(List.of(p));
            });
            throw new SamlValidationException(Reason.NO_ASSERTION, "The Response holds no Assertion or"
                    + " EncryptedAssertion although its status is Success.");
        }
        if (found.size() > 1) {
            throw new SamlValidationException(Reason.MULTIPLE_ASSERTIONS, "The document holds " + found.size()
                    + " assertions (anywhere, including Extensions, Advice or signature Objects); exactly one is"
                    + " accepted. Refused (a classic signature-wrapping shape).");
        }
        Element a = found.get(0);
        boolean plain = Dom.is(a, Names.ASSERTION, "Assertion");
        boolean encrypted = Dom.is(a, Names.ASSERTION, "EncryptedAssertion");
        if (a.getParentNode() != response || !(plain || encrypted)) {
            throw new SamlValidationException(Reason.MULTIPLE_ASSERTIONS, "The only assertion sits at "
                    + Dom.path(a) + " in namespace " + Log.clip(a.getNamespaceURI(), 200) + "; a SAML 2.0 Assertion or"
                    + " EncryptedAssertion directly under the Response is required.");
        }
        if (plain) {
            requireId(a);
        }
        return a;
    }

    /** Response and Assertion need an ID: signatures reference it and the replay cache remembers it. */
    static void requireId(Element e) {
        if (Dom.attribute(e, "ID").orElse("").isBlank()) {
            throw new SamlValidationException(Reason.MALFORMED, e.getLocalName() + " has no ID attribute.");
        }
    }

    /** The element's ds:Signature child, if any; a second one is refused. */
    static Optional<Element> signatureOf(Element signed) {
        List<Element> sigs = Dom.children(signed, Names.DSIG, "Signature");
        if (sigs.size() > 1) {
            throw new SamlValidationException(Reason.SIGNATURE_WRAPPING, signed.getLocalName() + " carries "
                    + sigs.size() + " signatures; one is accepted.");
        }
        return sigs.isEmpty() ? Optional.empty() : Optional.of(sigs.get(0));
    }

    /** Every ds:Signature in the document must be the Response's or the Assertion's own. */
    static void onlyKnownSignatures(List<Element> all, Optional<Element> response, Optional<Element> assertion) {
        for (Element sig : all) {
            if (!(response.isPresent() && sig == response.get()) && !(assertion.isPresent() && sig == assertion.get())) {
                throw new SamlValidationException(Reason.SIGNATURE_WRAPPING, "A signature sits at " + Dom.path(sig)
                        + "; only the Response's and the Assertion's own enveloped signatures are accepted.");
            }
        }
    }
}

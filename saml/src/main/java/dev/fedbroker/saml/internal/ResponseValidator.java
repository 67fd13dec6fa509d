package dev.fedbroker.saml.internal;

import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.SamlValidationException.Problem;
import dev.fedbroker.saml.SamlValidationException.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The validation pipeline of ARCHITECTURE.md, in order, each step failing closed with its own reason: sizes and
 * strict base64, secure parse with a bounded walk, shape, signatures, decryption (then the shape and signature steps
 * again on the decrypted assertion), protocol, assertion, replay, claims.
 *
 * <p>Immutable and thread-safe: per-call state lives on the stack; the parser pools its builders.
 */
public final class ResponseValidator {

    private static final Logger LOG = LoggerFactory.getLogger("dev.fedbroker.saml.ServiceProvider");

    private final ValidatorSettings s;
    private final SecureXmlParser parser;
    private final SignatureVerifier verifier;
    private final AssertionDecrypter decrypter;

    public ResponseValidator(ValidatorSettings settings) {
        this.s = settings;
        this.parser = new SecureXmlParser(settings.limits().maxDepth(), settings.limits().maxAttributesPerElement(),
                true);
        this.verifier = new SignatureVerifier(settings.idpCertificates(), settings.allowSha1());
        this.decrypter = new AssertionDecrypter(settings.decryptionKeys());
    }

    /** Step 1, then the rest: the posted, base64-encoded SAMLResponse form field. */
    public Identity validateBase64(String encoded, Optional<String> expectedRequestId) {
        if (encoded == null) {
            throw new SamlValidationException(Reason.MALFORMED, "The SAMLResponse is missing.");
        }
        if (encoded.length() > s.limits().maxEncodedBytes()) {
            throw new SamlValidationException(Reason.TOO_LARGE, "The SAMLResponse has " + encoded.length()
                    + " characters; at most " + s.limits().maxEncodedBytes()
                    + " are accepted (ValidationLimits.maxEncodedBytes).");
        }
        return validateXml(StrictBase64.decode(encoded, s.limits().maxDecodedBytes()), expectedRequestId);
    }

    /** Steps 2 to 9 on raw XML (for tools). An empty request id means the unsolicited path. */
    public Identity validateXml(byte[] xml, Optional<String> expectedRequestId) {
        if (expectedRequestId.isEmpty() && !s.allowUnsolicited()) {
            throw new SamlValidationException(Reason.UNSOLICITED_NOT_ALLOWED, "An IdP-initiated (unsolicited)"
                    + " response was presented, but IdP-initiated sign-in is off. Start sign-in from the SP"
                    + " (AuthnRequest) or enable ServiceProvider.builder().allowUnsolicited(true).");
        }
        if (xml.length > s.limits().maxDecodedBytes()) {
            throw new SamlValidationException(Reason.TOO_LARGE, "The XML has " + xml.length + " bytes; at most "
                    + s.limits().maxDecodedBytes() + " are accepted (ValidationLimits.maxDecodedBytes).");
        }
        Document doc = parser.parse(xml);
        Element response = doc.getDocumentElement();
        try {
            return pipeline(response, expectedRequestId);
        } catch (SamlValidationException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("SAML response rejected: {} (response ID {}, InResponseTo {}, issuer {})", e.reason(),
                        Log.clip(response.getAttributeNS(null, "ID"), 80),
                        Log.clip(response.getAttributeNS(null, "InResponseTo"), 80),
                        Log.clip(Dom.child(response, Names.ASSERTION, "Issuer").map(Dom::text).orElse(""), 120));
            }
            throw e;
        }
    }

    private Identity pipeline(Element response, Optional<String> expectedRequestId) {
        if (!Dom.is(response, Names.PROTOCOL, "Response")) {
            throw new SamlValidationException(Reason.MALFORMED, "The root element is {"
                    + Log.clip(response.getNamespaceURI(), 200) + "}" + Log.clip(response.getLocalName(), 100)
                    + "; expected {" + Names.PROTOCOL + "}Response.");
        }
        DocumentScan scan = DocumentScan.of(response, s.limits(), Set.of());
        Element assertion = ResponseShape.theAssertion(response, scan);
        Optional<Element> responseSignature = ResponseShape.signatureOf(response);
        Optional<Element> assertionSignature = Optional.empty();
        if (Dom.is(assertion, Names.ASSERTION, "Assertion")) {
            assertionSignature = ResponseShape.signatureOf(assertion);
        }
        ResponseShape.onlyKnownSignatures(scan.signatures, responseSignature, assertionSignature);
        if (s.requireSignedResponse() && responseSignature.isEmpty()) {
            throw new SamlValidationException(Reason.SIGNATURE_MISSING, "The Response is not signed, but"
                    + " requireSignedResponse is set. In the Azure enterprise app choose Signing Option 'Sign SAML"
                    + " response' or 'Sign SAML response and assertion'.");
        }
        responseSignature.ifPresent(sig -> verifier.verify(response, sig));
        if (Dom.is(assertion, Names.ASSERTION, "EncryptedAssertion")) {
            assertion = decrypt(assertion, scan, responseSignature.isPresent());
        } else {
            verifyAssertionSignature(assertion, assertionSignature, responseSignature.isPresent());
        }
        Instant now = s.clock().instant();
        List<Problem> problems = ProtocolCheck.check(response, s, expectedRequestId, now);
        if (!problems.isEmpty()) {
            throw new SamlValidationException(problems);
        }
        problems = AssertionCheck.check(assertion, s, expectedRequestId, now);
        if (!problems.isEmpty()) {
            throw new SamlValidationException(problems);
        }
        Replay.remember(assertion, s);
        Identity identity = ClaimsMapper.identity(assertion);
        LOG.debug("SAML response accepted (response ID {}, assertion ID {})",
                Log.clip(response.getAttributeNS(null, "ID"), 80), Log.clip(identity.assertionId().orElse(""), 80));
        return identity;
    }

    private Element decrypt(Element encrypted, DocumentScan scan, boolean responseSigned) {
        // Without an outer signature, CBC ciphertext is attacker-malleable: hide every failure up to the verified
        // inner signature behind DECRYPTION_FAILED, so that parse errors cannot serve as a padding oracle. A bad
        // padding byte is only acted on after the parse, so it is not a faster (timing-visible) way to fail.
        boolean hide = !responseSigned && AssertionDecrypter.isCbc(encrypted);
        AssertionDecrypter.Plaintext plain = decrypter.decrypt(encrypted);
        Element assertion;
        try {
            Document decrypted = parser.parse(plain.bytes());
            assertion = decrypted.getDocumentElement();
            if (!plain.paddingValid() || !Dom.is(assertion, Names.ASSERTION, "Assertion")
                    || Dom.attribute(assertion, "ID").orElse("").isBlank()) {
                throw AssertionDecrypter.failed();
            }
        } catch (SamlValidationException e) {
            throw AssertionDecrypter.failed();
        }
        try {
            DocumentScan inner = DocumentScan.of(assertion, s.limits(), scan.ids());
            if (inner.assertions.size() != 1) {
                throw new SamlValidationException(Reason.MULTIPLE_ASSERTIONS, "The decrypted assertion contains"
                        + " another assertion. Refused.");
            }
            Optional<Element> signature = ResponseShape.signatureOf(assertion);
            ResponseShape.onlyKnownSignatures(inner.signatures, Optional.empty(), signature);
            verifyAssertionSignature(assertion, signature, responseSigned);
            return assertion;
        } catch (SamlValidationException e) {
            throw hide ? AssertionDecrypter.failed() : e;
        }
    }

    private void verifyAssertionSignature(Element assertion, Optional<Element> signature, boolean responseSigned) {
        if (signature.isPresent()) {
            verifier.verify(assertion, signature.get());
            return;
        }
        if (s.requireSignedAssertion()) {
            throw new SamlValidationException(Reason.SIGNATURE_MISSING, "The Assertion is not signed, but"
                    + " requireSignedAssertion is set. In the Azure enterprise app choose Signing Option 'Sign SAML"
                    + " assertion' or 'Sign SAML response and assertion'.");
        }
        if (!responseSigned) {
            throw new SamlValidationException(Reason.SIGNATURE_MISSING, "Neither the Response nor the Assertion is"
                    + " signed. Azure AD signs the assertion by default: check the Signing Option of the enterprise"
                    + " app; an unsigned response is never accepted.");
        }
    }
}

package dev.fedbroker.cli;

import dev.fedbroker.cli.SignatureReport.CertificateInfo;
import dev.fedbroker.cli.SignatureReport.Reference;
import dev.fedbroker.cli.SignatureReport.Status;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks every {@code ds:Signature} of a document with the JDK's XML-DSig (an implementation independent of the
 * library's verifier, in its secure-validation mode: no SHA-1, no XSLT, no external references), once per trusted
 * certificate and once with the KeyInfo certificate, to say which key, if any, made it. Stateless.
 */
final class SignatureInspector {

    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private SignatureInspector() {
    }

    static List<SignatureReport> inspect(Document doc, List<X509Certificate> trusted) {
        markIds(doc.getDocumentElement());
        NodeList signatures = doc.getElementsByTagNameNS(DSIG, "Signature");
        List<SignatureReport> out = new ArrayList<>();
        for (int i = 0; i < signatures.getLength(); i++) {
            out.add(inspect((Element) signatures.item(i), trusted));
        }
        return out;
    }

    private static SignatureReport inspect(Element signature, List<X509Certificate> trusted) {
        Element parent = signature.getParentNode() instanceof Element e ? e : signature;
        Optional<String> parentId = parent.hasAttributeNS(null, "ID")
                ? Optional.of(parent.getAttributeNS(null, "ID")) : Optional.empty();
        Optional<Element> signedInfo = child(signature, "SignedInfo");
        String method = signedInfo.flatMap(s -> child(s, "SignatureMethod")).map(m -> m.getAttribute("Algorithm"))
                .orElse("");
        String c14n = signedInfo.flatMap(s -> child(s, "CanonicalizationMethod"))
                .map(m -> m.getAttribute("Algorithm")).orElse("");
        List<Reference> references = new ArrayList<>();
        signedInfo.ifPresent(s -> children(s, "Reference").forEach(r -> references.add(reference(r, parentId))));
        Optional<X509Certificate> keyInfo = keyInfoCertificate(signature);
        boolean keyInfoTrusted = keyInfo.map(trusted::contains).orElse(false);

        String lastError = null;
        for (X509Certificate c : trusted) {
            Check check = check(signature, c);
            if (check.valid) {
                return new SignatureReport(parent.getLocalName(), parentId, method, c14n, references,
                        keyInfo.map(SignatureInspector::info), keyInfoTrusted, Status.TRUSTED,
                        Optional.of(Certificates.sha256(c)), "verifies with the trusted certificate "
                        + c.getSubjectX500Principal().getName() + " (SHA-256 " + Certificates.sha256(c) + ")");
            }
            lastError = check.error;
        }
        Status status;
        String detail;
        Check own = keyInfo.map(c -> check(signature, c)).orElse(null);
        String error = own != null && own.error != null ? own.error : lastError;
        if (own != null && own.valid) {
            status = Status.UNTRUSTED_KEY;
            detail = trusted.isEmpty()
                    ? "verifies with its own KeyInfo certificate, which proves nothing: give --idp-metadata or"
                    + " --idp-cert to check it against the IdP's keys"
                    : "verifies only with its own KeyInfo certificate, which is NOT a trusted IdP certificate";
        } else if (error != null) {
            status = Status.UNVERIFIABLE;
            detail = "cannot be checked: " + error;
        } else if (own == null && trusted.isEmpty()) {
            status = Status.UNVERIFIABLE;
            detail = "no key to check it with: no KeyInfo certificate, and no --idp-metadata or --idp-cert given";
        } else {
            status = Status.BROKEN;
            detail = "does not verify with " + (trusted.isEmpty() ? "its KeyInfo certificate"
                    : own == null ? "any trusted certificate" : "any trusted certificate nor its KeyInfo certificate")
                    + ": the signed content or the signature value was altered, or an unknown key signed it";
        }
        return new SignatureReport(parent.getLocalName(), parentId, method, c14n, references,
                keyInfo.map(SignatureInspector::info), keyInfoTrusted, status, Optional.empty(), detail);
    }

    private record Check(boolean valid, String error) {
    }

    private static Check check(Element signature, X509Certificate certificate) {
        try {
            DOMValidateContext context = new DOMValidateContext(KeySelector.singletonKeySelector(
                    certificate.getPublicKey()), signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature sig = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            return new Check(sig.validate(context), null);
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return new Check(false, message);
        }
    }

    private static Reference reference(Element r, Optional<String> parentId) {
        String uri = r.getAttribute("URI");
        boolean covers = parentId.map(id -> uri.equals("#" + id)).orElse(false);
        String digest = child(r, "DigestMethod").map(d -> d.getAttribute("Algorithm")).orElse("");
        List<String> transforms = new ArrayList<>();
        child(r, "Transforms").ifPresent(t -> children(t, "Transform")
                .forEach(x -> transforms.add(x.getAttribute("Algorithm"))));
        return new Reference(uri, covers, digest, transforms);
    }

    private static Optional<X509Certificate> keyInfoCertificate(Element signature) {
        NodeList certs = signature.getElementsByTagNameNS(DSIG, "X509Certificate");
        if (certs.getLength() == 0) {
            return Optional.empty();
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(certs.item(0).getTextContent());
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static CertificateInfo info(X509Certificate c) {
        return new CertificateInfo(Certificates.sha256(c), c.getSubjectX500Principal().getName(),
                c.getNotAfter().toInstant().toString());
    }

    /** Declares every {@code ID} attribute an XML ID, so that {@code #id} references resolve (iteratively). */
    static void markIds(Element root) {
        java.util.ArrayDeque<Element> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Element e = todo.pop();
            if (e.hasAttributeNS(null, "ID")) {
                e.setIdAttributeNS(null, "ID", true);
            }
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element child) {
                    todo.push(child);
                }
            }
        }
    }

    private static Optional<Element> child(Element parent, String localName) {
        List<Element> all = children(parent, localName);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && DSIG.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }
}

package dev.fedbroker.cli;

import java.util.List;
import java.util.Optional;

/**
 * What inspect found about one {@code ds:Signature}. Immutable.
 *
 * @param element             the signed element's name, e.g. {@code Response} or {@code Assertion}
 * @param elementId           its ID attribute
 * @param signatureAlgorithm  SignatureMethod URI
 * @param canonicalization    CanonicalizationMethod URI
 * @param references          the references
 * @param keyInfoCertificate  the certificate carried in KeyInfo (untrusted: it comes with the message)
 * @param keyInfoTrusted      whether that certificate is one of the trusted ones
 * @param status              the outcome
 * @param verifiedBy          SHA-256 thumbprint of the trusted certificate that verifies it
 * @param detail              a sentence explaining the status
 */
record SignatureReport(String element, Optional<String> elementId, String signatureAlgorithm, String canonicalization,
        List<Reference> references, Optional<CertificateInfo> keyInfoCertificate, boolean keyInfoTrusted,
        Status status, Optional<String> verifiedBy, String detail) {

    /** One ds:Reference. {@code coversElement}: the URI names the signed element's own ID. */
    record Reference(String uri, boolean coversElement, String digestAlgorithm, List<String> transforms) {
    }

    /** A certificate, as shown. */
    record CertificateInfo(String sha256, String subject, String notAfter) {
    }

    /** How the signature checked out. */
    enum Status {
        /** Verifies with a trusted IdP certificate. */
        TRUSTED,
        /** Verifies only with the certificate in its own KeyInfo: intact, but signed by a key not trusted here. */
        UNTRUSTED_KEY,
        /** Verifies with no key at hand: the content or the signature value was altered (or the key is unknown). */
        BROKEN,
        /** Could not be checked (a refused algorithm, an unresolvable reference, a malformed signature). */
        UNVERIFIABLE
    }
}

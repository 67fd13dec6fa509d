package dev.fedbroker.saml;

import dev.fedbroker.saml.internal.MetadataParser;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Azure AD (or other SAML 2.0) identity provider this SP trusts: its entity id, every signing certificate (all
 * trusted, so that a certificate rollover needs no downtime), and its endpoints. Keys only ever come from here, never
 * from a message. Entity ids are opaque strings ({@code spn:<guid>} and {@code alchemy} are fine). Immutable and
 * thread-safe.
 */
public final class IdentityProvider {

    /** SAML 2.0 HTTP-Redirect binding URI. */
    public static final String HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    /** SAML 2.0 HTTP-POST binding URI. */
    public static final String HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    /** An IdP endpoint: binding URI and location. */
    public record Endpoint(String binding, String location) {
        public Endpoint {
            Objects.requireNonNull(binding, "binding");
            Objects.requireNonNull(location, "location");
        }
    }

    /** Something about a signing certificate an operator should act on, judged by a given clock. */
    public record CertificateWarning(X509Certificate certificate, Kind kind, String message) {
        /** What is wrong with the certificate. */
        public enum Kind { EXPIRED, NOT_YET_VALID, EXPIRES_SOON }

        public CertificateWarning {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Certificates expiring within this period are reported as {@link CertificateWarning.Kind#EXPIRES_SOON}. */
    public static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private final String entityId;
    private final List<X509Certificate> signingCertificates;
    private final List<Endpoint> singleSignOnServices;
    private final List<Endpoint> singleLogoutServices;

    private IdentityProvider(String entityId, List<X509Certificate> certificates, List<Endpoint> sso,
                             List<Endpoint> slo) {
        if (Objects.requireNonNull(entityId, "entityId").isBlank()) {
            throw new IllegalArgumentException("entityId must not be blank");
        }
        if (Objects.requireNonNull(certificates, "signingCertificates").isEmpty()) {
            throw new IllegalArgumentException("at least one IdP signing certificate is required");
        }
        this.entityId = entityId;
        this.signingCertificates = List.copyOf(certificates);
        this.singleSignOnServices = List.copyOf(sso);
        this.singleLogoutServices = List.copyOf(slo);
    }

    /** An IdP from its entity id (Azure: {@code https://sts.windows.net/<tenant>/}) and signing certificates. */
    public static IdentityProvider of(String entityId, List<X509Certificate> signingCertificates) {
        return new IdentityProvider(entityId, signingCertificates, List.of(), List.of());
    }

    /** An IdP from federation metadata text (a leading BOM is tolerated). The metadata's signature is not checked. */
    public static IdentityProvider fromMetadata(String xml) {
        return fromMetadata(utf8(xml));
    }

    /** An IdP from federation metadata bytes, as downloaded (BOM and any XML-declared encoding are fine). */
    public static IdentityProvider fromMetadata(byte[] xml) {
        return from(MetadataParser.parse(xml.clone(), Optional.empty()));
    }

    /**
     * An IdP from federation metadata whose enveloped signature is required and verified against {@code pinnedSigner}
     * only. Throws {@link SamlValidationException} (SIGNATURE_MISSING, SIGNATURE_INVALID, UNTRUSTED_KEY...) otherwise.
     */
    public static IdentityProvider fromMetadata(String xml, X509Certificate pinnedSigner) {
        return fromMetadata(utf8(xml), pinnedSigner);
    }

    /** As {@link #fromMetadata(String, X509Certificate)}, from bytes. */
    public static IdentityProvider fromMetadata(byte[] xml, X509Certificate pinnedSigner) {
        Objects.requireNonNull(pinnedSigner, "pinnedSigner");
        return from(MetadataParser.parse(xml.clone(), Optional.of(pinnedSigner)));
    }

    private static IdentityProvider from(MetadataParser.Parsed p) {
        return new IdentityProvider(p.entityId(), p.signingCertificates(), p.singleSignOn(), p.singleLogout());
    }

    private static byte[] utf8(String xml) {
        Objects.requireNonNull(xml, "xml");
        return (xml.startsWith("\uFEFF") ? xml.substring(1) : xml).getBytes(StandardCharsets.UTF_8);
    }

    /** The entity id, compared exactly with the Issuer of every response. */
    public String entityId() {
        return entityId;
    }

    /** Every trusted signing certificate, in document order. */
    public List<X509Certificate> signingCertificates() {
        return signingCertificates;
    }

    /** The SingleSignOnService endpoints, in document order (Azure: Redirect and POST). */
    public List<Endpoint> singleSignOnServices() {
        return singleSignOnServices;
    }

    /** The SSO location for one binding, e.g. {@link #HTTP_REDIRECT}. */
    public Optional<String> singleSignOnService(String binding) {
        return singleSignOnServices.stream().filter(e -> e.binding().equals(binding)).map(Endpoint::location)
                .findFirst();
    }

    /** The SingleLogoutService endpoints, in document order. */
    public List<Endpoint> singleLogoutServices() {
        return singleLogoutServices;
    }

    /**
     * Expired, not-yet-valid and soon-to-expire signing certificates, judged by {@code clock}. Such certificates are
     * still trusted for signatures (Azure keeps signing with an expired certificate until a new one is made active):
     * this list is for operators and monitoring.
     */
    public List<CertificateWarning> certificateWarnings(Clock clock) {
        Instant now = clock.instant();
        List<CertificateWarning> out = new ArrayList<>();
        for (X509Certificate c : signingCertificates) {
            Instant notAfter = c.getNotAfter().toInstant();
            Instant notBefore = c.getNotBefore().toInstant();
            String who = c.getSubjectX500Principal().getName() + " (serial " + c.getSerialNumber().toString(16) + ")";
            if (now.isAfter(notAfter)) {
                out.add(new CertificateWarning(c, CertificateWarning.Kind.EXPIRED, "IdP signing certificate " + who
                        + " expired on " + notAfter + ". Create and activate a new certificate in the Azure enterprise"
                        + " app, then refresh the metadata."));
            } else if (now.isBefore(notBefore)) {
                out.add(new CertificateWarning(c, CertificateWarning.Kind.NOT_YET_VALID, "IdP signing certificate "
                        + who + " is valid only from " + notBefore + "."));
            } else if (now.plus(EXPIRY_WARNING).isAfter(notAfter)) {
                out.add(new CertificateWarning(c, CertificateWarning.Kind.EXPIRES_SOON, "IdP signing certificate "
                        + who + " expires on " + notAfter + ". Add its successor before then (both are trusted)."));
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "IdentityProvider[" + entityId + ", " + signingCertificates.size() + " signing certificate(s)]";
    }
}

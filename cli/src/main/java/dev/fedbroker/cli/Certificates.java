package dev.fedbroker.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/** Thumbprints and validity of X.509 certificates, judged at a given instant. Stateless. */
final class Certificates {

    /** Matches the library's warning period (IdentityProvider.EXPIRY_WARNING). */
    static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    private Certificates() {
    }

    /** SHA-256 of the DER encoding, lower-case hex without separators. */
    static String sha256(X509Certificate c) {
        return digest(c, "SHA-256");
    }

    /** SHA-1 of the DER encoding, upper-case hex: the "Thumbprint" the Azure portal shows. */
    static String azureThumbprint(X509Certificate c) {
        return digest(c, "SHA-1").toUpperCase(java.util.Locale.ROOT);
    }

    /** VALID, EXPIRES_SOON, EXPIRED or NOT_YET_VALID at {@code now}. */
    static String status(X509Certificate c, Instant now) {
        Instant notBefore = c.getNotBefore().toInstant();
        Instant notAfter = c.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return "EXPIRED";
        }
        if (now.isBefore(notBefore)) {
            return "NOT_YET_VALID";
        }
        return now.plus(EXPIRY_WARNING).isAfter(notAfter) ? "EXPIRES_SOON" : "VALID";
    }

    /** E.g. {@code VALID, expires in 1094d23h} or {@code EXPIRED 3d02h ago}. */
    static String statusText(X509Certificate c, Instant now) {
        String status = status(c, now);
        Instant notAfter = c.getNotAfter().toInstant();
        return switch (status) {
            case "EXPIRED" -> "EXPIRED " + Relative.to(now, notAfter);
            case "NOT_YET_VALID" -> "NOT_YET_VALID, valid " + Relative.to(now, c.getNotBefore().toInstant());
            default -> status + ", expires " + Relative.to(now, notAfter);
        };
    }

    static ObjectNode json(CliContext context, X509Certificate c, Instant now) {
        ObjectNode n = context.object();
        n.put("subject", c.getSubjectX500Principal().getName());
        n.put("issuer", c.getIssuerX500Principal().getName());
        n.put("serialNumber", c.getSerialNumber().toString(16));
        n.put("sha256", sha256(c));
        n.put("sha1", azureThumbprint(c));
        n.put("notBefore", c.getNotBefore().toInstant().toString());
        n.put("notAfter", c.getNotAfter().toInstant().toString());
        n.put("status", status(c, now));
        return n;
    }

    private static String digest(X509Certificate c, String algorithm) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(c.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is missing from this JDK", e);
        }
    }
}

package dev.fedbroker.saml;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Reads PEM text: X.509 certificates ({@code BEGIN CERTIFICATE}) and unencrypted PKCS#8 private keys
 * ({@code BEGIN PRIVATE KEY}, RSA or EC). Stateless and thread-safe.
 */
public final class Pem {

    private Pem() {
    }

    /** The first certificate in {@code pem}. */
    public static X509Certificate certificate(String pem) {
        List<X509Certificate> all = certificates(pem);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("No '-----BEGIN CERTIFICATE-----' block found");
        }
        return all.get(0);
    }

    /** Every certificate in {@code pem}, in order. */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (byte[] der : blocks(pem, "CERTIFICATE")) {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException("A PEM certificate cannot be read: " + e.getMessage(), e);
        }
        return List.copyOf(out);
    }

    /** The PKCS#8 private key in {@code pem} (RSA or EC). */
    public static PrivateKey privateKey(String pem) {
        if (Objects.requireNonNull(pem, "pem").contains("BEGIN RSA PRIVATE KEY")
                || pem.contains("BEGIN ENCRYPTED PRIVATE KEY") || pem.contains("BEGIN EC PRIVATE KEY")) {
            throw new IllegalArgumentException("Only unencrypted PKCS#8 keys ('BEGIN PRIVATE KEY') are read; convert"
                    + " with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
        }
        List<byte[]> keys = blocks(pem, "PRIVATE KEY");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("No '-----BEGIN PRIVATE KEY-----' block found");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(keys.get(0));
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("The PKCS#8 key is neither RSA nor EC");
    }

    private static List<byte[]> blocks(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        String text = Objects.requireNonNull(pem, "pem");
        List<byte[]> out = new ArrayList<>();
        int from = 0;
        while (true) {
            int b = text.indexOf(begin, from);
            if (b < 0) {
                return out;
            }
            int e = text.indexOf(end, b);
            if (e < 0) {
                throw new IllegalArgumentException("Unterminated PEM block " + begin);
            }
            out.add(Base64.getMimeDecoder().decode(text.substring(b + begin.length(), e)));
            from = e + end.length();
        }
    }
}

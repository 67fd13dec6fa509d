package dev.fedbroker.cli;

import dev.fedbroker.saml.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** Certificates and keys from PEM files named by options; any problem is a usage error naming the option. */
final class PemFiles {

    private PemFiles() {
    }

    static List<X509Certificate> certificates(CliContext context, Path file, String option) {
        String text = new String(Inputs.read(context, file, option + " file"), StandardCharsets.US_ASCII);
        try {
            List<X509Certificate> certs = Pem.certificates(text);
            if (certs.isEmpty()) {
                throw new UsageException(option + " '" + file + "' holds no '-----BEGIN CERTIFICATE-----' block");
            }
            return certs;
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " '" + file + "': " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(CliContext context, Path file, String option) {
        String text = new String(Inputs.read(context, file, option + " file"), StandardCharsets.US_ASCII);
        try {
            return Pem.privateKey(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " '" + file + "': " + e.getMessage(), e);
        }
    }
}

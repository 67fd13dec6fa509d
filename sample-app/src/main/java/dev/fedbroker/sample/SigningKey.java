package dev.fedbroker.sample;

import dev.fedbroker.saml.Pem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;

/**
 * A private key with its certificate. Immutable; {@link #toString()} never shows the key.
 *
 * @param key         the private key
 * @param certificate its certificate
 */
public record SigningKey(PrivateKey key, X509Certificate certificate) {

    public SigningKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(certificate, "certificate");
    }

    /**
     * Reads a PKCS#8 PEM key and a PEM certificate, when both paths are set; one without the other is a
     * configuration error that names the missing setting.
     */
    public static Optional<SigningKey> fromPemFiles(String keyPath, String certificatePath, String what) {
        Optional<String> key = SampleSettings.text(keyPath);
        Optional<String> cert = SampleSettings.text(certificatePath);
        if (key.isEmpty() && cert.isEmpty()) {
            return Optional.empty();
        }
        if (key.isEmpty() || cert.isEmpty()) {
            throw new IllegalStateException(what + ": set both the key and the certificate PEM paths, or neither");
        }
        return Optional.of(new SigningKey(Pem.privateKey(read(key.get(), what)),
                Pem.certificate(read(cert.get(), what))));
    }

    private static String read(String path, String what) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": cannot read " + path, e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + certificate.getSubjectX500Principal().getName() + "]";
    }
}

package dev.fedbroker.saml;

import dev.fedbroker.saml.internal.KeyPairs;
import dev.fedbroker.saml.internal.SpSettings;
import dev.fedbroker.saml.internal.ValidatorSettings;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link ServiceProvider.Builder} options of the SP's own side (signing, logout, metadata, RelayState), kept apart
 * from the validation options. Not thread-safe, like the builder it serves.
 */
final class SpSideBuilder {

    MetadataSource metadataSource;
    private PrivateKey signingKey;
    private X509Certificate signingCertificate;
    private final List<X509Certificate> additionalSigningCertificates = new ArrayList<>();
    private String singleLogoutService;
    private int relayStateMaxBytes = 80;
    private boolean requireSignedLogoutMessages;
    private Set<String> logoutIssuers;
    private final List<String> nameIdFormats = new ArrayList<>();

    void signing(PrivateKey key, X509Certificate certificate) {
        this.signingKey = Objects.requireNonNull(key, "key");
        this.signingCertificate = Objects.requireNonNull(certificate, "certificate");
    }

    void additionalSigningCertificate(X509Certificate certificate) {
        additionalSigningCertificates.add(Objects.requireNonNull(certificate, "certificate"));
    }

    void singleLogoutService(String url) {
        this.singleLogoutService = Objects.requireNonNull(url, "singleLogoutService");
    }

    void relayStateMaxBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("relayStateMaxBytes must be positive, was " + bytes);
        }
        this.relayStateMaxBytes = bytes;
    }

    void requireSignedLogoutMessages(boolean v) {
        this.requireSignedLogoutMessages = v;
    }

    void logoutIssuers(Iterable<String> issuers) {
        Set<String> set = new LinkedHashSet<>();
        issuers.forEach(i -> set.add(Objects.requireNonNull(i, "issuer")));
        if (set.isEmpty()) {
            throw new IllegalArgumentException("logoutIssuers needs at least one issuer");
        }
        this.logoutIssuers = set;
    }

    void metadataNameIdFormats(NameIdFormat... formats) {
        Arrays.stream(formats).map(f -> Objects.requireNonNull(f, "format").uri()).forEach(nameIdFormats::add);
    }

    /** The SP-side settings, or IllegalStateException naming the fix. */
    SpSettings build(String entityId, String acs, List<X509Certificate> encryptionCertificates,
                     boolean wantAssertionsSigned, ValidatorSettings v) {
        if (signingKey != null) {
            require(signingKey instanceof RSAPrivateKey && KeyPairs.matches(signingKey, signingCertificate),
                    "The SP signing key must be an RSA private key that belongs to its certificate (Azure AD verifies"
                    + " RSA-SHA256 request signatures with the certificate uploaded as verification certificate).");
        }
        if (singleLogoutService != null) {
            URI uri = URI.create(singleLogoutService);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            require(uri.isAbsolute() && (scheme.equals("https") || scheme.equals("http")),
                    "singleLogoutService must be an absolute http(s) URL (the Logout URL of the Azure enterprise"
                    + " app); found '" + singleLogoutService + "'");
        }
        List<X509Certificate> signing = new ArrayList<>();
        if (signingCertificate != null) {
            signing.add(signingCertificate);
        }
        additionalSigningCertificates.stream().filter(c -> !signing.contains(c)).forEach(signing::add);
        List<X509Certificate> encryption = new ArrayList<>();
        encryptionCertificates.stream().filter(c -> !encryption.contains(c)).forEach(encryption::add);
        return new SpSettings(entityId, acs, Optional.ofNullable(singleLogoutService), Optional.ofNullable(signingKey),
                signing, encryption, relayStateMaxBytes, requireSignedLogoutMessages,
                Optional.ofNullable(logoutIssuers), nameIdFormats, wantAssertionsSigned, v.clock(), v.clockSkew(),
                v.maxResponseAge(), v.replayCache(), v.allowSha1(), v.limits());
    }

    private static void require(boolean ok, String fix) {
        if (!ok) {
            throw new IllegalStateException(fix);
        }
    }
}

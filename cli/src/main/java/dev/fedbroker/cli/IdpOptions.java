package dev.fedbroker.cli;

import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.SamlValidationException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The trusted IdP: {@code --idp-metadata FILE}, or {@code --idp-cert PEM_FILE...} with {@code --idp-entity-id ID}. */
final class IdpOptions {

    @Option(names = "--idp-metadata", paramLabel = "FILE",
            description = "The IdP's federation metadata (Azure: App Federation Metadata Url, downloaded).")
    Path metadata;

    @Option(names = "--idp-cert", paramLabel = "PEM_FILE",
            description = "A trusted IdP signing certificate (PEM); repeat it during a certificate rollover.")
    List<Path> certificates = new ArrayList<>();

    @Option(names = "--idp-entity-id", paramLabel = "ID",
            description = "The IdP's entity id, with --idp-cert (Azure: https://sts.windows.net/<tenant id>/).")
    String entityId;

    boolean given() {
        return metadata != null || !certificates.isEmpty() || entityId != null;
    }

    /** The IdP for validation: one source, complete. */
    IdentityProvider identityProvider(CliContext context) {
        checkExclusive();
        if (metadata != null) {
            return fromMetadata(context);
        }
        if (certificates.isEmpty()) {
            throw new UsageException("the trusted IdP is required: --idp-metadata FILE, or --idp-cert PEM_FILE with"
                    + " --idp-entity-id ID");
        }
        if (entityId == null || entityId.isBlank()) {
            throw new UsageException("--idp-entity-id ID is required with --idp-cert (Azure:"
                    + " https://sts.windows.net/<tenant id>/)");
        }
        return IdentityProvider.of(entityId, certificates(context));
    }

    /** The trusted certificates alone (inspect can attribute signatures without an entity id); empty if none given. */
    List<X509Certificate> trustedCertificates(CliContext context) {
        checkExclusive();
        if (metadata != null) {
            return fromMetadata(context).signingCertificates();
        }
        return certificates.isEmpty() ? List.of() : certificates(context);
    }

    /** The IdP when it is completely given, for inspect's "what validate would say". */
    Optional<IdentityProvider> complete(CliContext context) {
        checkExclusive();
        if (metadata == null && (certificates.isEmpty() || entityId == null)) {
            return Optional.empty();
        }
        return Optional.of(identityProvider(context));
    }

    private void checkExclusive() {
        if (metadata != null && (!certificates.isEmpty() || entityId != null)) {
            throw new UsageException("give either --idp-metadata, or --idp-cert with --idp-entity-id, not both");
        }
    }

    private IdentityProvider fromMetadata(CliContext context) {
        byte[] xml = Inputs.read(context, metadata, "IdP metadata");
        try {
            return IdentityProvider.fromMetadata(xml);
        } catch (SamlValidationException e) {
            throw new UsageException("IdP metadata '" + metadata + "' cannot be used: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UsageException("IdP metadata '" + metadata + "' cannot be used: " + e.getMessage(), e);
        }
    }

    private List<X509Certificate> certificates(CliContext context) {
        List<X509Certificate> all = new ArrayList<>();
        for (Path p : certificates) {
            all.addAll(PemFiles.certificates(context, p, "--idp-cert"));
        }
        return all;
    }
}

package dev.fedbroker.cli;

import dev.fedbroker.saml.NameIdFormat;
import dev.fedbroker.saml.ServiceProviderMetadata;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/** What {@code fedbroker metadata} writes into this SP's metadata. */
final class SpMetadataOptions {

    @Option(names = "--sp-entity-id", paramLabel = "ID",
            description = "This SP's entity id (the Identifier of the Azure enterprise app).")
    String entityId;

    @Option(names = "--acs", paramLabel = "URL", description = "The assertion consumer service URL (Reply URL).")
    String acs;

    @Option(names = "--slo", paramLabel = "URL", description = "The single logout URL (Logout URL), if any.")
    String slo;

    @Option(names = "--signing-cert", paramLabel = "PEM_FILE",
            description = "A certificate the SP signs AuthnRequests with (then AuthnRequestsSigned=\"true\");"
                    + " repeat it during a rollover.")
    List<Path> signing = new ArrayList<>();

    @Option(names = "--encryption-cert", paramLabel = "PEM_FILE",
            description = "A certificate Azure may encrypt assertions for; repeat it during a rollover.")
    List<Path> encryption = new ArrayList<>();

    @Option(names = "--name-id-format", paramLabel = "FORMAT",
            description = "A NameID format to list: persistent, email-address, unspecified, transient (or its URI);"
                    + " repeatable.")
    List<String> nameIdFormats = new ArrayList<>();

    @Option(names = "--want-assertions-signed",
            description = "Say WantAssertionsSigned=\"true\" (validate with the assertion signature required).")
    boolean wantAssertionsSigned;

    boolean given() {
        return entityId != null || acs != null || slo != null || !signing.isEmpty() || !encryption.isEmpty()
                || !nameIdFormats.isEmpty() || wantAssertionsSigned;
    }

    String xml(CliContext context) {
        if (entityId == null || entityId.isBlank() || acs == null || acs.isBlank()) {
            throw new UsageException("give --sp-entity-id ID and --acs URL to write SP metadata, or --idp FILE to"
                    + " summarise IdP metadata");
        }
        List<X509Certificate> signingCerts = certificates(context, signing, "--signing-cert");
        List<X509Certificate> encryptionCerts = certificates(context, encryption, "--encryption-cert");
        List<String> formats = nameIdFormats.stream().map(SpMetadataOptions::format).toList();
        String xml;
        try {
            xml = new ServiceProviderMetadata(entityId, acs, Optional.ofNullable(slo), signingCerts, encryptionCerts,
                    formats, !signingCerts.isEmpty(), wantAssertionsSigned).toXml();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        // Unsigned metadata does not depend on whitespace: indent it for the people who upload and review it.
        try {
            return PrettyXml.print(SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (SecureXml.Refused e) {
            throw new IllegalStateException("the library wrote SP metadata that does not parse: " + e.getMessage(), e);
        }
    }

    private static List<X509Certificate> certificates(CliContext context, List<Path> files, String option) {
        List<X509Certificate> out = new ArrayList<>();
        files.forEach(f -> out.addAll(PemFiles.certificates(context, f, option)));
        return out;
    }

    private static String format(String value) {
        String name = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (NameIdFormat f : NameIdFormat.values()) {
            if (f.name().equals(name) || f.name().replace("_", "").equals(name)) {
                return f.uri();
            }
        }
        try {
            return NameIdFormat.fromUri(value.trim()).uri();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--name-id-format '" + value + "': expected persistent, email-address,"
                    + " unspecified, transient or one of their URIs");
        }
    }
}

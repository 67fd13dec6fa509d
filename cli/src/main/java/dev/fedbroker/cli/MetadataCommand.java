package dev.fedbroker.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.SamlValidationException;
import java.io.PrintStream;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fedbroker metadata}: this SP's metadata XML (to upload to Azure AD), or with {@code --idp FILE} a summary of
 * an IdP metadata document.
 */
@Command(name = "metadata", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = {
            "fedbroker metadata --sp-entity-id ID --acs URL [--slo URL] [--signing-cert PEM_FILE]...",
            "                   [--encryption-cert PEM_FILE]... [--name-id-format FORMAT]... [--want-assertions-signed]",
            "fedbroker metadata --idp FILE [--now INSTANT] [--json]"},
        description = {"Print this SP's metadata XML for the Azure enterprise app (--sp-entity-id, --acs and the"
                + " certificates), or summarise an IdP metadata document (--idp FILE): entity id, endpoints, signing"
                + " certificates with their expiry judged at --now."},
        footer = {"", "Exit codes: 0 ok, 1 the IdP metadata cannot be used, 2 usage error."})
final class MetadataCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--idp", paramLabel = "FILE", description = "IdP federation metadata to summarise; '-' = stdin.")
    String idpFile;

    @Option(names = "--now", paramLabel = "INSTANT", converter = InstantConverter.class,
            description = "The time certificates are judged at, ISO-8601 (default: the system clock).")
    Instant now;

    @Option(names = "--json", description = "With --idp: one JSON object (one line) instead of text.")
    boolean json;

    @Mixin
    SpMetadataOptions sp;

    MetadataCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (idpFile == null) {
            if (json || now != null) {
                throw new UsageException("--json and --now go with --idp FILE");
            }
            context.out().print(sp.xml(context));
            return Main.OK;
        }
        if (sp.given()) {
            throw new UsageException("--idp FILE summarises IdP metadata; the SP options (--sp-entity-id, --acs, ...)"
                    + " write SP metadata: give one or the other");
        }
        Inputs.requireReadable(idpFile, "IdP metadata");
        Instant at = context.now(java.util.Optional.ofNullable(now));
        IdentityProvider idp;
        try {
            idp = IdentityProvider.fromMetadata(Inputs.read(context, idpFile, "IdP metadata"));
        } catch (SamlValidationException e) {
            context.error("IdP metadata '" + idpFile + "' cannot be used: " + e.getMessage());
            return Main.REJECTED;
        }
        if (json) {
            context.printJsonLine(json(idp, at));
        } else {
            text(idp, at);
        }
        return Main.OK;
    }

    private ObjectNode json(IdentityProvider idp, Instant at) {
        ObjectNode n = context.object();
        n.put("file", idpFile);
        n.put("now", at.toString());
        n.put("entityId", idp.entityId());
        endpoints(n.putArray("singleSignOnServices"), idp.singleSignOnServices());
        endpoints(n.putArray("singleLogoutServices"), idp.singleLogoutServices());
        ArrayNode certs = n.putArray("signingCertificates");
        idp.signingCertificates().forEach(c -> certs.add(Certificates.json(context, c, at)));
        return n;
    }

    private static void endpoints(ArrayNode array, List<IdentityProvider.Endpoint> endpoints) {
        endpoints.forEach(e -> array.addObject().put("binding", e.binding()).put("location", e.location()));
    }

    private void text(IdentityProvider idp, Instant at) {
        PrintStream out = context.out();
        out.println("IdP metadata   " + idpFile);
        out.println("Entity id      " + idp.entityId());
        out.println("Judged at      " + at);
        out.println("Single sign-on");
        idp.singleSignOnServices().forEach(e -> out.println("  " + binding(e.binding()) + e.location()));
        out.println("Single logout");
        if (idp.singleLogoutServices().isEmpty()) {
            out.println("  (none)");
        }
        idp.singleLogoutServices().forEach(e -> out.println("  " + binding(e.binding()) + e.location()));
        List<X509Certificate> certs = idp.signingCertificates();
        out.println("Signing certificates (" + certs.size() + ", all trusted)");
        for (int i = 0; i < certs.size(); i++) {
            X509Certificate c = certs.get(i);
            out.println("  " + (i + 1) + ". " + c.getSubjectX500Principal().getName());
            out.println("     SHA-256     " + Certificates.sha256(c));
            out.println("     Thumbprint  " + Certificates.azureThumbprint(c) + " (SHA-1, as the Azure portal shows)");
            out.println("     Valid       " + c.getNotBefore().toInstant() + " .. " + c.getNotAfter().toInstant());
            out.println("     Status      " + Certificates.statusText(c, at));
        }
    }

    private static String binding(String uri) {
        String shortName = uri.substring(uri.lastIndexOf(':') + 1);
        return String.format("%-15s", shortName);
    }
}

package dev.fedbroker.cli;

import dev.fedbroker.cli.Inspection.Outcome;
import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.ServiceProvider;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fedbroker inspect FILE}: decode a captured response without trusting it, and say what validate would. */
@Command(name = "inspect", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = {
            "fedbroker inspect [--json] [--now INSTANT] [--clock-skew DURATION]",
            "                  [--idp-metadata FILE | --idp-cert PEM_FILE... [--idp-entity-id ID]]",
            "                  [--sp-key PEM_FILE --sp-cert PEM_FILE]",
            "                  [--sp-entity-id ID --acs URL [--in-response-to ID | --allow-unsolicited] [--allow-sha1]]",
            "                  [--debug] FILE"},
        description = {"Decode a captured SAML response WITHOUT trusting it: the signed elements and which"
                + " certificate verifies each (SHA-256 thumbprint), time windows relative to now, the claims, what"
                + " validate would say, and the XML (parsed securely: no DOCTYPE, no entities).",
                "Give --idp-metadata or --idp-cert to check signatures against trusted keys (otherwise only the"
                        + " untrusted KeyInfo certificate is shown), --sp-key/--sp-cert to see an encrypted assertion,"
                        + " and the validate options (--sp-entity-id, --acs, ...) for the verdict."},
        footer = {"", "Exit codes: 0 inspected (whatever the verdict), 1 the file does not decode to a SAML 2.0"
                + " Response, 2 usage error."})
final class InspectCommand implements Callable<Integer> {

    private static final Duration DEFAULT_SKEW = Duration.ofMinutes(3);

    private final CliContext context;

    @Mixin
    IdpOptions idp;

    @Mixin
    SpOptions sp;

    @Option(names = "--json", description = "One JSON object (one line) instead of text.")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "1", description = "The captured response; '-' = standard input.")
    String file;

    InspectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Inputs.requireReadable(file, "FILE");
        Instant now = sp.now(context);
        Duration skew = sp.clockSkew != null ? sp.clockSkew : DEFAULT_SKEW;
        List<X509Certificate> trusted = idp.trustedCertificates(context);
        if ((sp.spKey == null) != (sp.spCert == null)) {
            throw new UsageException("--sp-key and --sp-cert go together: give both or neither");
        }
        Optional<PrivateKey> key = Optional.ofNullable(sp.spKey).map(k -> PemFiles.privateKey(context, k, "--sp-key"));
        ResponseInput input = ResponseInput.detect(Inputs.read(context, file, "FILE"));
        Outcome verdict = verdict(input, now);

        Inspection inspection;
        byte[] xml = input.xml();
        Optional<String> error = Optional.empty();
        if (input.format() != ResponseInput.Format.XML) {
            try {
                xml = Base64.getDecoder().decode(input.text().replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                error = Optional.of("not base64 and not XML: " + e.getMessage());
            }
        }
        Document doc = null;
        if (error.isEmpty()) {
            try {
                doc = SecureXml.parse(xml);
            } catch (SecureXml.Refused e) {
                error = Optional.of(e.getMessage());
            }
        }
        if (doc == null) {
            inspection = new Inspection(file, input.formatName(), now, skew, error, Optional.empty(), List.of(),
                    List.of(), Optional.empty(), Optional.empty(), verdict);
        } else {
            inspection = inspect(doc, input, now, skew, trusted, key, verdict);
        }
        if (json) {
            context.printJsonLine(InspectionJson.write(context, inspection));
        } else {
            InspectionText.print(context.out(), inspection);
        }
        return inspection.facts().map(SamlFacts::isResponse).orElse(false) ? Main.OK : Main.REJECTED;
    }

    private Inspection inspect(Document doc, ResponseInput input, Instant now, Duration skew,
            List<X509Certificate> trusted, Optional<PrivateKey> key, Outcome verdict) {
        String pretty = PrettyXml.print(doc, !json);
        List<SignatureReport> signatures = new ArrayList<>(SignatureInspector.inspect(doc, trusted));
        Document plain = (Document) doc.cloneNode(true);
        List<EncryptedAssertions.Found> encrypted = EncryptedAssertions.decrypt(plain, key);
        Optional<String> decrypted = Optional.empty();
        if (encrypted.stream().anyMatch(EncryptedAssertions.Found::decrypted)) {
            // The Response signature covers the ciphertext: only the decrypted Assertion's own signature is new here.
            SignatureInspector.inspect(plain, trusted).stream().filter(s -> s.element().equals("Assertion"))
                    .forEach(signatures::add);
            Optional<Element> assertion = SamlFacts.child(plain.getDocumentElement(), SamlFacts.SAML, "Assertion");
            decrypted = assertion.map(a -> PrettyXml.print(a, !json));
        }
        return new Inspection(file, input.formatName(), now, skew, Optional.empty(), Optional.of(new SamlFacts(plain)),
                signatures, encrypted, Optional.of(pretty), decrypted, verdict);
    }

    /** Runs validate's pipeline when the options configure a service provider (its own replay cache). */
    private Outcome verdict(ResponseInput input, Instant now) {
        Optional<IdentityProvider> trusted = idp.complete(context);
        if (trusted.isEmpty() || !sp.complete()) {
            return Outcome.notRun("give --idp-metadata (or --idp-cert with --idp-entity-id), --sp-entity-id and --acs"
                    + " (and --in-response-to ID or --allow-unsolicited) to see validate's verdict");
        }
        ServiceProvider serviceProvider = sp.serviceProvider(context, trusted.get(), now);
        try {
            Identity identity = Verdict.validate(serviceProvider, sp, input);
            return new Outcome(true, "", Optional.empty(), Verdict.ACCEPTED, Optional.of(identity));
        } catch (SamlValidationException e) {
            return new Outcome(true, "", Optional.of(e.reason().name()), Verdict.message(e, sp), Optional.empty());
        }
    }
}

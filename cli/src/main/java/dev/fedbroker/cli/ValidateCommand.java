package dev.fedbroker.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedbroker.core.Identity;
import dev.fedbroker.saml.IdentityProvider;
import dev.fedbroker.saml.SamlValidationException;
import dev.fedbroker.saml.ServiceProvider;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code fedbroker validate}: each captured response through the library's own validation, in order, with one
 * replay cache for the invocation; one JSON line per file.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
        customSynopsis = {
            "fedbroker validate (--idp-metadata FILE | --idp-cert PEM_FILE... --idp-entity-id ID)",
            "                   --sp-entity-id ID --acs URL",
            "                   [--in-response-to ID | --allow-unsolicited] [--now INSTANT] [--clock-skew DURATION]",
            "                   [--sp-key PEM_FILE --sp-cert PEM_FILE] [--allow-sha1] [--debug] FILE..."},
        description = {"Validate captured SAML responses exactly as the library does at runtime.",
                "Each FILE holds the raw XML or the base64 SAMLResponse form value (detected); '-' reads standard"
                        + " input. One JSON line per file, in order: {\"file\", \"valid\", \"reason\", \"message\","
                        + " \"identity\"}. One replay cache for the whole invocation: the same assertion twice is"
                        + " REPLAYED."},
        footer = {"", "Exit codes: 0 every file valid, 1 any rejected, 2 usage or configuration error."})
final class ValidateCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    IdpOptions idp;

    @Mixin
    SpOptions sp;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Captured responses; '-' = standard input.")
    List<String> files;

    ValidateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        IdentityProvider trusted = idp.identityProvider(context);
        Instant now = sp.now(context);
        ServiceProvider serviceProvider = sp.serviceProvider(context, trusted, now);
        long stdin = files.stream().filter("-"::equals).count();
        if (stdin > 1) {
            throw new UsageException("'-' (standard input) may be given only once");
        }
        files.forEach(f -> Inputs.requireReadable(f, "FILE"));
        int exit = Main.OK;
        for (String file : files) {
            ObjectNode line = validate(serviceProvider, file);
            context.printJsonLine(line);
            if (!line.get("valid").booleanValue()) {
                exit = Main.REJECTED;
            }
        }
        return exit;
    }

    private ObjectNode validate(ServiceProvider serviceProvider, String file) {
        ResponseInput input = ResponseInput.detect(Inputs.read(context, file, "FILE"));
        ObjectNode line = context.object();
        line.put("file", file);
        try {
            Identity identity = Verdict.validate(serviceProvider, sp, input);
            line.put("valid", true);
            line.putNull("reason");
            line.put("message", Verdict.ACCEPTED);
            line.set("identity", IdentityJson.write(context, identity));
        } catch (SamlValidationException e) {
            line.put("valid", false);
            line.put("reason", e.reason().name());
            line.put("message", Verdict.message(e, sp));
            line.putNull("identity");
        }
        return line;
    }
}
